#!/usr/bin/env python3
"""One-off: writes src/test/resources/ingestion/gold/<seed>.csv from the demo framework files, which hold
every figure of the five seeds with its sentence (observations.csv and plans/*.yaml). Rerun after the
demo data changes:  python3 bench/ingestion-gold.py"""
import csv, os, yaml
root = os.path.join(os.path.dirname(__file__), '..')
demo = os.path.join(root, 'src/main/resources/demo')
out = os.path.join(root, 'src/test/resources/ingestion/gold')
docs = {d['code']: d['reference'] for d in yaml.safe_load(open(f'{demo}/documents.yaml'))['documents']}
units = {i['code']: i.get('unit_zh', '') or '' for i in yaml.safe_load(open(f'{demo}/indicators.yaml'))['indicators']}
rows = {ref: [] for ref in docs.values()}
MEASURE = {'level': 'baseline', 'change': 'change', 'pct_change': 'change', 'cagr': 'growth_rate', 'multiple': 'multiple'}
for r in csv.DictReader(open(f'{demo}/observations.csv', encoding='utf-8')):
    m = r['measure'] or 'level'
    unit = {'pct_change': '%', 'cagr': '%', 'multiple': ''}.get(m, units[r['indicator']])
    if m == 'change' and unit == '%':
        unit = '个百分点'  # an absolute change of a share is in percentage points
    rows[docs[r['document']]].append(dict(kind=MEASURE[m], indicator=r['indicator'], value=r['value'], value_high='',
        unit=unit, year=r['period'][:4], qualifier=r['qualifier'], line=r['line'], sentence=r['quote']))
TARGET = {'value': 'target', 'at_least': 'target', 'at_most': 'target', 'range': 'target', 'change': 'target_change',
          'growth_rate': 'target_growth', 'multiple': 'target_multiple', 'comparator': 'comparator', 'count': 'count',
          'milestone': 'milestone'}
for f in sorted(os.listdir(f'{demo}/plans')):
    plan = yaml.safe_load(open(f'{demo}/plans/{f}', encoding='utf-8'))
    for t in plan.get('targets', []):
        k = t['kind']
        if k not in TARGET:
            continue
        unit = units.get(t.get('indicator', ''), '')
        if k == 'change':
            unit = '%' if t.get('change_unit') == 'percent' else '个百分点'
        elif k == 'growth_rate':
            unit = '%'
        elif k in ('multiple', 'comparator', 'milestone'):
            unit = ''
        val = '' if k in ('comparator', 'milestone') else str(t['value'])
        s = t['source']
        rows[docs[s['document']]].append(dict(kind=TARGET[k], indicator=t.get('indicator', ''), value=val,
            value_high=str(t.get('value_high', '')), unit=unit, year=str(t.get('target_year', '')),
            qualifier=t.get('qualifier', '') or '', line=s['line'], sentence=s['quote']))
for ref, rs in rows.items():
    with open(f'{out}/{ref[:-4]}.csv', 'w', encoding='utf-8', newline='') as fh:
        w = csv.DictWriter(fh, fieldnames=['kind', 'indicator', 'value', 'value_high', 'unit', 'year', 'qualifier', 'line', 'sentence'])
        w.writeheader()
        w.writerows(sorted(rs, key=lambda r: int(r['line'])))
    print(ref, len(rs))

#!/usr/bin/env python3
"""One-off: writes src/test/resources/ingestion/gold/<seed>.csv from the demo framework files, which hold
every figure of the five seeds with its sentence (observations.csv and plans/*.yaml). Rerun after the
demo data changes:  python3 bench/ingestion-gold.py

The gold says what each document itself states. Where the demo, curated across documents, knows more than
one document says (or left a figure out), CORRECTIONS below fix the gold, each with its reason."""
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
# (document, line, indicator or '', value) -> changes; or ('add', document, row) for a figure the demo left out
NEWS = '001_8718a80db3bac299.txt'
NOW_2017 = ('the news report (September 2017) gives this as the present (目前 / 五年来); the demo dates it 2015 because '
            'the 13th plan (000) prints the same figure 截止2015年底, which this document never says')
CORRECTIONS = [
    (NEWS, '10', 'GOV_APP_BUREAUS', '20', {'year': '2017'}, NOW_2017),
    (NEWS, '10', 'GOV_SERVICE_DEPTS', '100', {'year': '2017'}, NOW_2017),
    (NEWS, '10', 'GOV_SERVICE_DEPTS', '4000', {'year': '2017'}, NOW_2017),
    (NEWS, '10', 'GOV_WEBSITES', '1963', {'year': '2017'}, NOW_2017),
    (NEWS, '25', 'SCHOOL_BB_RATE', '55.15', {'year': '2017'}, NOW_2017),
    (NEWS, '25', 'CLASS_MM_RATE', '75', {'year': '2017'}, NOW_2017),
    (NEWS, '16', 'DESIGN_TOOL_RATE', '52', {'year': '2016'},
     'same paragraph as 从2010年的43.05提升到2016年的59.8 under 目前: its present is 2016 (the demo took 2015 from 000)'),
    (NEWS, '16', 'NC_PROCESS_RATE', '58', {'year': '2016'},
     'same paragraph as 从2010年的43.05提升到2016年的59.8 under 目前: its present is 2016 (the demo took 2015 from 000)'),
]
ADDITIONS = [
    ('000_725402c544bed228.txt', dict(kind='count', indicator='', value='3', value_high='', unit='条', year='2020',
        qualifier='', line='109', sentence='重点打造电子新材料产业链、太阳能光伏产业链、有色金属材料等三条特色产业链'),
     'a count target of the same form as WEST_CORRIDORS (加快推进中巴、中俄、中亚等三条西向信息大通道建设), '
     'which the demo keeps; the demo has no indicator for industrial chains, so it was left out'),
]
for ref, line, ind, val, change, why in CORRECTIONS:
    hits = [r for r in rows[ref] if r['line'] == line and r['indicator'] == ind and r['value'] == val]
    assert len(hits) == 1, (ref, line, ind, val, why)
    hits[0].update(change)
for ref, row, why in ADDITIONS:
    rows[ref].append(row)
for ref, rs in rows.items():
    with open(f'{out}/{ref[:-4]}.csv', 'w', encoding='utf-8', newline='') as fh:
        w = csv.DictWriter(fh, fieldnames=['kind', 'indicator', 'value', 'value_high', 'unit', 'year', 'qualifier', 'line', 'sentence'])
        w.writeheader()
        w.writerows(sorted(rs, key=lambda r: int(r['line'])))
    print(ref, len(rs))

#!/usr/bin/env python3
"""Checks the demo dataset (src/main/resources/demo) against the seed documents.

Usage: python3 scripts/check-demo.py ../shared/seeds [DEMO_DIR]   (the seeds beside the repository)
(DEMO_DIR defaults to src/main/resources/demo of this repository.)

Every quote (observations.csv and every `quote:` in the YAML files) must be an exact substring of
the stated 1-based line of the stated document's seed file; every number in `value`/`value_high`
of targets and observations must appear literally in its quote (a Chinese numeral counts for small
whole numbers and 千, and 翻一番/翻了两番 … for a `multiple` target or observation of 2/4/8). With
PyYAML installed the references between files are checked too (indicators, regions, disaggregations,
organisations, task and key-project targets, target kinds); without it the YAML quotes and values are
checked by a line scan.
Prints the number of targets and observations per seed document. Exit status 1 on any error.

Python 3 standard library only (PyYAML used when present).
"""
import csv
import os
import re
import sys
from collections import Counter, defaultdict
from decimal import Decimal, InvalidOperation

try:
    import yaml  # type: ignore
except ImportError:  # pragma: no cover - depends on the machine
    yaml = None

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEMO = os.path.join(ROOT, "src", "main", "resources", "demo")
NBS = os.path.join(ROOT, "src", "main", "resources", "regions", "nbs-2023")

CSV_HEADER = ["indicator", "region", "period", "disaggregation", "measure", "base_period", "value",
              "qualifier", "document", "line", "quote"]
MEASURES = {"level", "change", "pct_change", "cagr", "multiple"}
KINDS = {"value", "at_least", "at_most", "range", "change", "growth_rate", "multiple", "comparator",
         "count", "milestone"}
# the words org.yardstick.framework.Qualifier reads
QUALIFIERS = {"", "超过", "以上", "多", "余", "逾", "近", "接近", "将近", "约", "左右", "大约", "不少于",
              "不低于", "至少", "达到或超过", "不超过", "以内", "不高于", "以下", "争取", "力争", "大概",
              "基本"}
CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
PERIOD = re.compile(r"^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
CN_DIGITS = {1: ["一"], 2: ["两", "二"], 3: ["三"], 4: ["四"], 5: ["五"], 6: ["六"], 7: ["七"],
             8: ["八"], 9: ["九"], 10: ["十"], 100: ["百"], 1000: ["千"], 10000: ["万"]}
# 翻一番 / 翻了一番 = 2, 翻两番 / 翻了两番 (二番) = 4, 翻三番 = 8
MULTIPLES = {2: re.compile(r"翻了?一番"), 4: re.compile(r"翻了?[两二]番"), 8: re.compile(r"翻了?三番")}

errors = []
warnings = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def warn(where, msg):
    warnings.append(f"{where}: {msg}")


def to_decimal(v):
    try:
        return Decimal(str(v).strip())
    except (InvalidOperation, ValueError):
        return None


def value_in_quote(value, quote, kind=None):
    """True if the number appears in the quote: literally, as a number token of equal value,
    as a Chinese numeral (small whole numbers, 千) or, for a multiple, as 翻一番/翻了两番 …."""
    text = str(value).strip()
    d = to_decimal(text)
    if d is None:
        return False
    d = abs(d)
    if kind == "multiple":
        # a factor is written 翻一番/翻了两番 or as a number of its own (3倍), not as a digit of 2015
        n = int(d) if d == d.to_integral_value() else None
        return (n in MULTIPLES and MULTIPLES[n].search(quote) is not None) or any(
            Decimal(tok) == d and re.search(re.escape(tok) + r"\s*倍", quote) for tok in NUMBER.findall(quote))
    if text.lstrip("-") in quote:
        return True
    for tok in NUMBER.findall(quote):
        if Decimal(tok) == d:
            return True
    if d == d.to_integral_value():
        n = int(d)
        if any(w in quote for w in CN_DIGITS.get(n, [])):
            return True
    return False


class Seeds:
    def __init__(self, seed_dir, documents):
        self.lines = {}
        for code, ref in documents.items():
            path = os.path.join(seed_dir, ref)
            if not os.path.exists(path):
                err("documents.yaml", f"{code}: seed file {path} not found")
                continue
            with open(path, encoding="utf-8") as f:
                self.lines[code] = f.read().split("\n")

    def check_quote(self, where, document, line, quote):
        if document not in self.lines:
            err(where, f"unknown document {document!r}")
            return False
        try:
            n = int(line)
        except (TypeError, ValueError):
            err(where, f"line {line!r} is not a number")
            return False
        lines = self.lines[document]
        if not 1 <= n <= len(lines):
            err(where, f"line {n} outside {document} (1..{len(lines)})")
            return False
        if not quote or not str(quote).strip():
            err(where, "empty quote")
            return False
        if str(quote) not in lines[n - 1]:
            err(where, f"quote is not a substring of {document} line {n}: {str(quote)[:60]}…")
            return False
        if "……" in str(quote) or "..." in str(quote):
            if "……" not in lines[n - 1] and "..." not in lines[n - 1]:
                err(where, "quote contains an ellipsis")
        return True


def read_documents_plain(path):
    """documents.yaml without PyYAML: code -> reference."""
    docs, code = {}, None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            m = re.match(r"\s*-?\s*code:\s*\"?([^\"\s#]+)", raw)
            if m:
                code = m.group(1)
            m = re.match(r"\s*reference:\s*\"?([^\"#]+?)\"?\s*(#.*)?$", raw)
            if m and code:
                docs[code] = m.group(1).strip()
    return docs


def load_yaml(name):
    with open(os.path.join(DEMO, name), encoding="utf-8") as f:
        return yaml.safe_load(f)


def nbs_codes():
    codes = set()
    for base in (NBS,):
        for fn in ("provinces.csv", "cities.csv", "areas.csv"):
            p = os.path.join(base, fn)
            if os.path.exists(p):
                with open(p, encoding="utf-8") as f:
                    for row in csv.DictReader(f):
                        codes.add(row["code"])
    return codes


def walk_quotes(node, path, out):
    if isinstance(node, dict):
        if "quote" in node:
            out.append((path, node))
        for k, v in node.items():
            walk_quotes(v, f"{path}.{k}", out)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            label = v.get("id") or v.get("code") if isinstance(v, dict) else None
            walk_quotes(v, f"{path}[{label or i}]", out)


def check_observations(seeds, ref):
    path = os.path.join(DEMO, "observations.csv")
    counts = Counter()
    keys = {}
    seen_in_doc = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0] != CSV_HEADER:
        err("observations.csv:1", f"header must be {','.join(CSV_HEADER)}")
        return counts
    for i, row in enumerate(rows[1:], start=2):
        where = f"observations.csv:{i}"
        if len(row) != len(CSV_HEADER):
            err(where, f"{len(row)} fields, expected {len(CSV_HEADER)}")
            continue
        r = dict(zip(CSV_HEADER, row))
        if not seeds.check_quote(where, r["document"], r["line"], r["quote"]):
            continue
        counts[r["document"]] += 1
        if to_decimal(r["value"]) is None:
            err(where, f"value {r['value']!r} is not a number")
        elif not value_in_quote(r["value"], r["quote"], r["measure"]):
            err(where, f"value {r['value']} does not appear in the quote")
        if r["measure"] not in MEASURES:
            err(where, f"measure {r['measure']!r} not one of {sorted(MEASURES)}")
        if r["measure"] == "level" and r["base_period"]:
            err(where, "a level has no base_period")
        if r["measure"] == "multiple" and (to_decimal(r["value"]) or 0) <= 0:
            err(where, "a multiple must be above 0")
        if r["measure"] in ("change", "pct_change", "cagr", "multiple"):
            if not PERIOD.match(r["base_period"]):
                err(where, f"{r['measure']} needs a base_period, got {r['base_period']!r}")
            elif r["base_period"] >= r["period"]:
                err(where, "base_period must be before period")
        if not PERIOD.match(r["period"]):
            err(where, f"period {r['period']!r} is not YYYY, YYYYQn or YYYY-MM")
        if r["qualifier"] not in QUALIFIERS:
            err(where, f"qualifier {r['qualifier']!r} is not a known word")
        if ref:
            if r["indicator"] not in ref["indicators"]:
                err(where, f"unknown indicator {r['indicator']!r}")
            if r["region"] not in ref["regions"]:
                err(where, f"unknown region {r['region']!r}")
            if r["disaggregation"] and r["disaggregation"] not in ref["disaggregations"]:
                err(where, f"unknown disaggregation {r['disaggregation']!r}")
        key = (r["indicator"], r["region"], r["period"], r["disaggregation"], r["measure"], r["base_period"])
        if key in keys and to_decimal(keys[key][0]) != to_decimal(r["value"]):
            err(where, f"same key as line {keys[key][1]} with a different value ({keys[key][0]} vs {r['value']})")
        keys.setdefault(key, (r["value"], i))
        for other_line, other_row in seen_in_doc[(key, r["document"])]:
            if other_row["line"] == r["line"] and other_row["quote"] == r["quote"]:
                err(where, f"the same figure twice from the same sentence (see line {other_line})")
            else:
                warn(where, f"{r['document']} states this figure twice (also line {other_line})")
        seen_in_doc[(key, r["document"])].append((i, r))
    return counts


def check_target(where, t, seeds, ref, plan, ids):
    tid = t.get("id")
    if not tid or not CODE.match(str(tid)):
        err(where, f"target id {tid!r} missing or not a code")
    elif tid in ids:
        err(where, f"duplicate target id {tid}")
    ids.add(tid)
    kind = t.get("kind")
    if kind not in KINDS:
        err(where, f"kind {kind!r} not one of {sorted(KINDS)}")
        return
    src = t.get("source") or {}
    quote = str(src.get("quote", ""))
    for f in ("statement_zh", "statement_en", "target_year", "region"):
        if f not in t or t[f] in (None, ""):
            err(where, f"{f} missing")
    if t.get("qualifier", "") not in QUALIFIERS:
        err(where, f"qualifier {t.get('qualifier')!r} is not a known word")
    ty = t.get("target_year")
    if isinstance(ty, int) and not plan.get("start_year", 0) <= ty <= plan.get("end_year", 9999):
        err(where, f"target_year {ty} outside the plan {plan.get('start_year')}–{plan.get('end_year')}")
    if str(t.get("region")) not in ref["regions"]:
        err(where, f"unknown region {t.get('region')!r}")
    if t.get("disaggregation") not in (None, "", "_T") and t["disaggregation"] not in ref["disaggregations"]:
        err(where, f"unknown disaggregation {t['disaggregation']!r}")
    if kind == "milestone":
        for f in ("value", "value_high"):
            if f in t:
                err(where, f"a milestone has no {f}")
        return
    if t.get("indicator") not in ref["indicators"]:
        err(where, f"unknown indicator {t.get('indicator')!r}")
    if kind == "comparator":
        if str(t.get("comparator")) not in ref["regions"]:
            err(where, f"comparator {t.get('comparator')!r} is not a region")
        if t.get("relation") not in ("at_least", "at_most"):
            err(where, f"relation {t.get('relation')!r}")
        return
    if "value" not in t:
        err(where, f"kind {kind} needs a value")
    else:
        if to_decimal(t["value"]) is None:
            err(where, f"value {t['value']!r} is not a number")
        elif not value_in_quote(t["value"], quote, kind):
            err(where, f"value {t['value']} does not appear in the quote")
    if kind == "range":
        if "value_high" not in t:
            err(where, "a range needs value_high")
        elif not value_in_quote(t["value_high"], quote, kind):
            err(where, f"value_high {t['value_high']} does not appear in the quote")
        elif to_decimal(t["value_high"]) <= to_decimal(t["value"]):
            err(where, "value_high must be above value")
    elif "value_high" in t:
        err(where, f"value_high only for a range, not {kind}")
    if kind == "change" and t.get("change_unit") not in ("percent", "points"):
        err(where, "a change needs change_unit percent or points")
    if kind in ("change", "growth_rate", "multiple") and not t.get("baseline_year"):
        err(where, f"{kind} needs baseline_year")
    if kind == "multiple" and (to_decimal(t.get("value")) or 0) <= 0:
        err(where, "a multiple must be above 0")


def responsible_names(quote):
    m = re.search(r"责任单位：([^）]*)", quote)
    return [x.strip() for x in m.group(1).split("、")] if m else None


def check_plan(name, seeds, ref, counts):
    data = load_yaml(os.path.join("plans", name))
    where0 = f"plans/{name}"
    plan = data.get("plan") or {}
    if plan.get("code") + ".yaml" != name:
        err(where0, f"plan code {plan.get('code')!r} does not match the file name")
    if plan.get("document") not in ref["documents"]:
        err(where0, f"unknown document {plan.get('document')!r}")
    # quotes everywhere
    quotes = []
    walk_quotes(data, where0, quotes)
    for path, s in quotes:
        seeds.check_quote(path, s.get("document"), s.get("line"), s.get("quote"))
    # sections
    section_codes = set()

    def walk(secs, parent):
        for s in secs or []:
            c = str(s.get("code"))
            if c in section_codes:
                err(where0, f"duplicate section {c}")
            if parent and not c.startswith(parent + "."):
                err(where0, f"section {c} is not under {parent}")
            section_codes.add(c)
            for f in ("title_zh", "title_en"):
                if not s.get(f):
                    err(where0, f"section {c}: {f} missing")
            for ind in s.get("indicators") or []:
                if ind not in ref["indicators"]:
                    err(where0, f"section {c}: unknown indicator {ind}")
            for g in s.get("goals") or []:
                for f in ("code", "text_zh", "text_en", "source"):
                    if not g.get(f):
                        err(where0, f"section {c} goal: {f} missing")
            walk(s.get("sections"), c)
    walk(data.get("sections"), "")
    for kp in data.get("key_projects") or []:
        if str(kp.get("section")) not in section_codes:
            err(where0, f"key project {kp.get('code')}: unknown section {kp.get('section')}")
        for f in ("code", "name_zh", "name_en", "summary_zh", "summary_en", "source"):
            if not kp.get(f):
                err(where0, f"key project {kp.get('code')}: {f} missing")
    ids = set()
    for t in data.get("targets") or []:
        where = f"{where0} target {t.get('id')}"
        check_target(where, t, seeds, ref, plan, ids)
        doc = (t.get("source") or {}).get("document")
        counts[doc]["milestone" if t.get("kind") == "milestone" else "quantified"] += 1
    linked = {}
    for kp in data.get("key_projects") or []:
        where = f"{where0} key project {kp.get('code')}"
        tids = kp.get("targets") or []
        if not isinstance(tids, list):
            err(where, "targets must be a list of target ids")
            continue
        for tid in tids:
            if tid not in ids:
                err(where, f"unknown target {tid}")
            elif tid in linked:
                warn(where, f"target {tid} is also linked to key project {linked[tid]}")
            linked.setdefault(tid, kp.get("code"))
    for task in data.get("tasks") or []:
        where = f"{where0} task {task.get('code')}"
        if str(task.get("section")) not in section_codes:
            err(where, f"unknown section {task.get('section')}")
        orgs = task.get("responsible") or []
        for o in orgs:
            if o not in ref["organisations"]:
                err(where, f"unknown organisation {o}")
        for tid in task.get("targets") or []:
            if tid not in ids:
                err(where, f"unknown target {tid}")
        names = responsible_names(str((task.get("source") or {}).get("quote", "")))
        if names is not None:
            resolved = [ref["org_names"].get(n) or ref["org_names"].get(n.replace("自治区", "", 1)) for n in names]
            if None in resolved:
                err(where, f"responsible unit(s) not found in organisations.yaml: "
                           f"{[n for n, r in zip(names, resolved) if r is None]}")
            elif resolved != orgs:
                err(where, f"responsible {orgs} differ from the document's order {resolved}")
        for f in ("start_year", "deadline_year"):
            y = task.get(f)
            if not isinstance(y, int) or not plan.get("start_year", 0) <= y <= plan.get("end_year", 9999):
                err(where, f"{f} {y!r} outside the plan")


def check_full(seed_dir):
    docs = load_yaml("documents.yaml")["documents"]
    documents = {}
    for d in docs:
        if not CODE.match(str(d.get("code", ""))):
            err("documents.yaml", f"bad code {d.get('code')!r}")
        documents[d["code"]] = d.get("reference")
    seeds = Seeds(seed_dir, documents)
    regions = load_yaml("regions.yaml")
    region_codes = nbs_codes() | {r["code"] for r in regions["regions"]}
    for r in regions["regions"]:
        if r.get("parent") and r["parent"] not in region_codes:
            err("regions.yaml", f"{r['code']}: unknown parent {r['parent']}")
    for code in (regions.get("english_names") or {}):
        if str(code) not in nbs_codes():
            err("regions.yaml", f"english_names: {code} is not an NBS code")
    orgs = load_yaml("organisations.yaml")["organisations"]
    org_names = {}
    for o in orgs:
        for n in [o["name_zh"], o["short_zh"]] + list(o.get("aliases") or []):
            if n in org_names and org_names[n] != o["code"]:
                err("organisations.yaml", f"name {n} used by {org_names[n]} and {o['code']}")
            org_names[n] = o["code"]
            if n.startswith("自治区"):
                org_names.setdefault(n[len("自治区"):], o["code"])
    disaggs = {d["code"] for d in load_yaml("disaggregations.yaml")["disaggregations"]}
    indicators = {}
    for i in load_yaml("indicators.yaml")["indicators"]:
        if i["code"] in indicators:
            err("indicators.yaml", f"duplicate indicator {i['code']}")
        indicators[i["code"]] = i
        for f in ("name_zh", "name_en", "unit_en", "polarity", "aggregation", "nature"):
            if i.get(f) in (None, ""):
                err("indicators.yaml", f"{i['code']}: {f} missing")
    ref = dict(documents=documents, regions=region_codes, organisations={o["code"] for o in orgs},
               org_names=org_names, disaggregations=disaggs, indicators=indicators)
    # quotes in the non-plan files (none expected, checked anyway)
    for name in ("documents.yaml", "regions.yaml", "organisations.yaml", "disaggregations.yaml", "indicators.yaml"):
        quotes = []
        walk_quotes(load_yaml(name), name, quotes)
        for path, s in quotes:
            seeds.check_quote(path, s.get("document"), s.get("line"), s.get("quote"))
    counts = defaultdict(Counter)
    for name in sorted(os.listdir(os.path.join(DEMO, "plans"))):
        if name.endswith(".yaml"):
            check_plan(name, seeds, ref, counts)
    obs = check_observations(seeds, ref)
    return documents, counts, obs


FLOW_SOURCE = re.compile(r'\{document:\s*"?([^",]+?)"?,\s*line:\s*(\d+),\s*quote:\s*"((?:[^"\\]|\\.)*)"\}')


def check_plain(seed_dir):
    """Without PyYAML: quotes and values by a line scan of the files this dataset writes."""
    documents = read_documents_plain(os.path.join(DEMO, "documents.yaml"))
    seeds = Seeds(seed_dir, documents)
    counts = defaultdict(Counter)
    files = [os.path.join(DEMO, n) for n in ("documents.yaml", "regions.yaml", "organisations.yaml",
                                            "disaggregations.yaml", "indicators.yaml")]
    plans_dir = os.path.join(DEMO, "plans")
    files += [os.path.join(plans_dir, n) for n in sorted(os.listdir(plans_dir)) if n.endswith(".yaml")]
    for path in files:
        rel = os.path.relpath(path, DEMO)
        in_targets, block = False, {}

        def flush(block):
            if not block.get("source"):
                return
            doc, _, q = block["source"]
            kind = block.get("kind")
            counts[doc]["milestone" if kind == "milestone" else "quantified"] += 1
            for f in ("value", "value_high"):
                if f in block and not value_in_quote(block[f], q, kind):
                    err(f"{rel}:{block['line']}", f"{f} {block[f]} does not appear in the quote")

        with open(path, encoding="utf-8") as f:
            for n, raw in enumerate(f, start=1):
                if "quote:" in raw:
                    m = FLOW_SOURCE.search(raw)
                    if not m:
                        err(f"{rel}:{n}", "quote not in the form {document: …, line: …, quote: \"…\"}")
                        continue
                    q = m.group(3).replace('\\"', '"').replace("\\\\", "\\")
                    seeds.check_quote(f"{rel}:{n}", m.group(1), m.group(2), q)
                    if in_targets:
                        block["source"] = (m.group(1), m.group(2), q)
                if re.match(r"^targets:", raw):
                    in_targets = True
                elif re.match(r"^\S", raw):
                    in_targets = False
                if in_targets:
                    if re.match(r"^  - id:", raw):
                        flush(block)
                        block = {"line": n}
                    m = re.match(r"^    (kind|value|value_high):\s*(\S+)", raw)
                    if m:
                        block[m.group(1)] = m.group(2).strip('"')
        if in_targets or block:
            flush(block)
    obs = check_observations(seeds, None)
    return documents, counts, obs


def main():
    global DEMO
    if len(sys.argv) not in (2, 3):
        print(__doc__.strip().split("\n\n")[1])
        sys.exit(2)
    seed_dir = sys.argv[1]
    if len(sys.argv) == 3:
        DEMO = os.path.abspath(sys.argv[2])
    if yaml is not None:
        documents, counts, obs = check_full(seed_dir)
        mode = "full check (PyYAML)"
    else:
        documents, counts, obs = check_plain(seed_dir)
        mode = "line-scan check (PyYAML not installed: references between files not checked)"
    print(f"check-demo: {mode}")
    print(f"{'document':<24}{'seed file':<28}{'targets':>9}{'(+milestones)':>15}{'observations':>14}{'figures':>9}")
    tot = Counter()
    for code, ref in documents.items():
        q, m, o = counts[code]["quantified"], counts[code]["milestone"], obs[code]
        tot.update(q=q, m=m, o=o)
        print(f"{code:<24}{ref:<28}{q:>9}{m:>15}{o:>14}{q + o:>9}")
    print(f"{'total':<52}{tot['q']:>9}{tot['m']:>15}{tot['o']:>14}{tot['q'] + tot['o']:>9}")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()

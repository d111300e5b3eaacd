#!/usr/bin/env python3
"""For every rule DuckDB computed, shall must report exactly the same failing record ids.
usage: compare_ids.py SHALL_REPORT.json DUCKDB.json  (exit 1 on any difference)"""
import json, sys

report = json.load(open(sys.argv[1]))
duck = json.load(open(sys.argv[2]))
status = {r["id"]: r["status"] for r in report["rules"]}
failing = {}
for f in report["findings"]:
    if f.get("focus"):
        failing.setdefault(f["rule"], set()).add(f["focus"]["id"])
bad = 0
for rule, ids in sorted(duck.items()):
    if rule not in status:
        print(f"  {rule}: not in the shall report"); bad += 1; continue
    mine = failing.get(rule, set())
    if status[rule] == "not_evaluated" or mine != set(ids):
        print(f"  {rule}: shall {len(mine)} ({status[rule]}), duckdb {len(ids)}; "
              f"only shall: {sorted(mine - set(ids))[:5]}, only duckdb: {sorted(set(ids) - mine)[:5]}")
        bad += 1
total = sum(len(v) for v in duck.values())
print(f"  {len(duck)} rules compared, {total} failing ids, {'all identical' if not bad else f'{bad} differ'}")
sys.exit(1 if bad else 0)

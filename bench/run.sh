#!/usr/bin/env bash
# One command for the benchmark table of bench/RESULTS.md:
#   bench/run.sh                 # sizes 100k, 1M and 10M records
#   SIZES="100000" bench/run.sh  # quicker
# For each size: generate a bundle (not timed), then time as whole processes, each reading
# the same CSV files from the page cache:
#   shall  — import + the full ISO/IEC 20000-1 ruleset (~220 rules) + JSON report
#   DuckDB — node + @duckdb/node-api: read the CSVs it needs + 15 of those rules in SQL
# and require both to report the same failing record ids for every compared rule. At 1M
# records it also checks that --threads 1 gives the same report, and it finishes with the
# Google Benchmark micro-benchmarks. Each timing is the median of REPEAT (default 3) runs.
# Output: a markdown table on stdout; files in bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"100000 1000000 10000000"}
DATA=${BENCH_DATA:-/tmp/shall-bench}
OUT=bench/out
BUILD=${BUILD:-build-perf}
mkdir -p "$OUT" "$DATA"

if [ -z "${SKIP_BUILD:-}" ]; then
  cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD" -j"$(nproc)" --target shall shall_micro >/dev/null
fi
[ -d bench/node_modules/@duckdb/node-api ] || (cd bench && npm ci --no-audit --no-fund >/dev/null)

SHALL="$BUILD/shall"
REPEAT=${REPEAT:-3}
measure() {   # measure NAME CMD...  -> "wall cpu rss_mb" of the median run (by wall time) of $REPEAT
  local name=$1; shift
  : >"$OUT/$name.runs"
  for _ in $(seq "$REPEAT"); do
    /usr/bin/time -f "%e %U %S %M" -o "$OUT/$name.time" "$@" >"$OUT/$name.stdout" 2>"$OUT/$name.stderr" || {
      local rc=$?; [ $rc -eq 1 ] || { echo "$name failed (exit $rc)" >&2; cat "$OUT/$name.stderr" >&2; exit 1; }; }
    tail -1 "$OUT/$name.time" | awk '{ printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' >>"$OUT/$name.runs"
  done
  sort -n "$OUT/$name.runs" | sed -n "$(( (REPEAT + 1) / 2 ))p"
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2/1048576 }' /proc/meminfo), $(lscpu | sed -n 's/^Model name: *//p'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| records | shall wall s | shall CPU s | shall peak RSS MB | shall records/s | DuckDB wall s | DuckDB CPU s | DuckDB peak RSS MB | shall / DuckDB wall | same failing ids |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
declare -A wall
for n in $SIZES; do
  dir="$DATA/n$n"
  [ -f "$dir/.planted.json" ] || "$SHALL" generate --records "$n" --seed 1 --out "$dir" >/dev/null
  records=$(python3 -c "import json,sys; print(sum(json.load(open(sys.argv[1]))['record_counts'].values()))" "$dir/.planted.json")
  cat "$dir"/*.csv >/dev/null   # both sides start from the page cache
  read -r sw sc sr < <(measure "shall-$n" "$SHALL" audit --rules rulesets/iso20000-1 --evidence "$dir" --max-file-size 8G --format "json:$OUT/shall-$n.json")
  read -r dw dc dr < <(measure "duckdb-$n" node bench/duckdb_rules.mjs "$dir" "$OUT/duckdb-$n.json")
  if python3 bench/compare_ids.py "$OUT/shall-$n.json" "$OUT/duckdb-$n.json" >"$OUT/compare-$n.txt"; then same=yes; else same=NO; fi
  wall[$n]=$sw
  echo "| $records | $sw | $sc | $sr | $(python3 -c "print(f'{$records/max($sw,0.001):,.0f}')") | $dw | $dc | $dr | $(python3 -c "print(f'{$sw/max($dw,0.001):.2f}')") | $same ($(tail -1 "$OUT/compare-$n.txt" | sed 's/^ *//')) |"
done
echo
echo "Every run's wall time in seconds, in the order run (the table shows each median):"
for n in $SIZES; do
  echo "- $n: shall $(cut -d' ' -f1 "$OUT/shall-$n.runs" | tr '\n' ' ')/ DuckDB $(cut -d' ' -f1 "$OUT/duckdb-$n.runs" | tr '\n' ' ')"
done
echo
if [ -n "${wall[1000000]:-}" ] && [ -n "${wall[10000000]:-}" ]; then
  echo "10M / 1M wall time: $(python3 -c "print(f'{${wall[10000000]}/${wall[1000000]}:.1f}')")x"
fi
if [ -n "${wall[1000000]:-}" ]; then
  "$SHALL" audit --rules rulesets/iso20000-1 --evidence "$DATA/n1000000" --threads 1 --format "json:$OUT/shall-1000000-t1.json" >/dev/null || true
  if cmp -s "$OUT/shall-1000000.json" "$OUT/shall-1000000-t1.json"; then echo "1M: --threads 1 and all cores give byte-identical reports"
  else echo "1M: reports DIFFER between --threads 1 and all cores"; fi
fi
echo
if [ -x "$BUILD/bench/shall_micro" ]; then
  echo '```'
  "$BUILD/bench/shall_micro" --benchmark_min_time=0.2 2>/dev/null | grep -E "^(BM_|rule_eval|Benchmark|-)" || true
  echo '```'
fi

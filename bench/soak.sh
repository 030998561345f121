#!/usr/bin/env bash
# Soak test (issue 7) on loopback: a ctkg server with its default settings, serving a store of 1M
# generated case-record triples, first under 64 clients of cheap lookups for 60 s (the baseline), then
# for 5 minutes under 64 clients of which 48 send cheap lookups, 8 pathological queries, 4 oversized
# requests (10 MB query, 100 MB POSTs, 100 KB URL) and 4 are slow (dribbling requests, reading slowly).
# Prints both rows, the ratio of cheap-query p99s (target < 3), the server's resident memory and
# whether it still answers. Bounded: every request has a deadline, the whole run takes about 8 minutes.
# The query budget is off (--query-budget 0 --max-concurrent-queries 0): every client connects from
# 127.0.0.1, and would be one client to it; bench/query-budget.sh measures the budget.
#
#   bench/soak.sh [CLIENTS] [SECONDS] [TRIPLES]     # default: 64 300 1000000
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
clients="${1:-64}"; seconds="${2:-300}"; triples="${3:-1000000}"
data="$work/cases-$triples.nt"
[ -f "$data" ] || "${ctkg[@]}" generate --triples "$triples" --seed 42 --out "$data" 2> /dev/null
rm -rf "$work/soak-store"
"${ctkg[@]}" load --quiet --no-validate --loc "$work/soak-store" "$data" > /dev/null
"${ctkg[@]}" serve --loc "$work/soak-store" --port 3091 --localhost --query-budget 0 --max-concurrent-queries 0 > "$work/soak-server.out" 2>&1 &
pid=$!
trap 'kill $pid 2> /dev/null || true' EXIT
for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:3091/\$/ping" && break; sleep 0.5; done
java "$here/Soak.java" http://127.0.0.1:3091 "$pid" "$here/mix" "$clients" 20 cheap warm-up > /dev/null

host_line
echo
echo "| run | clients | seconds | cheap answers | cheap errors | cheap p50 ms | cheap p99 ms | outcomes | leaking error answers | server RSS MB start / max / end | after |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
java "$here/Soak.java" http://127.0.0.1:3091 "$pid" "$here/mix" "$clients" 60 cheap "baseline: cheap only" | tee "$work/soak-base.md"
java "$here/Soak.java" http://127.0.0.1:3091 "$pid" "$here/mix" "$clients" "$seconds" soak "soak: cheap + pathological + oversized + slow" | tee "$work/soak-run.md"
p99() { awk -F'|' '{gsub(/ /, "", $8); print $8}' "$1"; }
echo
echo "Cheap-query p99, soak ÷ baseline: $(awk -v a="$(p99 "$work/soak-run.md")" -v b="$(p99 "$work/soak-base.md")" 'BEGIN{printf "%.2f", a/b}') (target < 3)"
echo "Server log lines with a stack trace: $(grep -c '^\s*at ' "$work/soak-server.out" || true); process alive: $(kill -0 $pid 2> /dev/null && echo yes || echo no)"

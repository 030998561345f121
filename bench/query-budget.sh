#!/usr/bin/env bash
# Fair shares of query time (issue 18) on loopback, against the jar: 64 clients, of which 8 are
# greedy (one in eight: expensive queries on 8 connections at once, nonstop, waiting only as long as
# a 429's Retry-After says) and 56 cheap (a lookup each every CHEAP_PACE_MS, default 1000: 56 a
# second in all, a quarter of what the server answers to the same clients sending nonstop; 0 for
# nonstop). First the 56 cheap clients alone (the unloaded baseline), then all 64, against
# `ctkg serve` with its defaults (a budget of 60 s of query time per minute per client, 4 queries
# at once per client, 2 queries per core running at once across clients, 50 requests a second per
# client); then the same greedy clients ignoring Retry-After (a flood of refused requests); then,
# for comparison, all 64 against the same jar with all of that off. On loopback every client connects
# from 127.0.0.1, so the load client plays a proxy: each client sends its own X-Forwarded-For, and
# the budgeted server trusts 127.0.0.1 as its proxy (--trusted-proxy 127.0.0.1).
# Prints the rows, the ratio of the cheap clients' p99 loaded/unloaded (target: within 2) and
# whether each server still answers. Bounded: about 9 minutes.
#
#   bench/query-budget.sh [SECONDS]     # default 180 s per loaded run (the baseline 60 s, the flood 60 s)
#   SERVE_OPTS='--max-queue-wait 2' bench/query-budget.sh 60   # other settings for the server with the defaults
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
seconds="${1:-180}"
pace="${CHEAP_PACE_MS:-1000}"
url_on="http://127.0.0.1:3075/ctkg/sparql"; url_off="http://127.0.0.1:3076/ctkg/sparql"

rm -rf "$work/b-on" "$work/b-off"
printf '<https://w3id.org/ctkg/id/test/bench> <http://www.w3.org/2000/01/rdf-schema#label> "bench" .\n' > "$work/seed.nt"
"${ctkg[@]}" load --quiet --no-validate --loc "$work/b-on" "$work/seed.nt" > /dev/null
cp -r "$work/b-on" "$work/b-off"

# shellcheck disable=SC2086 # SERVE_OPTS is words on purpose
"${ctkg[@]}" serve --loc "$work/b-on" --port 3075 --localhost --trusted-proxy 127.0.0.1 ${SERVE_OPTS:-} > "$work/budget-on.out" 2>&1 &
on_pid=$!
trap 'kill $on_pid ${off_pid:-} 2> /dev/null || true' EXIT
wait_up 3075
java "$here/QueryLoad.java" "$url_on" 56 10 cheap warmup "$pace" > /dev/null

host_line
echo
echo "| server | clients | load | cheap requests | cheap req/s | cheap p50 ms | cheap p99 ms | pathological requests | errors and 429s |"
echo "|---|---|---|---|---|---|---|---|---|"
java "$here/QueryLoad.java" "$url_on" 56 60 cheap "defaults" "$pace" | tee "$work/budget-unloaded.md"
java "$here/QueryLoad.java" "$url_on" 64 "$seconds" --greedy "defaults" "$pace" | tee "$work/budget-loaded.md"
java "$here/QueryLoad.java" "$url_on" 64 60 --flood "defaults" "$pace" | tee "$work/budget-flood.md"
after_on="$(alive 3075)"
kill $on_pid; wait $on_pid 2> /dev/null || true

off=(--query-budget 0 --max-concurrent-queries 0 --max-running-queries 0 --max-requests-per-second 0)
"${ctkg[@]}" serve --loc "$work/b-off" --port 3076 --localhost "${off[@]}" > "$work/budget-off.out" 2>&1 &
off_pid=$!
wait_up 3076
java "$here/QueryLoad.java" "$url_off" 56 10 cheap warmup "$pace" > /dev/null
java "$here/QueryLoad.java" "$url_off" 64 "$seconds" --greedy "none (${off[*]})" "$pace" | tee "$work/budget-off.md"
after_off="$(alive 3076)"

p99() { awk -F'|' '{gsub(/ /, "", $8); print $8}' "$1"; }
ratio() { awk -v a="$(p99 "$1")" -v b="$(p99 "$work/budget-unloaded.md")" 'BEGIN{printf "%.2f", a/b}'; }
echo
echo "Cheap clients: one lookup each every $pace ms (0: nonstop)"
echo "Cheap p99, loaded / unloaded: with the defaults $(ratio "$work/budget-loaded.md") (target: within 2); greedy ignoring Retry-After $(ratio "$work/budget-flood.md"); with none of them $(ratio "$work/budget-off.md")"
echo "After the runs, a query answers: the server with the defaults HTTP $after_on, the one without HTTP $after_off"
echo "Server log lines with a stack trace: $(cat "$work/budget-on.out" "$work/budget-off.out" | grep -c '^\s*at ' || true)"

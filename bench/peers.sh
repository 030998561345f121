#!/usr/bin/env bash
# ctkg beside the engine users pick for speed (issue 20): OpenLink Virtuoso 7.2.5 (Debian's
# virtuoso-opensource) and plain Fuseki main, on the same quads, in the same run:
#   1. loads: `ctkg load` (validated, commit included) of the generated case records; Virtuoso's
#      bulk loader of the store ctkg then serves (`ctkg export`: curated + integrated + the job's
#      quads), checkpoint included; plain Fuseki gets a copy of ctkg's store;
#   2. the analyst query mix (bench/mix, bench/peers/cold) and a case record's page (bench/peers/pages:
#      ctkg's resource page, Virtuoso's HTML rendering of the record's DESCRIBE, plain Fuseki's
#      DESCRIBE) with the three servers alternating, one request at a time: repeat latencies (the
#      same query again) and cold ones (values drawn anew on each run), the rows each server
#      answered side by side (PeerMix);
#   3. the optional report's rows on each server, with and without DISTINCT (Virtuoso's union of
#      the named graphs keeps a triple once per graph that holds it; SPARQL's default graph is a set);
#   4. counts by country and year from the aggregates: the same records loaded restricted into a
#      store of their own (the published case counts recomputed at commit), the cube's table against
#      Virtuoso's raw GROUP BY.
#
#   bench/peers.sh [SIZES...]              # default: 1000000 10000000
#   RUNS=30 BUDGET=60 WARMUP=120 CUBE_WARMUP=30 bench/peers.sh 1000000   # seconds of JIT warm-up before measuring (PeerMix)
#   LOADS_ONLY=1 bench/peers.sh 10000000   # step 1 alone: the loads side by side
#
# Needs virtuoso-t and isql-vt (apt-get install -y virtuoso-opensource). Only 127.0.0.1 is used;
# every server is stopped at the end. Work files go to bench/work (or $BENCH_WORK).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(1000000 10000000)
runs="${RUNS:-30}"; budget="${BUDGET:-60}"
command -v virtuoso-t > /dev/null && command -v isql-vt > /dev/null \
  || { echo "bench: needs Virtuoso (apt-get install -y virtuoso-opensource)" >&2; exit 1; }
jena_classpath
vport=1191; vhttp=8891; cport=3181; fport=3182
out="$work/peers"; mkdir -p "$out"
pids=()
vdir="$work/virtuoso"
vstop() { isql-vt "$vport" dba dba exec="shutdown;" > /dev/null 2>&1 || true; }
trap 'kill "${pids[@]}" 2> /dev/null || true; vstop' EXIT

# virtuoso_ini DIR: an ini of its own (see ../shared/guide/peers.md), buffers for some 5.6 GB
virtuoso_ini() {
  cat > "$1/virtuoso.ini" << EOF
[Database]
DatabaseFile = $1/virtuoso.db
ErrorLogFile = $1/virtuoso.log
LockFile = $1/virtuoso.lck
TransactionFile = $1/virtuoso.trx
xa_persistent_file = $1/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = $1/virtuoso-temp.db
TransactionFile = $1/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:$vport
DisableUnixSocket = 1
MaxClientConnections = 10
CheckpointInterval = 0
O_DIRECT = 0
CaseMode = 2
DirsAllowed = ., $1
NumberOfBuffers = 680000
MaxDirtyBuffers = 500000
MaxQueryMem = 2G
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:$vhttp
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8
EnabledGzipContent = 0
[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 300
MaxQueryCostEstimationTime = 0
DefaultQuery = SELECT * WHERE { ?s ?p ?o } LIMIT 10
EOF
}

# rows URL QUERY: the number of result rows (TSV lines but the header)
rows() { curl -s --data-urlencode "query=$2" -H 'Accept: text/tab-separated-values' "$1" | awk 'NR > 1 && NF' | wc -l; }

host_line
echo "Virtuoso: $(virtuoso-t -? 2>&1 | grep -m1 -i version || echo 7.2.5)"
for n in "${sizes[@]}"; do
  data="$work/cases-$n.nt"
  [ -f "$data" ] || "${ctkg[@]}" generate --triples "$n" --seed 42 --out "$data" 2> /dev/null
  records=$(grep -c 'yearOfRegistration' "$data")
  graph="https://w3id.org/ctkg/graph/cases-$n"
  rm -rf "$work/p-ctkg" "$work/p-fuseki" "$vdir"; mkdir -p "$vdir"

  # 1. loads
  timed "ctkg load" "${ctkg[@]}" load --quiet --loc "$work/p-ctkg" --graph "$graph" "$data"; ctkg_load=$secs
  "${ctkg[@]}" export --loc "$work/p-ctkg" --format nq --out "$vdir/all.nq"
  quads=$(wc -l < "$vdir/all.nq")
  cp -r "$work/p-ctkg" "$work/p-fuseki"
  virtuoso_ini "$vdir"
  (cd "$vdir" && virtuoso-t +configfile virtuoso.ini +wait) > "$out/virtuoso-start.log" 2>&1
  timed "virtuoso bulk load" isql-vt "$vport" dba dba \
    exec="ld_dir('$vdir','all.nq','https://w3id.org/ctkg/graph/default'); rdf_loader_run(); checkpoint;"; virt_load=$secs
  echo
  echo "Loads of $n generated triples ($quads quads served, with ctkg's default content):"
  echo
  echo "| size | loader | seconds | triples/s of the job | ctkg ÷ Virtuoso rate |"
  echo "|---|---|---|---|---|"
  printf '| %s | ctkg load (validated, committed) | %.1f | %s | %s |\n' "$n" "$ctkg_load" "$(rate "$n" "$ctkg_load")" \
    "$(awk -v c="$ctkg_load" -v v="$virt_load" 'BEGIN{printf "%.2f", v/c}')"
  printf '| %s | Virtuoso ld_dir + rdf_loader_run + checkpoint (all %s quads) | %.1f | %s | |\n' "$n" "$quads" "$virt_load" "$(rate "$quads" "$virt_load")"
  if [ -n "${LOADS_ONLY:-}" ]; then vstop; rm -rf "$work/p-ctkg" "$work/p-fuseki" "$vdir"; continue; fi

  # 2. the mix, the servers alternating
  "${ctkg[@]}" serve --loc "$work/p-ctkg" --port "$cport" --localhost --timeout 300 --max-rows 0 \
      --query-budget 0 --max-concurrent-queries 0 --max-requests-per-second 0 > "$out/ctkg.out" 2>&1 &
  pids+=($!)
  java -cp "$jena_cp" org.apache.jena.fuseki.main.cmds.FusekiMainCmd --tdb2 --loc "$work/p-fuseki" --port "$fport" --localhost \
       --timeout 300000 --set tdb2:unionDefaultGraph=true /ctkg > "$out/fuseki.out" 2>&1 &
  pids+=($!)
  wait_up "$cport"; wait_up "$fport"
  echo
  echo "Query mix ($runs runs a query, ${budget} s budget), p50/p99 in ms, the servers alternating:"
  echo
  java "$here/PeerMix.java" "$n" "$runs" "$budget" "$here/mix:$here/peers/pages" "$here/peers/cold" "$records" \
       "ctkg=http://127.0.0.1:$cport/ctkg/sparql=ctkg" \
       "plain Fuseki=http://127.0.0.1:$fport/ctkg/sparql=fuseki" \
       "Virtuoso=http://127.0.0.1:$vhttp/sparql=virtuoso,fuseki"

  # 3. the optional report's rows, and the same DISTINCT
  report="$(cat "$here/mix/7-optional-report.rq")"
  distinct="${report/SELECT ?case/SELECT DISTINCT ?case}"
  echo
  printf 'Optional report rows: ctkg %s (DISTINCT %s), plain Fuseki %s (DISTINCT %s), Virtuoso %s (DISTINCT %s)\n' \
    "$(rows "http://127.0.0.1:$cport/ctkg/sparql" "$report")" "$(rows "http://127.0.0.1:$cport/ctkg/sparql" "$distinct")" \
    "$(rows "http://127.0.0.1:$fport/ctkg/sparql" "$report")" "$(rows "http://127.0.0.1:$fport/ctkg/sparql" "$distinct")" \
    "$(rows "http://127.0.0.1:$vhttp/sparql" "$report")" "$(rows "http://127.0.0.1:$vhttp/sparql" "$distinct")"

  # why they differ: a triple held by two named graphs is one triple of SPARQL's default graph (a
  # set, Jena's union graph), but Virtuoso's union of the graphs gives it once per graph
  twice='PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?s ?l WHERE { GRAPH ?g1 { ?s rdfs:label ?l } GRAPH ?g2 { ?s rdfs:label ?l } FILTER(STR(?g1) < STR(?g2)) }'
  mex='PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?l WHERE { <https://w3id.org/ctkg/id/country/mex> rdfs:label ?l }'
  printf 'Labels held by two graphs at once: %s (ctkg), %s (Virtuoso); rows of "Mexico'"'"'s labels" from the default graph: ctkg %s, plain Fuseki %s, Virtuoso %s\n' \
    "$(rows "http://127.0.0.1:$cport/ctkg/sparql" "$twice")" "$(rows "http://127.0.0.1:$vhttp/sparql" "$twice")" \
    "$(rows "http://127.0.0.1:$cport/ctkg/sparql" "$mex")" "$(rows "http://127.0.0.1:$fport/ctkg/sparql" "$mex")" "$(rows "http://127.0.0.1:$vhttp/sparql" "$mex")"

  # 4. counts from the aggregates: the same records loaded restricted into a store of their own,
  # which recomputes the published case counts when the job commits; the cube's table (the answer
  # cache off) against Virtuoso's raw GROUP BY of the public records, alternating
  kill "${pids[@]}" 2> /dev/null || true; wait "${pids[@]}" 2> /dev/null || true; pids=()
  opaque="$work/opaque-cases-$n.nt"
  [ -f "$opaque" ] || "${ctkg[@]}" generate --triples "$n" --seed 42 --opaque-ids --out "$opaque" 2> /dev/null
  rm -rf "$work/p-cube"
  timed "ctkg load restricted" "${ctkg[@]}" load --quiet --loc "$work/p-cube" --access restricted \
      --graph "https://w3id.org/ctkg/graph/restricted-cases-$n" "$opaque"; cube_load=$secs
  "${ctkg[@]}" serve --loc "$work/p-cube" --port "$cport" --localhost --timeout 300 --max-rows 0 --cache-size 0 \
      --query-budget 0 --max-concurrent-queries 0 --max-requests-per-second 0 > "$out/ctkg-cube.out" 2>&1 &
  pids+=($!)
  wait_up "$cport"
  echo
  printf 'Counts from the aggregates: the same %s triples loaded restricted (%s s, the cube recomputed at commit), the published table against Virtuoso'"'"'s raw GROUP BY (rows differ: the table has every cell, a suppressed one with its status):\n\n' "$n" "$cube_load"
  WARMUP="${CUBE_WARMUP:-30}" java "$here/PeerMix.java" "$n" "$runs" "$budget" "$here/peers/cube" "$here/peers/none" "$records" \
       "ctkg (cube, cache off)=http://127.0.0.1:$cport/ctkg/sparql=ctkg" \
       "Virtuoso (raw GROUP BY)=http://127.0.0.1:$vhttp/sparql=fuseki"
  rm -rf "$work/p-cube"

  kill "${pids[@]}" 2> /dev/null || true; wait "${pids[@]}" 2> /dev/null || true; pids=()
  vstop
  rm -rf "$work/p-ctkg" "$work/p-fuseki" "$vdir"
done

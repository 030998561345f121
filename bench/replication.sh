#!/usr/bin/env bash
# Replication benchmark (issue 16), everything in the same run on loopback, with a real Kafka broker
# (`ctkg kafka`, its own JVM):
#   1. writer overhead: the same live load into a writer without and with --publish-to, in
#      alternating pairs (WRITER_RUNS, default 3), medians;
#   2. replica apply rate: a new replica applies that job from the log (its store starts as the
#      writer's did), against the offline `ctkg load --loc` rate of the same file into the same seed;
#   3. lag: small updates on the writer, each followed at once by a read on the replica that names
#      the update's log position (X-Ctkg-Min-Log-Position): the read's time, p50 and p99;
#   4. read capacity: QueryLoad's cheap queries against 1 replica and against 2 (spread by client; the answer cache off, since they repeat),
#      each replica pinned to a core of its own with taskset;
#   5. recovery: a new replica killed with SIGKILL while it applies the job, then started again:
#      seconds from the restart to /$/ready 200.
#
#   bench/replication.sh [TRIPLES]      # default 1000000
#
# Work files go to bench/work (or $BENCH_WORK). Every server and the broker are stopped at the end.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
n="${1:-1000000}"
clients="${CLIENTS:-16}"; seconds="${SECONDS_PER_RUN:-30}"; updates="${UPDATES:-200}"
export CTKG_WRITER_PASSWORD="bench-$$"
kport=9391; wport=3191; r1=3192; r2=3193
seed="$work/seed.ttl"
printf '<https://w3id.org/ctkg/id/organization/bench> a <https://w3id.org/ctkg/ontology#Organization> ; <http://www.w3.org/2000/01/rdf-schema#label> "bench"@en .\n' > "$seed"
data="$work/cases-$n.nt"
[ -f "$data" ] || "${ctkg[@]}" generate --triples "$n" --seed 42 --out "$data" 2> /dev/null
graph="https://w3id.org/ctkg/graph/cases-$n"
rw="$work/repl"; rm -rf "$rw"; mkdir -p "$rw"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done; wait 2> /dev/null || true; }
trap cleanup EXIT

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.2f", b-a}'; }
fresh_store() { rm -rf "$1" "$1.position"; "${ctkg[@]}" load --quiet --loc "$1" "$seed" > /dev/null; }
# ready PORT: the status of /$/ready; wait_ready PORT: until 200 (up to 20 minutes)
ready() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/\$/ready" || true; }
wait_ready() { for _ in $(seq 1 12000); do [ "$(ready "$1")" = 200 ] && return; sleep 0.1; done; echo "bench: $1 never ready" >&2; exit 1; }
# metric PORT NAME: a value from the server's Prometheus metrics
metric() { curl -s "http://127.0.0.1:$1/\$/metrics" | awk -v m="$2" '$1 ~ "^"m"({|$)" {print $2; exit}'; }
serve() { # serve PORT STORE [OPTIONS...]: starts a server in the background, its pid in $pid
  local port="$1" loc="$2"; shift 2
  local creds=(); case " $* " in *" --replica-of "*) creds=(-u CTKG_WRITER_PASSWORD) ;; esac  # a replica takes no writers
  env "${creds[@]}" "${ctkg[@]}" serve --localhost --port "$port" --loc "$loc" "$@" > "$rw/serve-$port.log" 2>&1 &
  pid=$!; pids+=("$pid")
}
stop() { kill "$1" 2> /dev/null || true; wait "$1" 2> /dev/null || true; }
live_load() { # live_load PORT: seconds of a live load of the data into that server
  local t0; t0=$(now)
  "${ctkg[@]}" load --quiet --server "http://127.0.0.1:$1" --graph "$graph" "$data" > /dev/null
  since "$t0"
}

"${ctkg[@]}" kafka --dir "$rw/kafka" --port "$kport" > "$rw/kafka.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 600); do (exec 3<> "/dev/tcp/127.0.0.1/$kport") 2> /dev/null && break; sleep 0.1; done

host_line
echo
echo "$n triples of generated case records ($(du -h "$data" | cut -f1) of N-Triples), broker and servers on loopback"
echo

# 2 (baseline): the offline load of the same file into the same seed
fresh_store "$rw/offline"
t0=$(now); "${ctkg[@]}" load --quiet --loc "$rw/offline" --graph "$graph" "$data" > /dev/null; offline=$(since "$t0")
rm -rf "$rw/offline"

# 1: writer overhead, WRITER_RUNS pairs alternating (each on a fresh store, a topic of its own):
# the medians; the last publishing writer stays up for the replicas
median() { tr ' ' '\n' | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
plains=(); pubs=(); pairs="${WRITER_RUNS:-3}"
for i in $(seq 1 "$pairs"); do
  fresh_store "$rw/plain"; serve "$wport" "$rw/plain"; wait_up "$wport"
  plains+=("$(live_load "$wport")"); stop "$pid"; rm -rf "$rw/plain"
  topic=ctkg; [ "$i" -lt "$pairs" ] && topic="overhead-$i"
  fresh_store "$rw/writer"; serve "$wport" "$rw/writer" --publish-to "127.0.0.1:$kport" --topic "$topic"; writer=$pid; wait_up "$wport"
  pubs+=("$(live_load "$wport")")
  [ "$i" -lt "$pairs" ] && { stop "$writer"; rm -rf "$rw/writer" "$rw/writer.position"; }
done
plain=$(echo "${plains[@]}" | median); published=$(echo "${pubs[@]}" | median)

# 2: a new replica applies the job from the log
fresh_store "$rw/r1"
t0=$(now); serve "$r1" "$rw/r1" --replica-of "127.0.0.1:$kport"; rep1=$pid; wait_ready "$r1"; applied=$(since "$t0")
apply_s=$(metric "$r1" ctkg_replica_apply_seconds_total)
# the same start on an empty topic: what of the above is the JVM's and server's start
fresh_store "$rw/r0"; t0=$(now); serve 3199 "$rw/r0" --replica-of "127.0.0.1:$kport" --topic empty; wait_ready 3199; startup=$(since "$t0"); stop "$pid"

echo "| step | seconds | triples/s | ratio |"
echo "|---|---|---|---|"
printf '| offline `ctkg load --loc` | %s | %s | |\n' "$offline" "$(rate "$n" "$offline")"
printf '| live load, writer without publishing (median of %s: %s) | %s | %s | |\n' "$pairs" "${plains[*]}" "$plain" "$(rate "$n" "$plain")"
printf '| live load, writer publishing to Kafka (median of %s: %s) | %s | %s | %s × the time without (target ≤ 1.10) |\n' "$pairs" "${pubs[*]}" "$published" "$(rate "$n" "$published")" \
  "$(awk -v a="$published" -v b="$plain" 'BEGIN{printf "%.2f", a/b}')"
printf '| replica applies the job (first chunk to commit, its metric) | %.2f | %s | %s × the offline rate (target ≥ 0.8) |\n' "$apply_s" \
  "$(rate "$n" "$apply_s")" "$(awk -v a="$apply_s" -v o="$offline" 'BEGIN{printf "%.2f", o/a}')"
printf '| replica start to ready, the job included (start alone: %s s) | %s | %s | |\n' "$startup" "$applied" "$(rate "$n" "$applied")"

# 3: lag of a small update, writer's answer to the replica's answer naming its position
lags="$rw/lags.txt"; : > "$lags"
for i in $(seq 1 "$updates"); do
  pos=$(curl -s -D - -o /dev/null -u "writer:$CTKG_WRITER_PASSWORD" "http://127.0.0.1:$wport/ctkg/update" \
          --data-urlencode "update=INSERT DATA { GRAPH <https://w3id.org/ctkg/graph/bench-lag> { <https://w3id.org/ctkg/id/test/lag-$i> <http://www.w3.org/2000/01/rdf-schema#label> \"lag $i\" } }" \
        | awk 'tolower($1) == "x-ctkg-log-position:" {print $2+0}')
  curl -s -o /dev/null -w '%{time_total} %{http_code}\n' -H "X-Ctkg-Min-Log-Position: $pos" \
       --data-urlencode "query=ASK { <https://w3id.org/ctkg/id/test/lag-$i> ?p ?o }" "http://127.0.0.1:$r1/ctkg/sparql" >> "$lags"
done
bad=$(awk '$2 != 200' "$lags" | wc -l)
sort -n "$lags" | awk -v bad="$bad" '{t[NR]=$1*1000} END {printf "\nLag of a small update (%d updates, each followed at once by a read on the replica naming its position; the read'"'"'s time, a 1-triple ASK included): p50 %.1f ms, p99 %.1f ms, max %.1f ms; non-200 answers: %d\n", NR, t[int(NR*0.5+0.5)], t[int(NR*0.99+0.5)], t[NR], bad}'

# 5: recovery of a replica killed with SIGKILL while it applies the job
fresh_store "$rw/r2"; serve "$r2" "$rw/r2" --replica-of "127.0.0.1:$kport"; victim=$pid
for _ in $(seq 1 1200); do curl -s "http://127.0.0.1:$r2/\$/ready" 2> /dev/null | grep -q "records behind" && break; sleep 0.05; done
sleep 1
kill -9 "$victim"; wait "$victim" 2> /dev/null || true
t0=$(now); serve "$r2" "$rw/r2" --replica-of "127.0.0.1:$kport"; rep2=$pid; wait_ready "$r2"; recovered=$(since "$t0")
printf '\nRecovery: a new replica killed (SIGKILL) 1 s into applying the %s-triple job, started again: ready (all applied) after %s s\n' "$n" "$recovered"

# 4: read capacity, 1 replica and 2, each pinned to a core of its own
stop "$writer"; stop "$rep1"; stop "$rep2"
serve "$r1" "$rw/r1" --replica-of "127.0.0.1:$kport" --cache-size 0 --query-budget 0 --max-concurrent-queries 0 --max-requests-per-second 0; rep1=$pid
serve "$r2" "$rw/r2" --replica-of "127.0.0.1:$kport" --cache-size 0 --query-budget 0 --max-concurrent-queries 0 --max-requests-per-second 0; rep2=$pid
wait_ready "$r1"; wait_ready "$r2"
# every thread of each JVM (./ctkg execs java, so the pid is the JVM's; later threads inherit the core)
taskset -acp 0 "$rep1" > /dev/null; taskset -acp 1 "$rep2" > /dev/null
java "$here/QueryLoad.java" "http://127.0.0.1:$r1/ctkg/sparql,http://127.0.0.1:$r2/ctkg/sparql" "$clients" 10 cheap warmup > /dev/null
echo
echo "Read capacity ($clients clients, $seconds s, QueryLoad's cheap queries, the answer cache off; each replica on a core of its own, the client unpinned):"
echo
echo "| replicas | clients | load | cheap requests | cheap req/s | cheap p50 ms | cheap p99 ms | pathological requests | errors |"
echo "|---|---|---|---|---|---|---|---|---|"
java "$here/QueryLoad.java" "http://127.0.0.1:$r1/ctkg/sparql" "$clients" "$seconds" cheap "1 replica"
java "$here/QueryLoad.java" "http://127.0.0.1:$r1/ctkg/sparql,http://127.0.0.1:$r2/ctkg/sparql" "$clients" "$seconds" cheap "2 replicas"

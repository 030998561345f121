#!/usr/bin/env bash
# A fresh machine (issue 23), on demand and as root; not part of CI. Makes a clean Debian root with
# debootstrap (this machine's release, variant minbase: no Java, Maven, Chromium, Python or curl),
# puts a clean clone of this repository's HEAD in it (no ~/.m2, no build output), and runs the README's
# two commands there as written, as root, as a newcomer would:
#   1. ./ctkg serve, in the background, until a SPARQL query (curl, from this machine: the root shares
#      its network) is answered; then stopped, and started once more to see that a second run installs
#      and builds nothing;
#   2. ./ctkg test, which must end green.
# Prints the timings (and appends them to bench/work/fresh-machine.txt). Everything is mounted in a
# private mount namespace, unmounted on exit; the root stays in bench/work/fresh-root until the next run.
#
#   sudo bench/fresh-machine.sh [ROOT_DIR]      # default: bench/work/fresh-root
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
work="${BENCH_WORK:-$here/work}"
[ "$(id -u)" = 0 ] || { echo "fresh-machine: debootstrap, chroot and mounts need root" >&2; exit 1; }
# Mounts go into a mount namespace of this script's own, so that none is seen by (or left on) the host.
if [ -z "${FRESH_MACHINE_NS:-}" ]; then
  FRESH_MACHINE_NS=1 exec unshare --mount --propagation private "$0" "$@"
fi
mkdir -p "$work"
root="$(realpath -m "${1:-$work/fresh-root}")"
case "$root" in /|/root|/home|/work|"$repo") echo "fresh-machine: will not use $root as the root" >&2; exit 1 ;; esac
release="$(. /etc/os-release && echo "$VERSION_CODENAME")"
mirror="http://deb.debian.org/debian"
port=3030
log="$work/fresh-machine"
mkdir -p "$log"
summary="$work/fresh-machine.txt"

serve_pid=""
cleanup() {
  if [ -n "$serve_pid" ] && kill -0 "$serve_pid" 2> /dev/null; then
    kill -TERM -- "-$serve_pid" 2> /dev/null || true; sleep 2; kill -KILL -- "-$serve_pid" 2> /dev/null || true
  fi
  local m
  for m in dev/shm dev/pts dev sys proc; do
    mountpoint -q "$root/$m" 2> /dev/null && { umount -R "$root/$m" 2> /dev/null || umount -l "$root/$m" 2> /dev/null || true; }
  done
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", b - a }'; }
mins() { awk -v s="$1" 'BEGIN { printf "%d min %02d s", s / 60, s % 60 }'; }

# in_root CMD...: runs CMD... (bash -c SCRIPT) in the root, with a plain environment (as a login on a
# new machine: HOME, PATH, a UTF-8 locale), in a process group of its own ("${in_root[@]}" 'script').
in_root=(setsid chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root LANG=C.UTF-8 TERM=dumb
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin /bin/bash -c)

# 0. debootstrap
if ! command -v debootstrap > /dev/null 2>&1; then
  echo "fresh-machine: installing debootstrap (Debian's package) to make the root"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap > /dev/null
fi
if [ -e "$root" ]; then
  if findmnt -rn -o TARGET | grep -q "^$root/"; then echo "fresh-machine: something is mounted under $root" >&2; exit 1; fi
  rm -rf --one-file-system "$root"
fi
echo "fresh-machine: debootstrap --variant=minbase $release into $root"
t0="$(now)"
debootstrap --variant=minbase "$release" "$root" "$mirror" > "$log/debootstrap.log" 2>&1 \
  || { tail -n 20 "$log/debootstrap.log" >&2; echo "fresh-machine: debootstrap failed" >&2; exit 1; }
t_boot="$(secs "$t0" "$(now)")"
# As on an installed Debian machine: the release's updates and security archives, the host's name
# lookup (DNS and /etc/hosts).
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
  rm -f "$root/etc/apt/sources.list"; cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/"
fi
cp -L /etc/resolv.conf "$root/etc/resolv.conf"; cp /etc/hosts "$root/etc/hosts"
# And the machine's own CA certificates, which every machine of this workplace has: its network
# re-signs TLS (Maven Central's too) with a CA of its own. The root's ca-certificates, installed with
# the JDK, adds them to its stores, Java's among them, as it does on the host.
if ls /usr/local/share/ca-certificates/*.crt > /dev/null 2>&1; then
  mkdir -p "$root/usr/local/share/ca-certificates"; cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
fi
for tool in java javac mvn python3 chromium chromedriver curl wget; do
  if chroot "$root" /bin/sh -c "command -v $tool" > /dev/null 2>&1; then echo "fresh-machine: the root already has $tool" >&2; exit 1; fi
done

# 1. a clean clone of HEAD
commit="$(git -C "$repo" rev-parse HEAD)"
git clone -q --no-hardlinks "$repo" "$root/root/ctkg"
git -C "$root/root/ctkg" checkout -q --detach "$commit"
[ -z "$(git -C "$repo" status --porcelain --untracked-files=no)" ] || echo "fresh-machine: note: uncommitted changes in $repo are not in the clone"
# CI has ../shared beside the clone, and the CARML conformance test reads its RML cases from there:
# the same cases go beside the clone in the root (they are third-party data, not the project's).
if [ -d "$repo/../shared/data/rml-test-cases" ]; then
  mkdir -p "$root/root/shared/data"; cp -r "$repo/../shared/data/rml-test-cases" "$root/root/shared/data/"
fi

mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"

# 2. ./ctkg serve, until a query is answered
query='PREFIX ctkg: <https://w3id.org/ctkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?protocol ?convention WHERE {
  ?p a ctkg:Protocol ; rdfs:label ?protocol ; ctkg:supplements/rdfs:label ?convention }'
ask() { curl -sf -m 10 "http://localhost:$port/ctkg/sparql" -H 'Accept: text/csv' --data-urlencode "query=$query"; }
# serve_until_answered LOG LIMIT: starts ./ctkg serve; sets $t_answer, the seconds until the query is answered
serve_until_answered() {
  local t
  if curl -s -o /dev/null -m 2 "http://localhost:$port/"; then echo "fresh-machine: port $port is in use on this machine" >&2; exit 1; fi
  t="$(now)"
  "${in_root[@]}" "cd /root/ctkg && ./ctkg serve" > "$1" 2>&1 &
  serve_pid=$!
  until answer="$(ask)" && [ "$(printf '%s\n' "$answer" | wc -l)" -ge 2 ]; do
    kill -0 "$serve_pid" 2> /dev/null || { tail -n 30 "$1" >&2; echo "fresh-machine: ./ctkg serve ended before answering" >&2; exit 1; }
    [ "$(secs "$t" "$(now)")" -lt "$2" ] || { tail -n 30 "$1" >&2; echo "fresh-machine: no answer in $2 s" >&2; exit 1; }
    sleep 1
  done
  t_answer="$(secs "$t" "$(now)")"
  kill -TERM -- "-$serve_pid" 2> /dev/null || kill -TERM "$serve_pid"; wait "$serve_pid" 2> /dev/null || true; serve_pid=""
}
echo "fresh-machine: ./ctkg serve (first run: installs a JDK, fetches Maven and the dependencies, builds)"
serve_until_answered "$log/serve-1.log" 1800
t_serve1="$t_answer"
echo "$answer" > "$log/answer.csv"
echo "fresh-machine: answered after $(mins "$t_serve1"): $(sed -n 2p "$log/answer.csv")"
echo "fresh-machine: ./ctkg serve again (second run)"
serve_until_answered "$log/serve-2.log" 300
t_serve2="$t_answer"
if grep -Eq 'ctkg: (installing|building)|downloads Maven' "$log/serve-2.log"; then
  second="installed or built something: $(grep -E 'ctkg: (installing|building)' "$log/serve-2.log" | head -1)"
else
  second="installed and built nothing"
fi
echo "fresh-machine: answered after ${t_serve2} s; $second"

# 3. ./ctkg test
echo "fresh-machine: ./ctkg test (installs Chromium, chromedriver, the Python clients; runs mvn -B -T 1C verify)"
t="$(now)"
set +e
timeout 5400 "${in_root[@]}" "cd /root/ctkg && ./ctkg test" > "$log/test.log" 2>&1 < /dev/null
code=$?
set -e
t_test="$(secs "$t" "$(now)")"
# Surefire's and Failsafe's closing totals (one per module and plugin)
totals="$(grep -Eo 'Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$log/test.log" \
  | awk -F'[:,] *' '{ r += $2; f += $4; e += $6; s += $8 } END { printf "%d tests run, %d failures, %d errors, %d skipped", r, f, e, s }')"
if [ "$code" -eq 0 ] && grep -q 'BUILD SUCCESS' "$log/test.log"; then result="green"; else result="FAILED (exit $code)"; tail -n 40 "$log/test.log" >&2; fi

{
  echo "fresh-machine $(date -u +%Y-%m-%dT%H:%MZ), commit ${commit:0:7}, Debian $release minbase, $(nproc) cores"
  echo "  debootstrap:                      $(mins "$t_boot")"
  echo "  ./ctkg serve, first run, to the first answer: $(mins "$t_serve1")  (installed: $(grep -o 'installing [^,]*with apt-get' "$log/serve-1.log" | sed 's/installing //; s/ with apt-get//' | head -1))"
  echo "  ./ctkg serve, second run, to the first answer: ${t_serve2} s  ($second)"
  echo "  ./ctkg test: $(mins "$t_test"), $result: $totals  (installed: $(grep -o 'installing [^,]*with apt-get' "$log/test.log" | sed 's/installing //; s/ with apt-get//' | head -1))"
  echo "  root: $(du -sh --one-file-system "$root" | cut -f1) ($(du -sh "$root/root/.m2" 2> /dev/null | cut -f1) of it in ~/.m2); logs in $log"
} | tee -a "$summary"
[ "$result" = green ]

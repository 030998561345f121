#!/usr/bin/env bash
# Full disk (issue 7), on demand and as root: a store on a small tmpfs volume, then a load job too big
# for the space left. Expects exit 1 with a message about the disk, and `ctkg stats` printing exactly
# what it printed before the job. The volume is unmounted at the end.
#
#   sudo bench/full-disk.sh [SIZE_MB] [TRIPLES]      # default: 200 MB volume, 2000000 triples
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
size="${1:-200}"; triples="${2:-2000000}"
[ "$(id -u)" = 0 ] || { echo "full-disk: mounting a tmpfs needs root" >&2; exit 1; }
data="$work/cases-$triples.nt"
[ -f "$data" ] || "${ctkg[@]}" generate --triples "$triples" --seed 42 --out "$data" 2> /dev/null
vol="$work/full-disk"; mkdir -p "$vol"
mount -t tmpfs -o size="${size}m" tmpfs "$vol"
trap 'umount "$vol" 2> /dev/null || true' EXIT
printf '<https://w3id.org/ctkg/id/test/seed> <http://www.w3.org/2000/01/rdf-schema#label> "seed" .\n' > "$work/seed.nt"
"${ctkg[@]}" load --quiet --no-validate --loc "$vol/store" "$work/seed.nt" > /dev/null
"${ctkg[@]}" stats --loc "$vol/store" > "$work/stats-before.txt"
echo "Volume: ${size} MB tmpfs; after the seed: $(df -m "$vol" | awk 'NR==2{print $3 " MB used, " $4 " MB free"}')"
set +e
"${ctkg[@]}" load --quiet --loc "$vol/store" "$data" > "$work/full-disk.out" 2> "$work/full-disk.err"
code=$?
set -e
echo "ctkg load of $triples triples: exit $code"
echo "Its message: $(grep -v '^\s*at ' "$work/full-disk.err" | head -3)"
"${ctkg[@]}" stats --loc "$vol/store" > "$work/stats-after.txt"
if cmp -s "$work/stats-before.txt" "$work/stats-after.txt"; then echo "ctkg stats: the same as before the job"; else echo "ctkg stats: DIFFERENT"; diff "$work/stats-before.txt" "$work/stats-after.txt" | head; fi
printf '<https://w3id.org/ctkg/id/test/after> <http://www.w3.org/2000/01/rdf-schema#label> "after" .\n' > "$work/after.nt"
"${ctkg[@]}" load --quiet --no-validate --loc "$vol/store" "$work/after.nt" > /dev/null 2>&1 \
  && echo "a small load afterwards: committed" || echo "a small load afterwards: failed (the volume is still full)"

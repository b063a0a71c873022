#!/usr/bin/env bash
# Benchmark: XML import, in one run, on a generated 100 MB TEI corpus and on the largest EAD sample
# (shared/corpus/xml/ead/ead3/ua015_010.xml, 0.76 MB and 3,923 components), in two sets: copied
# 100 times (one finding aid, its components new once and then found unchanged 99 times), and as
# 10 finding aids of their own (each copy's recordid made distinct: 39,230 new components):
#   (a) reading, parsing and extraction alone (`archivist inspect`) against `xmllint --noout`
#       (libxml2's own tool: parsing into a tree only) on the same files;
#   (b) the whole ingest against bench/plain_loop.py, which stores each file and indexes its text
#       in FTS5, one transaction per file; for EAD also against bench/plain_records.py, which stores
#       one row per component (parsed with ElementTree) and indexes each one's text, as a reference
#       for storing a document per component.
# Usage: bash bench/xml_bench.sh [MEGABYTES]   (installs libxml2-utils for xmllint when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
MB_TARGET="${1:-100}"
OUT="bench/out/xml"
CORPUS="${ARCHIVIST_CORPUS:-$(cd .. && pwd)/shared/corpus}"
rm -rf "$OUT" && mkdir -p "$OUT"
command -v xmllint >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils; }
swift build -c release --product archivist >/dev/null
BIN="$(swift build -c release --show-bin-path)/archivist"

python3 bench/generate_tei.py "$OUT/tei" "$MB_TARGET"
mkdir -p "$OUT/ead"
for i in $(seq -w 1 100); do cp "$CORPUS/xml/ead/ead3/ua015_010.xml" "$OUT/ead/ua015_010-$i.xml"; done
mkdir -p "$OUT/ead-distinct"
for i in $(seq -w 1 10); do
  sed "s#<recordid>ua015_010</recordid>#<recordid>ua015_010-$i</recordid>#" "$CORPUS/xml/ead/ead3/ua015_010.xml" >"$OUT/ead-distinct/ua015_010-$i.xml"
done

best() { python3 bench/timed.py 3 "$@"; }  # best of 3 wall-clock times, in seconds
once() { python3 bench/timed.py 1 "$@"; }  # one wall-clock time (for runs that write a catalog)

rows=()
for set in tei ead ead-distinct; do
  files=$(find "$OUT/$set" -type f | wc -l)
  bytes=$(find "$OUT/$set" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  inspect=$(best "$BIN" inspect --quiet "$OUT/$set")
  xmllint=$(best sh -c "xmllint --noout $OUT/$set/*.xml")
  # Each ingest into a new catalog (deleted before each run, outside the timing), best of 3.
  ingest=$(python3 bench/timed.py --fresh "$OUT/$set.sqlite" 3 "$BIN" ingest --quiet --catalog "$OUT/$set.sqlite" "$OUT/$set")
  rm -f "$OUT/$set-eager.sqlite"*
  # --claims on the 39,230 new components would take minutes; it is measured on the other sets.
  eager=nan
  [ "$set" = ead-distinct ] || eager=$(once "$BIN" ingest --quiet --claims --catalog "$OUT/$set-eager.sqlite" "$OUT/$set")
  plain=$(for run in 1 2 3; do rm -f "$OUT/$set-plain.sqlite"*; python3 bench/plain_loop.py "$OUT/$set" "$OUT/$set-plain.sqlite" | awk '{print $2}'; done | sort -n | head -1)
  records=nan
  if [ "$set" != tei ]; then
    records=$(for run in 1 2 3; do rm -f "$OUT/$set-records.sqlite"*; python3 bench/plain_records.py "$OUT/$set" "$OUT/$set-records.sqlite" | awk '{print $2}'; done | sort -n | head -1)
  fi
  documents=$("$BIN" list --json --catalog "$OUT/$set.sqlite" | python3 -c "import json,sys; print(len(json.load(sys.stdin)))")
  rows+=("$set $files $bytes $documents $inspect $xmllint $ingest $plain $eager $records")
done

python3 - "${rows[@]}" <<'PY'
import sys
print("XML import, release build, one process; (a) and (b) best of 3, (b) each time into a new catalog; --claims one run\n")
print(f"{'set':30} {'step':34} {'seconds':>8} {'MB/s':>8}  against")
for row in sys.argv[1:]:
    name, files, size, docs, inspect, xmllint, ingest, plain, eager, records = row.split()
    files, size, docs = int(files), int(size), int(docs)
    inspect, xmllint, ingest, plain, eager, records = map(float, (inspect, xmllint, ingest, plain, eager, records))
    mb = size / 1e6
    label = f"{name}: {files:,} files, {mb:,.0f} MB"
    print(f"{label:30} {'(a) archivist inspect':34} {inspect:8.3f} {mb/inspect:8.1f}  {xmllint/inspect:.2f}x xmllint's speed (target >= 0.5x)")
    print(f"{'':30} {'    xmllint --noout':34} {xmllint:8.3f} {mb/xmllint:8.1f}")
    print(f"{'':30} {'(b) archivist ingest':34} {ingest:8.3f} {mb/ingest:8.1f}  {plain/ingest:.2f}x the plain loop's speed (target >= 1x); {docs:,} documents{f', {docs/ingest:,.0f} a second' if 'distinct' in name else ''}; claims left to verify")
    if eager == eager:  # not measured (nan) on the distinct finding aids
        print(f"{'':30} {'    ingest --claims':34} {eager:8.3f} {mb/eager:8.1f}  {plain/eager:.2f}x the plain loop's speed; claims extracted at ingest")
    print(f"{'':30} {'    plain loop (store + FTS5)':34} {plain:8.3f} {mb/plain:8.1f}")
    if records == records:  # EAD only
        print(f"{'':30} {'    plain loop, a row per component':34} {records:8.3f} {mb/records:8.1f}  archivist at {records/ingest:.2f}x its speed (a reference, not a target)")
PY

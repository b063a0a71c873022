#!/usr/bin/env bash
# Benchmark: ingest, unchanged re-ingest and audit of 10,000 generated Wilson-Center-style documents,
# against openssl (the hashing floor), bagit-python (a peer tool) and a plain Python loop that hashes,
# stores and FTS5-indexes each file in its own transaction (bench/plain_loop.py), on the same files, in one run.
# Usage: bash bench/ingest_bench.sh [N]      (needs python3; installs bagit with pip when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000}"
OUT="bench/out"
rm -rf "$OUT" && mkdir -p "$OUT"
python3 -c "import bagit" 2>/dev/null || pip install -q bagit
swift build -c release --product archivist >/dev/null
BIN="$(swift build -c release --show-bin-path)/archivist"

python3 bench/generate_corpus.py "$OUT/corpus" "$N"
BYTES=$(find "$OUT/corpus" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
MB=$(python3 -c "print($BYTES/1e6)")

now() { python3 -c 'import time; print(time.perf_counter())'; }
elapsed() { python3 -c "print(f'{$2 - $1:.3f}')"; }

sync
t0=$(now); "$BIN" ingest "$OUT/corpus" --catalog "$OUT/catalog.sqlite" --quiet; t1=$(now)
INGEST=$(elapsed "$t0" "$t1")
t0=$(now); "$BIN" ingest "$OUT/corpus" --catalog "$OUT/catalog.sqlite" --quiet; t1=$(now)
REINGEST=$(elapsed "$t0" "$t1")
# The same ingest with claim extraction left to the next verify, and that verify.
t0=$(now); "$BIN" ingest "$OUT/corpus" --catalog "$OUT/deferred.sqlite" --quiet --defer-claims; t1=$(now)
DEFERRED=$(elapsed "$t0" "$t1")
t0=$(now); "$BIN" verify --catalog "$OUT/deferred.sqlite" --quiet >/dev/null || true; t1=$(now)
LATER=$(elapsed "$t0" "$t1")
CLAIMS=$("$BIN" verify --catalog "$OUT/catalog.sqlite" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['summary']['claims'])")
# Fixity, log chain and SQLite checks only: the citation audit has its own benchmark (audit_bench.sh).
t0=$(now); "$BIN" audit --no-citations --catalog "$OUT/catalog.sqlite" --quiet; t1=$(now)
AUDIT=$(elapsed "$t0" "$t1")
PLAIN=$(python3 bench/plain_loop.py "$OUT/corpus" "$OUT/plain.sqlite" | awk '{print $2}')
t0=$(now); find "$OUT/corpus" -type f -print0 | xargs -0 openssl dgst -sha256 >/dev/null; t1=$(now)
OPENSSL=$(elapsed "$t0" "$t1")
cp -r "$OUT/corpus" "$OUT/bag"
t0=$(now); bagit.py --quiet --processes 1 --sha256 "$OUT/bag" 2>/dev/null; t1=$(now)
BAGMAKE=$(elapsed "$t0" "$t1")
t0=$(now); bagit.py --quiet --processes 1 --validate "$OUT/bag" 2>/dev/null; t1=$(now)
BAGVALIDATE=$(elapsed "$t0" "$t1")

python3 - "$N" "$MB" "$INGEST" "$REINGEST" "$AUDIT" "$OPENSSL" "$BAGMAKE" "$BAGVALIDATE" "$PLAIN" "$DEFERRED" "$LATER" "$CLAIMS" <<'PY'
import sys
n, mb, ingest, reingest, audit, openssl, bagmake, bagval, plain, deferred, later, claims = int(sys.argv[1]), *map(float, sys.argv[2:])
print(f"{n} documents, {mb:.1f} MB, {claims:,.0f} claims, one process, release build\n")
rows = [
    ("archivist ingest (new)", ingest, f"{n/ingest:,.0f} docs/s", f"{mb/ingest:.1f} MB/s",
     f"{plain/ingest:.2f}x the plain loop; target >= 3,000 docs/s; claims extracted"),
    ("ingest --defer-claims", deferred, f"{n/deferred:,.0f} docs/s", f"{mb/deferred:.1f} MB/s",
     f"{plain/deferred:.2f}x the plain loop; claims left to verify"),
    ("then verify (extracts, checks)", later, f"{n/later:,.0f} docs/s", f"{mb/later:.1f} MB/s", "first verify after --defer-claims"),
    ("archivist ingest (unchanged)", reingest, f"{n/reingest:,.0f} files/s", f"{mb/reingest:.1f} MB/s",
     f"{bagval/reingest:.2f}x bagit validate (target >= 1)"),
    ("archivist audit --no-citations", audit, f"{n/audit:,.0f} originals/s", f"{mb/audit:.1f} MB/s",
     f"{audit/openssl:.2f}x openssl time (target <= 2)"),
    ("plain loop (hash+store+FTS5)", plain, f"{n/plain:,.0f} docs/s", f"{mb/plain:.1f} MB/s", "reference: 1 txn per file"),
    ("openssl dgst -sha256", openssl, f"{n/openssl:,.0f} files/s", f"{mb/openssl:.1f} MB/s", "hashing floor"),
    ("bagit.py make bag (sha256)", bagmake, f"{n/bagmake:,.0f} files/s", f"{mb/bagmake:.1f} MB/s", "peer"),
    ("bagit.py --validate", bagval, f"{n/bagval:,.0f} files/s", f"{mb/bagval:.1f} MB/s", "peer"),
]
print(f"{'step':32} {'seconds':>8}  {'rate':>18}  {'throughput':>11}  note")
for name, t, rate, thr, note in rows:
    print(f"{name:32} {t:8.3f}  {rate:>18}  {thr:>11}  {note}")
PY

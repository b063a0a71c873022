#!/usr/bin/env bash
# Benchmark: `archivist audit` (fixity, log chain, integrity and the citation audit) on 10,000
# generated Wilson-Center-style records with citations plus 1,000 secondary texts that cite them
# and quote them (5 each: exact, with a changed word, or invented). Target: under 10 s.
# Usage: bash bench/audit_bench.sh [RECORDS] [ARTICLES]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000}"
ARTICLES="${2:-1000}"
OUT="bench/out/audit"
rm -rf "$OUT" && mkdir -p "$OUT"
swift build -c release --product archivist >/dev/null
BIN="$(swift build -c release --show-bin-path)/archivist"
python3 bench/generate_corpus.py "$OUT/corpus" "$N" >/dev/null
python3 bench/generate_articles.py "$OUT/corpus" "$ARTICLES"
"$BIN" ingest --quiet --catalog "$OUT/catalog.sqlite" "$OUT/corpus"
python3 - "$BIN" "$OUT/catalog.sqlite" <<'PY'
import json, subprocess, sys, time
binary, catalog = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
run = subprocess.run([binary, "audit", "--json", "--catalog", catalog], capture_output=True, text=True)
elapsed = time.perf_counter() - t0
report = json.loads(run.stdout)
quotes = report["quotes"]
status = {s: sum(1 for q in quotes if q["status"] == s) for s in ("found", "approximate", "not-found")}
cites = report["citations"]
resolved = sum(1 for c in cites if c["status"] == "resolved")
print(f"audit of {report['fixity']['checked']:,} originals, {len(cites):,} citations ({resolved:,} resolved), "
      f"{len(quotes):,} quotations ({status['found']:,} found, {status['approximate']:,} approximate, {status['not-found']:,} not found)")
print(f"{elapsed:.2f} s (target < 10 s), exit status {run.returncode}")
PY

#!/usr/bin/env bash
# Benchmark: `archivist verify` over 1,000 and 10,000 generated documents (bench/generate_claims.py:
# meetings, telegrams and signings told by about three documents each, with planted date
# conflicts). Checks that every planted conflict is found, counts the other conflicts, and prints
# the time of the first verify (which extracts the claims ingest left to it), then of verify over the
# stored claims (best of 3), and its growth from 1,000 to 10,000 documents. Target: 10,000 documents in
# under 10 s, near-linear growth.
# Usage: bash bench/verify_bench.sh [SMALL] [LARGE]
set -euo pipefail
cd "$(dirname "$0")/.."
SMALL="${1:-1000}"
LARGE="${2:-10000}"
OUT="bench/out/verify"
rm -rf "$OUT" && mkdir -p "$OUT"
swift build -c release --product archivist >/dev/null
BIN="$(swift build -c release --show-bin-path)/archivist"
for N in "$SMALL" "$LARGE"; do
  mkdir -p "$OUT/$N"
  python3 bench/generate_claims.py "$OUT/$N/docs" "$N" | sed "s/^/  generated: /"
  "$BIN" ingest --quiet --catalog "$OUT/$N/catalog.sqlite" "$OUT/$N/docs" || true
done
python3 - "$BIN" "$OUT" "$SMALL" "$LARGE" <<'PY'
import json, subprocess, sys, time
binary, out, sizes = sys.argv[1], sys.argv[2], sys.argv[3:]
times = {}
for n in sizes:
    catalog = f"{out}/{n}/catalog.sqlite"
    best, report, first = None, None, None
    for attempt in range(4):
        t0 = time.perf_counter()
        run = subprocess.run([binary, "verify", "--json", "--catalog", catalog], capture_output=True, text=True)
        elapsed = time.perf_counter() - t0
        if run.returncode not in (0, 1):
            sys.exit(run.stderr)
        if attempt == 0:
            first = elapsed
            continue
        best = elapsed if best is None else min(best, elapsed)
        report = json.loads(run.stdout)
    times[n] = best
    planted = json.load(open(f"{out}/{n}/planted.json"))
    conflicts = [c for c in report["conflicts"] if c["severity"] == "conflict"]
    wrong_docs = {p["wrong"] for p in planted.values()}
    found = 0
    for p in planted.values():
        if any(c["kind"] == "date" and p["wrong"] in {s["source"] for s in c["claims"]}
               and set(p["right"]) & {s["source"] for s in c["claims"]} for c in conflicts):
            found += 1
    other = [c for c in conflicts if not wrong_docs & {s["source"] for s in c["claims"]}]
    s = report["summary"]
    print(f"{n:>6} documents: {s['claims']:,} claims, {report['events']:,} events; planted date conflicts found {found} of {len(planted)}; "
          f"other conflicts {len(other)}; {s['supported']:,} supported, {s['contradicted']:,} contradicted, {s['unverified']:,} unverified")
    print(f"        first verify {first:.2f} s (extracts and stores the claims); verify {best:.2f} s (stored claims, best of 3)")
small, large = sizes
ratio = times[large] / times[small]
print(f"growth: {int(large) // int(small)}x documents took {ratio:.1f}x the time (linear would be {int(large) / int(small):.0f}x); "
      f"{large} documents in {times[large]:.2f} s (target < 10 s)")
PY

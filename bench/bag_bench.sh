#!/usr/bin/env bash
# Benchmark: `archivist bag validate` against bagit-python's `--validate` on the same two generated
# bags, in one run, with the same number of processes/threads: a 1 GB bag of 1,000 files and a bag
# of 20,000 small files, each with sha256 and sha512 manifests (bagit-python's defaults), and the
# 1 GB payload again with a sha256 manifest only.
# Each validation runs 3 times; the best time counts (the files are in the page cache for both).
# Usage: bash bench/bag_bench.sh [JOBS]      (JOBS default 2; needs python3; installs bagit when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS="${1:-2}"
OUT="bench/out/bags"
rm -rf "$OUT" && mkdir -p "$OUT"
python3 -c "import bagit" 2>/dev/null || pip install -q bagit
swift build -c release --product archivist >/dev/null
BIN="$(swift build -c release --show-bin-path)/archivist"

python3 - "$OUT" <<'PY'
import os, sys
out = sys.argv[1]
big = os.path.join(out, "big")
os.makedirs(big)
for i in range(1000):                       # 1,000 files of 1 MiB: 1.05 GB
    with open(os.path.join(big, f"f{i:04d}.bin"), "wb") as f:
        f.write(os.urandom(1 << 20))
small = os.path.join(out, "small")
for i in range(20000):                      # 20,000 files of 0.5 to 4 KiB, in 100 folders
    folder = os.path.join(small, f"d{i % 100:03d}")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"f{i:05d}.txt"), "wb") as f:
        f.write(os.urandom(512 + (i * 37) % 3584))
PY
bagit.py --quiet --processes "$JOBS" "$OUT/big" 2>/dev/null
bagit.py --quiet --processes "$JOBS" "$OUT/small" 2>/dev/null
# The same 1 GB payload in a bag with a sha256 manifest only (hard links, no second copy), to show
# how much of the big bag's time is SHA-512 itself.
cp -al "$OUT/big/data" "$OUT/big-sha256"
bagit.py --quiet --processes "$JOBS" --sha256 "$OUT/big-sha256" 2>/dev/null

best() { python3 bench/timed.py 3 "$@"; }  # best of 3 wall-clock times, in seconds

rows=()
for bag in big small big-sha256; do
  files=$(find "$OUT/$bag/data" -type f | wc -l)
  bytes=$(find "$OUT/$bag/data" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  ours=$(best "$BIN" bag validate --quiet --jobs "$JOBS" "$OUT/$bag")
  peer=$(best bagit.py --quiet --validate --processes "$JOBS" "$OUT/$bag")
  rows+=("$bag $files $bytes $ours $peer")
done

python3 - "$JOBS" "${rows[@]}" <<'PY'
import sys
jobs = sys.argv[1]
print(f"bag validate, {jobs} threads (archivist --jobs) vs {jobs} processes (bagit.py --processes), best of 3, release build\n")
print(f"{'bag':34} {'archivist s':>11} {'bagit.py s':>10} {'archivist MB/s':>15} {'bagit.py MB/s':>14} {'ratio':>6}  target")
for row in sys.argv[2:]:
    name, files, size, ours, peer = row.split()
    files, size, ours, peer = int(files), int(size), float(ours), float(peer)
    label = f"{name}: {files:,} files, {size/1e6:,.0f} MB"
    target = ">= 1.5x" if name != "big-sha256" else "(sha256 only)"
    print(f"{label:34} {ours:11.3f} {peer:10.3f} {size/1e6/ours:15.1f} {size/1e6/peer:14.1f} {peer/ours:5.2f}x  {target}")
PY

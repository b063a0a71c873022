#!/usr/bin/env bash
# Benchmark: the temporal-expression tagger's speed on one core, on the text of WikiWars 01-16
# repeated to about 10 MB, and its accuracy on those documents (bench/score_timeml.py).
# Target: at least 2 MB of text per second. Usage: bash bench/dates_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS="${ARCHIVIST_CORPUS:-$(cd .. && pwd)/shared/corpus}"
GOLD="$CORPUS/timeml/wikiwars/timex3-tml"
OUT="bench/out/dates"
rm -rf "$OUT" && mkdir -p "$OUT"
swift build -c release --product archivist >/dev/null
BIN="$(swift build -c release --show-bin-path)/archivist"
python3 - "$GOLD" "$OUT/text.txt" <<'PY'
import html, os, re, sys
gold, out = sys.argv[1], sys.argv[2]
texts = []
for name in sorted(os.listdir(gold)):
    if name.endswith(".tml"):
        xml = open(os.path.join(gold, name), encoding="utf-8").read()
        texts.append(html.unescape(re.sub(r"<[^>]+>", "", xml.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0])))
one = "\n\n".join(texts)
copies = max(1, 10_000_000 // len(one.encode("utf-8")))
open(out, "w", encoding="utf-8").write("\n\n".join([one] * copies))
PY
BYTES=$(stat -c %s "$OUT/text.txt")
SECONDS_TAKEN=$(python3 bench/timed.py 3 "$BIN" dates --quiet "$OUT/text.txt")
COUNT=$("$BIN" dates --json "$OUT/text.txt" | python3 -c "import json,sys; print(len(json.load(sys.stdin)))")
python3 -c "b, s, c = $BYTES, $SECONDS_TAKEN, $COUNT; print(f'dates: {b/1e6:.1f} MB in {s:.3f} s = {b/1e6/s:.1f} MB/s (target >= 2 MB/s), {c:,} expressions')"
python3 bench/score_timeml.py "$BIN" "$GOLD" "$OUT/tml" | tail -2

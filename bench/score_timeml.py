#!/usr/bin/env python3
"""Scores `archivist dates --timeml` against gold TimeML files: per file and overall, strict
extraction F1 (exact span), relaxed extraction F1 (any overlap) and value F1 (relaxed matches
whose value is right, as an F1), as TempEval-3 Task A defines them.

Usage: score_timeml.py ARCHIVIST_BINARY GOLD_DIR [OUT_DIR]
       (default GOLD_DIR: ../shared/corpus/timeml/wikiwars/timex3-tml, documents 01-16)
"""
import html, os, re, subprocess, sys, tempfile

binary = sys.argv[1]
gold_dir = sys.argv[2]
out_dir = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp()
os.makedirs(out_dir, exist_ok=True)
TAG = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)

def spans(xml):
    """(start, end, value) of each TIMEX3 in TEXT, offsets in the tag-free, entity-decoded text."""
    text = xml.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
    result, plain, position = [], [], 0
    for match in TAG.finditer(text):
        before = re.sub(r"<[^>]+>", "", text[position:match.start()])
        plain.append(html.unescape(before))
        start = sum(len(p) for p in plain)
        inner = html.unescape(re.sub(r"<[^>]+>", "", match.group(2)))
        plain.append(inner)
        value = re.search(r'value="([^"]*)"', match.group(1))
        result.append((start, start + len(inner), value.group(1) if value else ""))
        position = match.end()
    return result

def f1(p, r):
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)

totals = {"gold": 0, "system": 0, "strict": 0, "relaxed_g": 0, "relaxed_s": 0, "value": 0}
print(f"{'file':20} {'gold':>5} {'ours':>5} {'strict F1':>9} {'relaxed F1':>10} {'value F1':>8}")
for name in sorted(os.listdir(gold_dir)):
    if not name.endswith(".tml"):
        continue
    gold_path, out_path = os.path.join(gold_dir, name), os.path.join(out_dir, name)
    subprocess.run([binary, "dates", "--timeml", gold_path, "-o", out_path], check=True)
    gold = spans(open(gold_path, encoding="utf-8").read())
    ours = spans(open(out_path, encoding="utf-8").read())
    strict = len({(s, e) for s, e, _ in gold} & {(s, e) for s, e, _ in ours})
    relaxed_g = sum(1 for g in gold if any(o[0] < g[1] and g[0] < o[1] for o in ours))
    relaxed_s = sum(1 for o in ours if any(o[0] < g[1] and g[0] < o[1] for g in gold))
    value = sum(1 for g in gold if any(o[0] < g[1] and g[0] < o[1] and o[2] == g[2] for o in ours))
    for key, amount in (("gold", len(gold)), ("system", len(ours)), ("strict", strict), ("relaxed_g", relaxed_g), ("relaxed_s", relaxed_s), ("value", value)):
        totals[key] += amount
    sp, sr = strict / max(1, len(ours)), strict / max(1, len(gold))
    rp, rr = relaxed_s / max(1, len(ours)), relaxed_g / max(1, len(gold))
    vp, vr = value / max(1, len(ours)), value / max(1, len(gold))
    print(f"{name:20} {len(gold):5} {len(ours):5} {f1(sp, sr):9.3f} {f1(rp, rr):10.3f} {f1(vp, vr):8.3f}")
t = totals
sp, sr = t["strict"] / max(1, t["system"]), t["strict"] / max(1, t["gold"])
rp, rr = t["relaxed_s"] / max(1, t["system"]), t["relaxed_g"] / max(1, t["gold"])
vp, vr = t["value"] / max(1, t["system"]), t["value"] / max(1, t["gold"])
print(f"{'overall':20} {t['gold']:5} {t['system']:5} {f1(sp, sr):9.3f} {f1(rp, rr):10.3f} {f1(vp, vr):8.3f}")
print(f"relaxed P {rp:.3f} R {rr:.3f}; value P {vp:.3f} R {vr:.3f}; targets: relaxed F1 >= 0.90, value F1 >= 0.80")

#!/usr/bin/env python3
"""Generates secondary texts full of dated claims, for the verifier benchmark.

Usage: generate_claims.py OUT N [SEED]

Writes N plain-text documents to OUT. Events are meetings, messages and signings between two
people of archivist's shipped aliases.tsv, each on its own date (the same people's events of one kind
years apart); every event
is told by about three documents in varied wording, five events per document. Every 40th event is
told once with a date three days off: a planted date conflict. OUT/planted.json lists, for each
planted event, the document that carries the wrong date and the ones that carry the right one.
"""
import datetime, itertools, json, os, random, sys

out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1949)
root = os.path.join(os.path.dirname(__file__), "..", "Sources", "ArchivistKit", "Resources", "aliases.tsv")
people = []
for line in open(root, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    name, kind, _ = line.rstrip("\n").split("\t")
    if kind == "person":
        people.append(name)
pairs = list(itertools.combinations(people, 2))
rng.shuffle(pairs)
kinds = ["meeting", "message", "signing"]
combos = [(k, p) for p in pairs for k in kinds]
events_needed = n * 5 // 3 + 1
start = datetime.date(1925, 1, 1)
events = []
for i in range(events_needed):
    # The same two people's events of one kind come round again only in a later 2,000-day round,
    # far outside any matching window: the only conflicts are the planted ones.
    kind, (a, b) = combos[i % len(combos)]
    day = start + datetime.timedelta(days=(i // len(combos)) * 2000 + rng.randrange(0, 1800))
    events.append({"kind": kind, "a": a, "b": b, "date": day, "planted": i % 40 == 0})

months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
def say(event, day, style):
    a, b = event["a"], event["b"]
    d1 = f"{day.day} {months[day.month - 1]} {day.year}"
    d2 = f"{months[day.month - 1]} {day.day}, {day.year}"
    if event["kind"] == "meeting":
        forms = [f"On {d2}, {a} met {b} in Moscow.", f"{a} and {b} met on {d1} to discuss the situation.", f"On {d1} {a} held talks with {b}."]
    elif event["kind"] == "message":
        forms = [f"On {d2}, {a} sent a telegram to {b}.", f"{a} cabled {b} on {d1}.", f"On {d1} {a} wrote to {b} about the advance."]
    else:
        forms = [f"On {d2}, {a} and {b} signed the agreement.", f"The agreement was signed on {d1} by {a} and {b}.", f"On {d1} {a} and {b} concluded an agreement."]
    return forms[style % 3]

os.makedirs(out, exist_ok=True)
# Each event is told by about three documents; documents take five events each.
slots = [i for i in range(len(events)) for _ in range(3)]
rng.shuffle(slots)
planted = {}
for doc in range(n):
    chosen = slots[doc * 5:(doc + 1) * 5]
    lines = [f"Notes on Soviet and Chinese relations, part {doc + 1}", ""]
    for k, index in enumerate(chosen):
        event = events[index]
        day = event["date"]
        name = f"doc-{doc:05d}.txt"
        if event["planted"] and index not in planted:
            day = day + datetime.timedelta(days=3)
            planted[index] = {"wrong": name, "right": []}
        elif event["planted"]:
            planted[index]["right"].append(name)
        lines.append(say(event, day, doc + k))
        lines.append("")
    with open(os.path.join(out, f"doc-{doc:05d}.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
checkable = {str(i): p for i, p in planted.items() if p["right"]}
with open(os.path.join(out, "..", "planted.json"), "w") as f:
    json.dump(checkable, f)
print(f"{n} documents, {len(events)} events, {len(checkable)} planted date conflicts with a witness")

#!/usr/bin/env python3
"""Adds secondary texts to a generated corpus (bench/generate_corpus.py) for the citation-audit
benchmark: each article cites archive records by URL, reference or quoted title, and quotes
passages from them, exactly, with a changed word, or invented.

Usage: generate_articles.py CORPUS_DIR ARTICLES
"""
import os, random, re, sys

corpus, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(1950)
records = []
paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs)
for path in paths:
    text = open(path, encoding="utf-8").read()
    url = re.search(r"https://\S+/document/(\d+)", text)
    body = text.split("English Translation\n\n", 1)[-1]
    sentences = [s.strip() for s in re.split(r"(?<=\.)\s+", body) if len(s.split()) > 8]
    if url and sentences:
        records.append((url.group(0), sentences))
out = os.path.join(corpus, "articles")
os.makedirs(out, exist_ok=True)
for i in range(count):
    paragraphs = [f"Article {i} on Xinjiang, 1934-1950"]
    for _ in range(5):
        url, sentences = rng.choice(records)
        words = rng.choice(sentences).rstrip(".").split()
        start = rng.randint(0, max(0, len(words) - 8))
        quote = words[start:start + 8]
        kind = rng.random()
        if kind < 0.2:
            quote[3] = "allegedly"
        elif kind < 0.3:
            quote = "the committee firmly rejected every proposal for a joint administration".split()
        paragraphs.append(f"As the record shows ({url}), the report said that “{' '.join(quote)}” at the time.")
    with open(os.path.join(out, f"article-{i:04d}.txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(paragraphs) + "\n")
print(f"{count} articles quoting {len(records)} records")

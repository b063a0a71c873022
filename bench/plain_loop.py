#!/usr/bin/env python3
"""The reference point for ingest: a plain loop that reads each file, hashes it, stores it and
indexes its text in FTS5, one transaction per file (SQLite WAL, synchronous=NORMAL).

Usage: plain_loop.py CORPUS_DIR DB_PATH   (prints documents/s)
"""
import hashlib, os, sqlite3, sys, time

corpus, db = sys.argv[1], sys.argv[2]
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs)
con = sqlite3.connect(db, isolation_level=None)
con.execute("PRAGMA journal_mode=WAL")
con.execute("PRAGMA synchronous=NORMAL")
con.execute("CREATE TABLE IF NOT EXISTS doc (id INTEGER PRIMARY KEY, path TEXT UNIQUE, sha256 TEXT, content BLOB)")
con.execute("CREATE VIRTUAL TABLE IF NOT EXISTS doc_text USING fts5(body)")
start = time.perf_counter()
for path in files:
    data = open(path, "rb").read()
    digest = hashlib.sha256(data).hexdigest()
    con.execute("BEGIN IMMEDIATE")
    cur = con.execute("INSERT INTO doc (path, sha256, content) VALUES (?, ?, ?)", (path, digest, data))
    con.execute("INSERT INTO doc_text (rowid, body) VALUES (?, ?)", (cur.lastrowid, data.decode("utf-8")))
    con.execute("COMMIT")
elapsed = time.perf_counter() - start
print(f"{len(files)} {elapsed:.3f}")

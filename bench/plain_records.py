#!/usr/bin/env python3
"""A plain loop at the level of records, for EAD: reads each file, hashes it, parses it (ElementTree),
and in one transaction per file stores the file and one row per component (`c`, `c01`-`c12`: its id,
title and text without its sub-components), each row's text indexed in FTS5 (SQLite WAL,
synchronous=NORMAL). The reference for storing one document per component, where plain_loop.py
stores one row per file.

Usage: plain_records.py CORPUS_DIR DB_PATH   (prints: files seconds records)
"""
import hashlib, os, re, sqlite3, sys, time
import xml.etree.ElementTree as ET

corpus, db = sys.argv[1], sys.argv[2]
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs)
con = sqlite3.connect(db, isolation_level=None)
con.execute("PRAGMA journal_mode=WAL")
con.execute("PRAGMA synchronous=NORMAL")
con.execute("CREATE TABLE IF NOT EXISTS file (id INTEGER PRIMARY KEY, path TEXT UNIQUE, sha256 TEXT, content BLOB)")
con.execute("CREATE TABLE IF NOT EXISTS record (id INTEGER PRIMARY KEY, file_id INTEGER, identity TEXT UNIQUE, title TEXT, body TEXT)")
con.execute("CREATE VIRTUAL TABLE IF NOT EXISTS record_text USING fts5(body)")
COMPONENT = re.compile(r"^c(0[1-9]|1[0-2])?$")


def local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def words(elements):
    return " ".join("".join(text for element in elements for text in element.itertext()).split())


def components(element, path, rows, position):
    for child in element:
        if COMPONENT.match(local(child.tag)):
            position[0] += 1
            did = next((x for x in child if local(x.tag) == "did"), None)
            title = words([x for x in (did if did is not None else []) if local(x.tag) == "unittitle"][:1])
            body = words([x for x in child if not COMPONENT.match(local(x.tag))])
            rows.append((path + "#" + (child.get("id") or f"c{position[0]}"), title, body))
        components(child, path, rows, position)


start = time.perf_counter()
records = 0
for path in files:
    data = open(path, "rb").read()
    digest = hashlib.sha256(data).hexdigest()
    rows = []
    components(ET.fromstring(data), path, rows, [0])
    con.execute("BEGIN IMMEDIATE")
    file_id = con.execute("INSERT INTO file (path, sha256, content) VALUES (?, ?, ?)", (path, digest, data)).lastrowid
    for identity, title, body in rows:
        row_id = con.execute("INSERT INTO record (file_id, identity, title, body) VALUES (?, ?, ?, ?)", (file_id, identity, title, body)).lastrowid
        con.execute("INSERT INTO record_text (rowid, body) VALUES (?, ?)", (row_id, body))
    con.execute("COMMIT")
    records += len(rows)
elapsed = time.perf_counter() - start
print(f"{len(files)} {elapsed:.3f} {records}")

#!/usr/bin/env python3
"""Generates a TEI corpus for the XML benchmark: letters and reports with a full teiHeader
(title, translator, msIdentifier, creation date, language, revision history) and a body of
paragraphs with inline persName, placeName, date and hi markup.

Usage: generate_tei.py OUT_DIR [MEGABYTES]   (default 100 MB, in files of about 100 KB)
"""
import os, random, sys

out = sys.argv[1]
target = int(float(sys.argv[2] if len(sys.argv) > 2 else 100) * 1_000_000)
os.makedirs(out, exist_ok=True)
random.seed(1949)
people = ["Ehmetjan Qasimi", "Abdulkerim Abbas", "Ishaq Beg", "Luo Zhi", "Delilhan Sugurbayev", "Saifuddin Azizi", "Burhan Shahidi"]
places = ["Ghulja", "Urumqi", "Almaty", "Irkutsk", "Lake Baikal", "Beiping", "Moscow", "Chuguchak", "Kashgar"]
words = ("the delegation reported that the committee had agreed to send representatives to the conference and that "
         "the situation in the region required further consultation with the government before any decision").split()

def sentence():
    parts = []
    for _ in range(random.randint(12, 30)):
        r = random.random()
        if r < 0.05:
            parts.append(f"<persName>{random.choice(people)}</persName>")
        elif r < 0.09:
            parts.append(f"<placeName>{random.choice(places)}</placeName>")
        elif r < 0.11:
            day = random.randint(1, 28)
            parts.append(f'<date when="1949-08-{day:02d}">{day} August 1949</date>')
        elif r < 0.13:
            parts.append(f"<hi rend=\"italic\">{random.choice(words)}</hi>")
        else:
            parts.append(random.choice(words))
    return " ".join(parts).capitalize() + "."

total, index = 0, 0
while total < target:
    index += 1
    paragraphs = []
    size = 0
    while size < 95_000:
        p = "<p>" + " ".join(sentence() for _ in range(random.randint(3, 8))) + "</p>"
        paragraphs.append(p)
        size += len(p)
    month, day = random.randint(1, 12), random.randint(1, 28)
    text = f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Report no. {index} on the situation in Xinjiang</title>
        <respStmt><resp>Translated by</resp><name>Translator {index % 17}</name></respStmt></titleStmt>
      <publicationStmt><idno type="bench">bench-{index:05d}</idno></publicationStmt>
      <sourceDesc><msDesc><msIdentifier><settlement>Moscow</settlement><repository>AVPRF</repository>
        <idno>Fond 0100, Opis 42, Delo {index}, ll. 1-{index % 40 + 2}</idno></msIdentifier></msDesc></sourceDesc>
    </fileDesc>
    <profileDesc><creation><date when="1949-{month:02d}-{day:02d}">{day} {["January","February","March","April","May","June","July","August","September","October","November","December"][month-1]} 1949</date></creation>
      <langUsage><language ident="ru">Russian</language></langUsage></profileDesc>
    <revisionDesc><change when="2026-11-25">generated for the benchmark</change></revisionDesc>
  </teiHeader>
  <text><body>
{chr(10).join(paragraphs)}
  </body></text>
</TEI>
"""
    data = text.encode("utf-8")
    with open(os.path.join(out, f"report-{index:05d}.xml"), "wb") as f:
        f.write(data)
    total += len(data)
print(f"{index} files, {total / 1e6:.1f} MB")

#!/usr/bin/env python3
"""Write N deterministic Wilson-Center-style documents of 3-5 KB (PDF-export layout) into a folder.

Usage: generate_corpus.py OUT_DIR [N]
"""
import os, random, sys

PEOPLE = ["Mao Zedong", "Anastas Mikoyan", "Liu Shaoqi", "Ehmetjan Qasimi", "Sheng Shicai", "Zhou Enlai", "V. M. Molotov"]
PLACES = ["Xinjiang", "Ghulja", "Urumqi", "Moscow", "Beiping", "Almaty", "Lanzhou", "the Ili region"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
ARCHIVES = ["RGASPI, f. 17, op. 162, d. {}, ll. {}-{}", "APRF: F. 45, Op. 1, D. {}, Ll. {}-{}", "AVPRF, Fond 0100, Opis 34, Delo {}, ll. {}-{}"]


def document(i, rng):
    day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(1934, 1950)
    a, b = rng.sample(PEOPLE, 2)
    title = f"Memorandum of Conversation between {a} and {b} No. {i}"
    folio = rng.randint(1, 300)
    ref = rng.choice(ARCHIVES).format(rng.randint(1, 400), folio, folio + rng.randint(1, 9))
    sentences = []
    target = rng.randint(3000, 5000)
    header = (
        "Digital Archive digitalarchive.wilsoncenter.org\nInternational History Declassified\n\n"
        f"{month} {day}, {year}\n{title}\n\nCitation:\n\"{title},\" {month} {day:02d}, {year}, History and Public Policy "
        f"Program Digital Archive, {ref}. Translated by Sergey Radchenko. https://digitalarchive.wilsoncenter.org/document/{100000 + i}\n\n"
        f"Summary:\n{a} and {b} discuss the situation in {rng.choice(PLACES)}.\n\nOriginal Language:\nRussian\n\nContents:\nEnglish Translation\n\n"
    )
    size = len(header)
    while size < target:
        s = (f"On {rng.randint(1, 28)} {rng.choice(MONTHS)} {year} {rng.choice(PEOPLE)} reported from {rng.choice(PLACES)} that "
             f"{rng.randint(2, 500)} people had arrived and that the talks in {rng.choice(PLACES)} would continue. ")
        sentences.append(s)
        size += len(s)
    return header + "".join(sentences) + "\n"


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    rng = random.Random(1949)
    for i in range(n):
        sub = os.path.join(out, f"{i // 1000:02d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"wcda-{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(document(i, rng))


if __name__ == "__main__":
    main()

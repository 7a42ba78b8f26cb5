#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
# Copyright (c) Lexo contributors. Licensed under either of the MIT licence or the
# Apache Licence 2.0, at your option.
"""Write a corpus of hostile article files for Lexo into DIR.

Usage: python3 tools/make_hostile_corpus.py DIR [--big]

Every file is made here from scratch (standard library only, seeded random, fixed zip and gzip
timestamps), so two runs write byte-identical files. Nothing is downloaded. What Lexo should do
with each file: read it well (the few legitimate shapes), or give a clear message naming the
file, or render it safely. Never a panic, a hang, a script run, or a network request: every
remote URL in the corpus points at http://127.0.0.2/ so a test can assert that nothing left.

The default corpus is written in a few seconds. The three bombs (zip-bomb.epub, zip-bomb.docx,
gzip-bomb.html.gz) each inflate to about 1 GiB; their deflate streams are built from one
compressed chunk repeated (each chunk a fresh compressor ended by a full flush, so the chunks
are independent and can be concatenated), streamed to disk, so memory stays low. The zip writer
below is a small one of our own: it writes zip64 extra fields for those entries, the zip64 end
records when an archive has more than 65,535 entries, and it can also write the deliberately
broken archives (lying sizes, encryption flag, unknown method, escaping names).

--big adds huge-100mb.txt (100 MB of paragraphs), oneline-50mb.txt (50 MB on one line) and
million-lines.jsonl (a million {"title", "text"} lines, about 80 MB).

After writing, one line per file "name<TAB>bytes<TAB>what it tests" goes to stdout and to
DIR/MANIFEST.tsv.
"""
import argparse
import gzip
import json
import random
import struct
import sys
import time
import zlib
from pathlib import Path

R = "http://127.0.0.2/"  # every remote URL in the corpus starts with this
KiB, MiB, GiB = 1 << 10, 1 << 20, 1 << 30

# --------------------------------------------------------------------------------------------
# Sample text (written for this corpus)
# --------------------------------------------------------------------------------------------

SENTENCES = [
    "Kryeministri Edi Rama u takua në Tiranë me përfaqësues të Bashkimit Evropian për të diskutuar kalendarin e negociatave.",
    "Kuvendi i Shqipërisë do ta shqyrtojë projektligjin javën e ardhshme, pasi komisioni i ligjeve të japë mendimin e tij.",
    "Bashkia e Shkodrës njoftoi se punimet në rrugën pranë liqenit do të përfundojnë para fillimit të verës.",
    "Në Durrës, porti priti më shumë anije tregtare se një vit më parë, sipas të dhënave të autoritetit portual.",
    "Banorët e Korçës u ankuan për ndërprerjet e ujit gjatë fundjavës dhe kërkuan sqarime nga ujësjellësi.",
    "Ministria e Arsimit prezantoi një program të ri për mësuesit e rinj që punojnë në zonat rurale.",
    "Studentët e Universitetit të Tiranës organizuan një tryezë për ndryshimet klimatike dhe gërryerjen e bregdetit.",
    "Gjykata e Apelit në Vlorë e shtyu seancën për shkak të mungesës së një dëshmitari kyç.",
    "Turistët nga Italia dhe Gjermania i mbushën hotelet e Sarandës më herët se zakonisht.",
    "Fermerët e Myzeqesë shpresojnë që çmimi i grurit të rritet pas korrjes së këtij viti.",
    "Presidenti Bajram Begaj dekretoi datën e zgjedhjeve vendore pas konsultimeve me partitë politike.",
    "Banka e Shqipërisë e la të pandryshuar normën bazë të interesit për tremujorin e tretë.",
]

SHORT = [
    "Shi në veri.", "Diell në jug.", "Tregu është i qetë.", "Rruga u hap sot.", "Ura u riparua.",
    "Shkolla nis nesër.", "Lumi u rrit pak.", "Trafiku lehtësohet.", "Mbledhja u shty.", "Çmimet ranë.",
    "Treni vonoi.", "Porti punon.", "Era u qetësua.", "Muzeu u hap.", "Festa mbaroi.",
]

GOOD_TITLE = "Kuvendi miraton rezolutën për reformën në drejtësi pas një debati të gjatë"
GOOD_PARAS = [
    "Kuvendi i Shqipërisë miratoi të enjten një rezolutë për vijimin e reformës në drejtësi, pas "
    "një seance që zgjati më shumë se gjashtë orë. Kryeministri Edi Rama tha në sallë se reforma "
    "mbetet kusht themelor për hapjen e grupkapitujve të parë të negociatave me Bashkimin Evropian.",
    "Opozita kritikoi procedurën e ndjekur nga shumica dhe kërkoi që votimi të shtyhej me një "
    "javë. Deputetët e Partisë Demokratike argumentuan se teksti i rezolutës u shpërnda vonë dhe "
    "se komisionet parlamentare nuk patën kohë ta shqyrtonin.",
    "Në Tiranë, përfaqësues të Delegacionit të Bashkimit Evropian e vlerësuan hapin, por "
    "theksuan se zbatimi mbetet sfida kryesore. Sipas tyre, gjykatat në Durrës, Shkodër dhe Vlorë "
    "ende përballen me mungesë gjyqtarësh dhe me vonesa të gjata në shqyrtimin e çështjeve.",
    "Ministria e Drejtësisë njoftoi se brenda muajit do të publikojë një plan veprimi me afate të "
    "qarta. Dokumenti pritet të diskutohet edhe me Komisionin Evropian në Bruksel, ndërsa Bashkimi "
    "Evropian do ta vlerësojë zbatimin e tij në raportin e radhës në fund të vjeshtës.",
]
GOOD_ARTICLE = (
    "Politikë\n" + GOOD_TITLE + "\n\n" + "\n\n".join(GOOD_PARAS) + "\n\n"
    "Lexo më shumë: Çfarë ndryshon për qytetarët me reformën e re në drejtësi\n\n"
    "Burimi: Agjencia Shqiptare e Lajmeve\n"
)

SHKODER_PARAS = [
    "Këshilli Bashkiak i Shkodrës u mblodh të mërkurën për të shqyrtuar buxhetin e vitit të "
    "ardhshëm. Kryetari i bashkisë paraqiti një projekt për rikonstruksionin e rrugëve në lagjet "
    "periferike dhe për ndriçimin e urës mbi lumin Buna.",
    "Disa këshilltarë kërkuan më shumë fonde për shkollat e fshatrave përreth liqenit. Pas një "
    "diskutimi të gjatë, projekti u miratua me shumicë votash dhe punimet pritet të nisin në pranverë.",
    "Banorët që e ndoqën mbledhjen nga salla thanë se presin që punimet të fillojnë sa më shpejt, "
    "sidomos në zonat që përmbyten pothuajse çdo dimër.",
]

BERAT_PARAS = [
    "Qyteti i Beratit priti këtë fundjavë mijëra vizitorë për festivalin e verës, që u zhvillua në "
    "lagjen e Mangalemit dhe brenda mureve të kalasë. Organizatorët thanë se numri i pjesëmarrësve "
    "ishte dyfish më i madh se një vit më parë.",
    "Bashkia njoftoi se të ardhurat nga festivali do të përdoren për restaurimin e dy shtëpive "
    "muze. Ministria e Kulturës premtoi një fond shtesë, ndërsa banorët kërkuan më shumë parkime "
    "për ditët me fluks të madh.",
]

RUSSIAN = (
    "Новости\n\nВ Москве открылась выставка современной живописи\n\n"
    "Выставка в центре города продлится до конца месяца. Организаторы ожидают более десяти тысяч "
    "посетителей из разных регионов страны.\n\n"
    "По выходным вход для студентов и пенсионеров будет бесплатным, сообщили в пресс-службе музея.\n"
)


WORDS = ["Shi.", "Diell.", "Erë.", "Borë.", "Mjegull.", "Vapë.", "Ftohtë.", "Qetësi."]


def b36(i):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    s = ""
    while True:
        i, d = divmod(i, 36)
        s = digits[d] + s
        if not i:
            return s


def paras(rnd, n, per=3, pool=SENTENCES):
    """n paragraphs of `per` sentences each, chosen by the seeded random."""
    return [" ".join(rnd.choice(pool) for _ in range(per)) for _ in range(n)]


def repeat_to(unit, size):
    """unit repeated whole times to at most size bytes (at least once)."""
    return unit * max(1, size // len(unit))


# --------------------------------------------------------------------------------------------
# A small zip writer: stored / deflated / raw entries, zip64, streamed repeated-chunk bombs
# --------------------------------------------------------------------------------------------

DOS_TIME, DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # 1980-01-01 00:00:00, fixed for determinism


def deflate_raw(data, level=9):
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def deflate_piece(data):
    """Raw deflate of data, not final, ending byte-aligned: can be concatenated with others."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush(zlib.Z_FULL_FLUSH)


DEFLATE_END = zlib.compressobj(9, zlib.DEFLATED, -15).flush()  # an empty final block


class Pieces:
    """A long stream described as [(bytes, count), ...]; deflated piece by piece."""

    def __init__(self, pieces):
        self.pieces = [(p, n) for p, n in pieces if p and n]
        self.comp = [deflate_piece(p) for p, _ in self.pieces]
        self.usize = sum(len(p) * n for p, n in self.pieces)
        self.csize = sum(len(c) * n for c, (_, n) in zip(self.comp, self.pieces)) + len(DEFLATE_END)
        crc = 0
        for p, n in self.pieces:
            for _ in range(n):
                crc = zlib.crc32(p, crc)
        self.crc = crc

    def write_deflated(self, f):
        for c, (_, n) in zip(self.comp, self.pieces):
            for _ in range(n):
                f.write(c)
        f.write(DEFLATE_END)


class ZipOut:
    def __init__(self, path):
        self.f = open(path, "wb")
        self.central = []

    def _header(self, name, method, flags, crc, csize, usize, zip64):
        nb = name.encode("utf-8")
        if any(ch > 0x7F for ch in nb):
            flags |= 0x800
        extra = struct.pack("<HHQQ", 1, 16, usize, csize) if zip64 else b""
        c32 = 0xFFFFFFFF if zip64 else csize
        u32 = 0xFFFFFFFF if zip64 else usize
        ver = 45 if zip64 else 20
        offset = self.f.tell()
        self.f.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, ver, flags, method, DOS_TIME, DOS_DATE,
                                 crc, c32, u32, len(nb), len(extra)) + nb + extra)
        self.central.append((nb, ver, flags, method, crc, csize, usize, offset, zip64))

    def add(self, name, data=b"", method=8, flags=0, crc=None, usize=None, raw=None):
        """One entry. raw= gives the stored bytes as they are (for broken entries); crc= and
        usize= override what the headers claim."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        body = raw if raw is not None else (deflate_raw(data) if method == 8 else data)
        self._header(name, method, flags, zlib.crc32(data) if crc is None else crc, len(body),
                     len(data) if usize is None else usize, False)
        self.f.write(body)

    def add_stream(self, name, pieces):
        """A deflated, zip64 entry streamed from repeated pieces (the bombs)."""
        p = Pieces(pieces)
        self._header(name, 8, 0, p.crc, p.csize, p.usize, True)
        p.write_deflated(self.f)

    def close(self):
        cd_start = self.f.tell()
        for nb, ver, flags, method, crc, csize, usize, offset, zip64 in self.central:
            extra = b""
            c32, u32, o32 = csize, usize, offset
            fields = b""
            if zip64:
                fields += struct.pack("<QQ", usize, csize)
                c32 = u32 = 0xFFFFFFFF
            if offset >= 0xFFFFFFFF:
                fields += struct.pack("<Q", offset)
                o32 = 0xFFFFFFFF
            if fields:
                extra = struct.pack("<HH", 1, len(fields)) + fields
            self.f.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, ver, ver, flags, method,
                                     DOS_TIME, DOS_DATE, crc, c32, u32, len(nb), len(extra), 0, 0,
                                     0, 0, o32) + nb + extra)
        cd_end = self.f.tell()
        n, cd_size = len(self.central), cd_end - cd_start
        if n >= 0xFFFF or cd_start >= 0xFFFFFFFF or cd_size >= 0xFFFFFFFF:
            self.f.write(struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, n, n, cd_size, cd_start))
            self.f.write(struct.pack("<IIQI", 0x07064B50, 0, cd_end, 1))
            n16, s32, o32 = min(n, 0xFFFF), min(cd_size, 0xFFFFFFFF), min(cd_start, 0xFFFFFFFF)
        else:
            n16, s32, o32 = n, cd_size, cd_start
        self.f.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n16, n16, s32, o32, 0))
        self.f.close()


def gzip_stream(path, pieces):
    """A gzip file whose member inflates to the repeated pieces, streamed."""
    p = Pieces(pieces)
    with open(path, "wb") as f:
        f.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff")
        p.write_deflated(f)
        f.write(struct.pack("<II", p.crc, p.usize & 0xFFFFFFFF))


# --------------------------------------------------------------------------------------------
# EPUB and DOCX parts
# --------------------------------------------------------------------------------------------

CONTAINER_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
    '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>\n"
)


def opf(title, items, spine=None, extra_meta="", doctype=""):
    """items: [(id, href, media_type)]; spine: ids (default: every xhtml item but the nav)."""
    if spine is None:
        spine = [i for i, h, m in items if m == "application/xhtml+xml" and i != "nav"]
    nav = ' properties="nav"'
    man = "".join(
        f'<item id="{i}" href="{h}" media-type="{m}"{nav if i == "nav" else ""}/>' for i, h, m in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + doctype +
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<dc:identifier id="uid">urn:uuid:6c2f0b1e-5a1d-4c3e-8f00-1e7c0a5e0001</dc:identifier>'
        f"<dc:title>{title}</dc:title><dc:creator>Redaksia e Lexo</dc:creator><dc:language>sq</dc:language>"
        '<meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>' + extra_meta +
        f"</metadata><manifest>{man}</manifest><spine>"
        + "".join(f'<itemref idref="{s}"/>' for s in spine) + "</spine></package>\n"
    )


NAV = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
    'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Përmbajtja</title></head><body>'
    '<nav epub:type="toc"><ol><li><a href="ch1.xhtml">Kapitulli i parë</a></li></ol></nav></body></html>\n'
)
NAV_ITEM = ("nav", "nav.xhtml", "application/xhtml+xml")
CH1_ITEM = ("ch1", "ch1.xhtml", "application/xhtml+xml")


def xhtml(title, body, head_extra="", doctype=""):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + doctype +
        f'<html xmlns="http://www.w3.org/1999/xhtml" lang="sq"><head><title>{title}</title>{head_extra}</head>'
        f"<body>{body}</body></html>\n"
    )


def p_tags(texts):
    return "".join(f"<p>{t}</p>" for t in texts)


def epub_start(path):
    z = ZipOut(path)
    z.add("mimetype", "application/epub+zip", method=0)  # first, stored: as the spec wants
    return z


def epub(path, title, chapter_xhtml, extra=(), opf_text=None):
    z = epub_start(path)
    z.add("META-INF/container.xml", CONTAINER_XML)
    z.add("OEBPS/content.opf", opf_text or opf(title, [NAV_ITEM, CH1_ITEM]))
    z.add("OEBPS/nav.xhtml", NAV)
    z.add("OEBPS/ch1.xhtml", chapter_xhtml)
    for name, data in extra:
        z.add(name, data)
    z.close()


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>\n"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>\n"
)


def w_p(text, style=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def w_doc(body, doctype=""):
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + doctype +
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>\n'
    )


def docx(path, document_xml, extra=()):
    z = ZipOut(path)
    z.add("[Content_Types].xml", CONTENT_TYPES)
    z.add("_rels/.rels", ROOT_RELS)
    z.add("word/document.xml", document_xml)
    for name, data in extra:
        z.add(name, data)
    z.close()


def billion_laughs(root):
    """A DOCTYPE with exponential entity definitions (10^9 'lol's) and external entities."""
    ents = ['<!ENTITY lol "lol">']
    for i in range(1, 10):
        prev = "lol" if i == 1 else f"lol{i - 1}"
        ents.append(f'<!ENTITY lol{i} "' + f"&{prev};" * 10 + '">')
    ents.append('<!ENTITY xxe SYSTEM "file:///etc/passwd">')
    ents.append(f'<!ENTITY remote SYSTEM "{R}xxe.xml">')
    ents.append(f'<!ENTITY % pe SYSTEM "{R}pe.dtd">')
    return f"<!DOCTYPE {root} [\n " + "\n ".join(ents) + "\n %pe;\n]>\n"


# --------------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------------


def build(out: Path, big: bool):
    rnd = random.Random(20240601)
    manifest = []

    def put(name, data, what):
        (out / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        manifest.append((name, what))

    def made(name, what):  # for files written by a helper
        manifest.append((name, what))

    article = "\n\n".join(paras(rnd, 4)) + "\n"

    # ---- plain text: encodings, binary, junk -------------------------------------------------
    put("empty.txt", b"", "zero bytes: clear 'empty file' message, no panic")
    put("whitespace.txt", " \n\t\n  \r\n\u00a0\u3000\n", "only whitespace (incl. NBSP, ideographic space): treated as empty")
    put("bom-only.txt", b"\xef\xbb\xbf", "only a UTF-8 BOM: treated as empty")
    put("one-char.txt", "a", "a single character, no newline")
    put("newlines-only.txt", "\n" * 500_000, "500,000 empty lines: empty article, linear time")
    put("binary-junk.txt", rnd.randbytes(MiB), "1 MiB of random bytes named .txt: rejected as binary, not rendered")
    png = b"\x89PNG\r\n\x1a\n"
    for ctype, cdata in ((b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)),
                         (b"IDAT", zlib.compress(b"\x00\xff\x00\x00")), (b"IEND", b"")):
        png += struct.pack(">I", len(cdata)) + ctype + cdata + struct.pack(">I", zlib.crc32(ctype + cdata))
    put("png-named-txt.txt", png + rnd.randbytes(4 * KiB), "a real 1x1 PNG (plus junk) named .txt: sniffed as image, rejected")
    put("fake.pdf",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        b"3 0 obj << /Length 44 >> stream\nBT /F1 12 Tf 72 712 Td (Titull PDF) Tj ET\nendstream endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF\n",
        "PDF (unsupported format): clear 'unsupported' message")
    put("invalid-utf8.txt",
        "Lajme\nTitulli me bajte të prishura\n\n".encode() + b"Teksti \xff\xfe ka \xc3\x28 bajte t\xeb gabuara "
        b"dhe nj\xeb sekuenc\xe2\x82 t\xeb prer\xeb.\n\n" + article.encode() + b"\xe2\x82",
        "invalid UTF-8 bytes mid-text and a truncated sequence at EOF: replacement chars or a clear message")
    put("overlong-utf8.txt",
        "Lajme\nTitull me UTF-8 të paligjshëm\n\n".encode() +
        b"Overlong slash \xc0\xaf, overlong NUL \xc0\x80, 3-byte overlong \xe0\x80\xaf, CESU surrogates "
        b"\xed\xa0\x80\xed\xb0\x80, beyond U+10FFFF \xf4\x90\x80\x80, five-byte \xf8\x88\x80\x80\x80.\n\n" + article.encode(),
        "overlong encodings, encoded surrogates, >U+10FFFF, 5-byte forms: never decoded as '/' or NUL")
    put("utf8-bom.txt", b"\xef\xbb\xbf" + GOOD_ARTICLE.encode(), "legit: the good article with a UTF-8 BOM; BOM not in the title")
    put("utf16le-bom.txt", b"\xff\xfe" + ("Lajme\nTitulli në UTF-16LE\n\n" + article).encode("utf-16-le"),
        "UTF-16LE with BOM: decoded correctly")
    put("utf16be-nobom.txt", ("Lajme\nTitulli në UTF-16BE pa BOM\n\n" + article * 3).encode("utf-16-be"),
        "UTF-16BE without BOM (NULs every other byte): detected or clearly rejected, never shown as junk")
    put("utf32le-bom.txt", b"\xff\xfe\x00\x00" + ("Lajme\nTitulli në UTF-32LE\n\n" + article).encode("utf-32-le"),
        "UTF-32LE with BOM (its BOM starts like UTF-16LE's): not misread as UTF-16")
    cp = GOOD_ARTICLE.replace("Kuvendi miraton", "„Kuvendi” miraton")
    put("cp1250-albanian.txt", cp.encode("cp1250"), "Albanian in windows-1250 (ë=0xEB, ç=0xE7, „”): decoded, not mojibake")
    put("koi8r-russian.txt", RUSSIAN.encode("koi8-r"), "Russian in KOI8-R: decoded or clearly flagged, not mojibake")

    # ---- plain text: control, bidi, invisible characters, line endings, size ------------------
    put("control-chars.txt",
        "Mbledhja\x00 e Këshillit\x07 Bashkiak\x1b[31m në Shkodër\x1b[0m\x08\x7f\n\n" + "\n\n".join(SHKODER_PARAS) + "\n",
        "title holds NUL, BEL, ANSI ESC[31m, BS, DEL: stripped or escaped in every output, text reads")
    put("rtl-override-title.txt",
        "Bota\nRaporti \u202efdp.exe\u202c dhe \u2066emri i izoluar\u2069 në titull\n\n"
        "Paragrafi i parë ka një mbishkrim \u202epa mbyllje që nuk mbyllet kurrë.\n\n"
        "Paragrafi i dytë ka \u2067izolim RTL pa mbyllje dhe \u200fshenjë RLM.\n\n" + article,
        "RLO...PDF and LRI...PDI in the title, unterminated RLO/RLI in the body: must not leak into the UI")
    put("bidi-metadata.md",
        "---\n"
        "title: \"Zgjedhjet \u202elokale\u202c në Durrës \u202epa mbyllje\"\n"
        "author: \"Redaksia \u2067e jashtme\u2069 dhe \u2067Ana Hoxha\"\n"
        "date: 2024-03-01\n"
        "---\n\n# Zgjedhjet lokale në Durrës\n\n" + article,
        "front-matter title and author with RLO/RLI (some unterminated): isolated in metadata display")
    zalgo = "ë" + "".join(chr(0x300 + (i % 0x70)) for i in range(1000))
    put("homoglyph-and-zero-width.txt",
        "Lajme\u200b\n"
        "\u0422\u0456ranë: Kry\u0435ministri\u200d takon\u00ad ambasadorët \uff34\uff29\uff32\uff21\uff2e\uff25\n\n"
        "Par\u200bagrafi i par\u200cë ka hap\u200dësira me gjerësi zero, ndarje\u00ad të buta\u00ad dhe "
        "fjalë\u2060 të lidhura me \u200eshenja\u200f drejtimi.\n\n"
        f"Një shkronjë me një mijë shenja kombinuese: {zalgo} dhe pastaj teksti vazhdon normalisht.\n\n"
        "Mesi i tekstit ka një \ufeffBOM, një ndarës\u2028rreshti dhe një ndarës\u2029paragrafi.\n\n"
        "Karaktere etiketash të padukshme: \U000e0053\U000e0045\U000e0043\U000e0052\U000e0045\U000e0054 "
        "dhe emoji 👩\u200d👩\u200d👧 me përzgjedhës ❤\ufe0f.\n\n" + article,
        "homoglyphs (Cyrillic in 'Tiranë'), ZW space/joiner/non-joiner, soft hyphens, 1000 stacked combining "
        "marks, BOM mid-text, LS/PS, tag characters: no crash, bounded width, no invisible smuggling")
    put("crlf-and-cr-only.txt", GOOD_ARTICLE.replace("\n", "\r"),
        "the good article with CR-only line endings (old Mac): paragraphs split as with LF")
    put("mixed-newlines.txt",
        "Lajme\r\nTitull me fundrreshta të përzier\r\n\r\n" + SENTENCES[0] + "\n\n" + SENTENCES[1] + "\r\r"
        + SENTENCES[2] + "\x85\x85" + SENTENCES[3] + "\u2028\u2028" + SENTENCES[4] + "\u2029" + SENTENCES[5]
        + "\x0c" + SENTENCES[6] + "\x0b" + SENTENCES[7] + "\n",
        "LF, CRLF, CR, NEL, LS, PS, form feed, vertical tab mixed in one file")
    put("html-named-txt.txt",
        "<!doctype html><html><head><title>HTML në një .txt</title></head><body><article><h1>HTML në një .txt</h1>"
        + p_tags(paras(rnd, 2)) + "<script>window.__lexo_pwned = 90</script></article></body></html>\n",
        "an HTML page named .txt: read as HTML or as plain text, never executed")
    put("gzip-named-txt.txt", gzip.compress(GOOD_ARTICLE.encode(), 9, mtime=0),
        "gzip bytes named .txt: sniffed and inflated, or clearly rejected; not shown as junk")
    put("long-word.txt", "Një fjalë shumë e gjatë\n\n" + "a" * (10 * MiB) + "\n",
        "one 10 MiB word: bounded layout/wrapping, no quadratic tokenising")
    put("many-paragraphs.txt", "Lajme\nShumë paragrafë të shkurtër\n\n" +
        "".join(WORDS[i % len(WORDS)] + "\n\n" for i in range(200_000)),
        "200,000 short paragraphs: linear time, bounded memory")
    put("good-article.txt", GOOD_ARTICLE,
        "legit control: section, title, 4 paragraphs with people/places/organisations, 'Lexo më shumë', 'Burimi'")

    # ---- HTML -----------------------------------------------------------------------------------
    head = lambda t: f'<!DOCTYPE html><html lang="sq"><head><meta charset="utf-8"><title>{t}</title></head><body>'
    put("deep-nesting.html", head("Fole e thellë") + "<div>" * 100_000 + "<p>" + SENTENCES[0] + "</p>"
        + "</div>" * 100_000 + "</body></html>\n", "100,000 nested divs: no stack overflow, text found")
    shape_open, shape_close = "<ul><li><blockquote><table><tr><td>", "</td></tr></table></blockquote></li></ul>"
    put("deep-mixed.html", head("Forma të përziera") + shape_open * 50_000 + "<p>" + SENTENCES[1] + "</p>"
        + shape_close * 50_000 + "</body></html>\n",
        "50,000 nested ul>li>blockquote>table>tr>td shapes (300,000 levels, implied tbody): no overflow")
    put("unclosed-tags.html", head("Etiketa pa mbyllje") + "<article><h1>Etiketa pa mbyllje</h1>"
        + "<b><i><span>" * 20_000 + "".join("<p>" + t for t in paras(rnd, 3)),
        "20,000 x <b><i><span> never closed (formatting reconstruction), no end tags at all")
    put("misnested-formatting.html", head("Formatim i ngatërruar") + "<article><h1>Formatim i ngatërruar</h1>"
        + "<b><i><u><p>fjalë</b> tjetër</i> e treta</u> " * 10_000 + "</article></body></html>\n",
        "10,000 misnested b/i/u across <p> (adoption agency algorithm): no quadratic blow-up")
    put("unclosed-paragraphs.html", head("Paragrafë pa mbyllje") + "<article><h1>Paragrafë pa mbyllje</h1>\n"
        + "".join("<p>" + SHORT[(i * 7 + 3) % len(SHORT)] + "\n" for i in range(50_000))
        + "</article></body></html>\n",
        "legit: <p> never closed 50,000 times (valid HTML): reads fine as 50,000 paragraphs")
    b1, b2 = BERAT_PARAS
    put("scripts-and-trackers.html", f"""<!DOCTYPE html>
<html lang="sq">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src * 'unsafe-inline' 'unsafe-eval'; report-uri {R}csp-report">
<meta http-equiv="refresh" content="0; url={R}refresh">
<meta http-equiv="set-cookie" content="lexo=pwned; path=/">
<meta name="referrer" content="unsafe-url">
<meta property="og:image" content="{R}og-image.png">
<meta name="twitter:image" content="{R}twitter-image.png">
<title>Festivali i verës në Berat</title>
<base href="{R}">
<link rel="stylesheet" href="{R}style.css">
<link rel="alternate stylesheet" href="{R}alt.css" title="alt">
<link rel="preload" href="{R}font.woff2" as="font" crossorigin>
<link rel="prefetch" href="{R}prefetch.html">
<link rel="dns-prefetch" href="{R}">
<link rel="preconnect" href="{R}">
<link rel="prerender" href="{R}prerender.html">
<link rel="modulepreload" href="{R}module.js">
<link rel="icon" href="{R}favicon.ico">
<link rel="manifest" href="{R}manifest.webmanifest">
<link rel="import" href="{R}import.html">
<style>
@import url({R}import.css);
@import "{R}import2.css";
@font-face {{ font-family: Lexo; src: url({R}font.woff) format("woff"); }}
body {{ background: url("{R}bg.png"); }}
p::after {{ content: url({R}after.png); }}
li {{ list-style-image: url({R}bullet.png); }}
</style>
<script>window.__lexo_pwned = 1; fetch('{R}fetch'); new Image().src = '{R}beacon.gif';</script>
<script src="{R}remote.js"></script>
<script type="module">import '{R}module.js'; window.__lexo_pwned = 2;</script>
</head>
<body onload="window.__lexo_pwned = 3" background="{R}body-bg.png">
<article>
<h1 onclick="window.__lexo_pwned = 4">Festivali i verës mbush rrugët e Beratit</h1>
<p onmouseover="window.__lexo_pwned = 5">{b1}</p>
<img src="{R}pixel.gif" width="1" height="1" alt="" onerror="window.__lexo_pwned = 6">
<img src="{R}lazy.png" loading="lazy" alt="foto" srcset="{R}a-1x.png 1x, {R}a-2x.png 2x" data-src="{R}data-src.png">
<picture><source srcset="{R}pic.webp" type="image/webp"><source media="(min-width: 1px)" srcset="{R}pic-wide.jpg 800w"><img src="{R}pic.jpg" alt="pamje"></picture>
<p style="background-image: url('{R}inline.png')">{b2}
<a href="javascript:window.__lexo_pwned = 7">lexo më shumë</a>
<a href="JaVaScRiPt:window.__lexo_pwned = 8">lidhje me shkronja të përziera</a>
<a href=" &#106;avascript:window.__lexo_pwned = 9">lidhje me entitet</a>
<a href="{R}article" ping="{R}ping">burimi</a>
<a href="data:text/html,<script>window.__lexo_pwned = 10</script>">të dhëna</a>
<a href="vbscript:msgbox(1)">vbscript</a></p>
<iframe src="{R}frame.html"></iframe>
<iframe srcdoc="<script>parent.__lexo_pwned = 11</script>"></iframe>
<object data="{R}object.swf" type="application/x-shockwave-flash"><param name="movie" value="{R}param.swf"></object>
<embed src="{R}embed.swf">
<frame src="{R}frame2.html">
<svg xmlns="http://www.w3.org/2000/svg" onload="window.__lexo_pwned = 12"><script>window.__lexo_pwned = 13</script><image href="{R}svg-image.png" width="1" height="1"/><use href="{R}sprite.svg#x"/></svg>
<video src="{R}video.mp4" poster="{R}poster.png" autoplay><source src="{R}video.webm"><track src="{R}subs.vtt" kind="subtitles" default></video>
<audio src="{R}audio.mp3" autoplay></audio>
<form action="{R}form" method="post"><input name="q" autofocus onfocus="window.__lexo_pwned = 14"><input type="image" src="{R}submit.png" alt="dërgo"><button formaction="{R}formaction">Dërgo</button></form>
<details open ontoggle="window.__lexo_pwned = 15"><summary>Detaje</summary>Më shumë.</details>
<marquee onstart="window.__lexo_pwned = 16">lajm</marquee>
<noscript><img src="{R}noscript.gif" alt=""></noscript>
<template><script>window.__lexo_pwned = 17</script><img src="{R}template.png"></template>
<table background="{R}table-bg.png"><tr><td>Qeliza e tabelës.</td></tr></table>
</article>
</body>
</html>
""", "every way a page could run code or fetch (scripts, handlers, base, refresh, CSP, links, CSS url/@import, "
        "img/srcset/picture, iframe/object/embed/frame, svg, media, forms, ping, javascript:/data: links, noscript, "
        "template): nothing runs (window.__lexo_pwned unset), no request to 127.0.0.2; the two paragraphs read")
    put("svg-named-html.html", f"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="200" onload="window.__lexo_pwned = 20">
<script type="text/javascript">window.__lexo_pwned = 21; fetch('{R}svg-fetch');</script>
<title>Dokument SVG me emër HTML</title>
<text x="10" y="20">{SHORT[0]}</text>
<image xlink:href="{R}svg-doc.png" width="10" height="10"/>
<foreignObject width="400" height="100"><body xmlns="http://www.w3.org/1999/xhtml"><p>{SENTENCES[2]}</p><img src="{R}fo.png"/></body></foreignObject>
<a xlink:href="javascript:window.__lexo_pwned = 22"><text x="10" y="60">kliko</text></a>
</svg>
""", "an SVG document (script, onload, remote image, foreignObject) named .html: nothing runs or loads")
    put("xml-bomb.html", '<?xml version="1.0"?>\n' + billion_laughs("html") +
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Bombë entitetesh</title></head><body>'
        "<h1>Bombë entitetesh</h1><p>&lol9;</p><p>&xxe;</p><p>&remote;</p>" + p_tags(paras(rnd, 2)) + "</body></html>\n",
        "billion-laughs entities + XXE (file:///etc/passwd, remote SYSTEM, parameter entity): never expanded or fetched")
    put("many-attributes.html", head("Shumë atribute") + "<article><h1>Shumë atribute</h1><p"
        + "".join(f" a{i:x}" for i in range(100_000)) + ">" + SENTENCES[3] + "</p></article></body></html>\n",
        "one element with 100,000 distinct attributes (duplicate check must not be quadratic)")
    comment_unit = "koment i pambyllur - -- <p>jo tekst</p> <!-- jo fillim i ri -- "
    put("huge-comment.html", head("Koment pa fund") + "<article><h1>Koment pa fund</h1><p>" + SENTENCES[4]
        + "</p><!--" + repeat_to(comment_unit, 5_000_000),
        "a 5 MB comment that never closes: linear scan, the paragraph before it survives")
    put("null-bytes.html",
        "<!DOCTYPE html>\x00<html><head><title>Bajte\x00 NUL</title></head><body\x00><article><h1>Ti\x00tull me NUL</h1>"
        "<p\x00 class=\"a\x00b\">" + SENTENCES[5].replace(" ", " \x00", 5) + "</p><!-- \x00 --><p>" + SENTENCES[6]
        + "\x00</p><script>\x00window.__lexo_pwned = 30</script><a href=\"java\x00script:window.__lexo_pwned = 31\">x</a>"
        "<scr\x00ipt>window.__lexo_pwned = 32</scr\x00ipt>\x00\x00\x00</article></body></html>\n",
        "NULs in doctype, tag names, attributes, text, comment, script and a javascript: URL: replaced, nothing runs")
    ents = "".join(("&#0;", "&#xD800;", "&#x110000;", "&#99999999999999999999;", "&#x80;", "&amp", "&notit;",
                    "&ampamp;", "&#;", "&#x;", "&NotANamedEntity;", "&#128512;"))
    put("bad-entities.html", head("Entitete të këqija") + "<article><h1>Entitete &#0; të këqija &#x202E;</h1><p>"
        + SENTENCES[7] + " " + ents + "</p><p>" + "&amp;" * 100_000 + "</p><p>" + SENTENCES[8] + "</p></article></body></html>\n",
        "out-of-range/NUL/surrogate numeric entities, entities without ';', 100,000 &amp;: U+FFFD, linear")
    put("charset-lies.html",
        '<!DOCTYPE html><html><head><meta charset="utf-7"><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "<title>Kodim i rremë</title></head><body><article><h1>Kodim i rremë</h1>"
        "<p>+ADw-script+AD4-window.__lexo_pwned = 33+ADw-/script+AD4-</p>" + p_tags(paras(rnd, 2)) + "</article></body></html>\n",
        "declares UTF-7 then windows-1251 while being UTF-8: UTF-7 never honoured (no script via +ADw-), text reads")
    put("huge-title.html", "<!DOCTYPE html><html><head><title>" + repeat_to("Titull shumë i gjatë ", 256 * KiB)
        + "</title></head><body><article><h1>" + repeat_to("Kryetitull ", 64 * KiB) + "</h1>" + p_tags(paras(rnd, 2))
        + "</article></body></html>\n", "a 256 KiB <title> and 64 KiB <h1>: title truncated for display")

    # ---- Markdown -------------------------------------------------------------------------------
    put("markdown-hostile.md", f"""---
title: "<script>window.__lexo_pwned = 40</script>Titull i rrezikshëm"
author: "<img src={R}fm.png onerror=window.__lexo_pwned=41>"
---

# Titull <script>window.__lexo_pwned = 42</script> në Markdown

{SENTENCES[0]} {SENTENCES[1]}

![foto]({R}md-image.png "titull")

![foto me referencë][img]

<img src="{R}raw.png" onerror="window.__lexo_pwned = 43">

<iframe src="{R}md-frame.html"></iframe>

<script>window.__lexo_pwned = 44; fetch('{R}md-fetch')</script>

<style>@import url({R}md.css);</style>

<div onmouseover="window.__lexo_pwned = 45">blloku HTML</div>

[klik](javascript:window.__lexo_pwned=46) [klik 2](JAVASCRIPT:window.__lexo_pwned=47)
[klik 3](&#106;avascript:window.__lexo_pwned=48) [klik 4](<javascript:window.__lexo_pwned=49>)
[klik 5](data:text/html,<script>window.__lexo_pwned=50</script>) [klik 6](vbscript:msgbox)
[klik 7][js]

Autolinks: <{R}autolink> dhe <javascript:window.__lexo_pwned=51> dhe {R}bare dhe <lexo@127.0.0.2>.

{SENTENCES[2]} {SENTENCES[3]}

[img]: {R}ref-image.png
[js]: javascript:window.__lexo_pwned=52
""", "front matter with <script>, remote and reference images, raw img/iframe/script/style, javascript:/data:/"
        "vbscript: links (plain, mixed case, entity, angle), autolinks: nothing runs or loads; text reads")
    put("deep-quote.md", "# Citim i thellë\n\n" + ">" * 50_000 + " " + SENTENCES[4] + "\n",
        "50,000 nested '>' blockquote markers on one line: no stack overflow")
    put("deep-list.md", "# Listë e thellë\n\n" + "".join(
        "\t" * (i // 2) + "  " * (i % 2) + f"- n{i}\n" for i in range(5_000)),
        "5,000 list items nested by indentation (tabs+spaces to keep it to ~6 MB): no stack overflow")
    labels = [b36(i) for i in range(100_000)]
    links = [f"[{k}]" if i % 2 else f"[a][{k}]" for i, k in enumerate(labels)]  # shortcut and full references
    put("many-links.md", "# Shumë lidhje\n\n" + "\n\n".join(" ".join(links[i:i + 100]) for i in range(0, len(links), 100))
        + "\n\n" + "".join(f"[{k}]: {R}{k}\n" for k in labels),
        "100,000 reference-style links (full and shortcut) and their definitions: linear, no link fetched")
    n = 10_000
    put("md-pathological.md", "# Markdown patologjik\n\n" + "\n\n".join([
        "*a _b " * n, "a]" * n, "[" * n + "a" + "]" * n, "*a_ " * n, "a**b " + "c* " * n, "[ a_" * n,
        "[a](<b" * n, "[a](b" * n, "".join("e" + "`" * (i % 200 + 1) for i in range(n // 4)),
        "<" * n, "**" * n + "a" + "**" * n, "|a" * n + "|\n" + "|-" * 200 + "|",
        "\\" * n, "&#" * n, "<a " * n]) + "\n" + SENTENCES[5] + "\n",
        "inputs known to make Markdown parsers quadratic (unmatched delimiters, brackets, backticks, tables): linear")

    # ---- JSON / JSON Lines ----------------------------------------------------------------------
    put("deep.json", "[" * 100_000 + "]" * 100_000, "100,000 nested arrays: depth limit, no stack overflow")
    put("deep-object.json", '{"a":' * 100_000 + '"fund"' + "}" * 100_000, "100,000 nested objects: depth limit")
    put("weird.json", json.dumps({
        "title": {"nested": [1, 2, None]}, "text": 12345, "author": ["a", {"b": None}], "date": True,
        "url": ["javascript:window.__lexo_pwned=60"], "body": None, "content": {"html": "<script>window.__lexo_pwned=61</script>"},
        "tags": "jo-listë", "paragraphs": [1, None, {"x": []}], "lang": 3.5}, indent=1),
        "every field of the wrong type: clear message or graceful fallback, no panic")
    block = " ".join(paras(rnd, 60)) + " "
    big_text = (block * (20_000_000 // len(block.encode()) + 1)).encode()[:20_000_000].decode("utf-8", "ignore")
    put("huge-string.json", json.dumps({"title": "Një varg i vetëm 20 MB", "text": big_text}, ensure_ascii=False),
        "a single 20 MB 'text' string (one paragraph): bounded memory, no quadratic splitting")
    put("json-tricks.json", "\ufeff" + '{"title": "Titulli i parë", "title": "Titulli i dytë (dyfish)", '
        '"text": "Surrogat i vetmuar \\ud800 dhe \\udfff, NUL \\u0000, RLO \\u202e i koduar, BOM \\ufeff.", '
        '"views": 1e999999, "id": 123456789012345678901234567890, "neg": -0, "deep": "\\/\\b\\f\\n\\r\\t"}',
        "BOM, duplicate keys, lone surrogate and NUL escapes, 1e999999, 30-digit integer: defined behaviour")
    put("json-nonstandard.json", "// koment\n{'title': 'Thonjëza teke', \"text\": \"x\", \"n\": NaN, \"m\": -Infinity, "
        '"hex": 0x1F, /* koment */ "list": [1, 2, 3,],}\n',
        "JSON5-isms (comments, single quotes, NaN, Infinity, hex, trailing commas): clear parse error")
    good_line = lambda i: json.dumps({"title": f"Artikulli {i}", "text": " ".join(paras(rnd, 1))}, ensure_ascii=False)
    lines = [
        good_line(1).encode(), b"", b'{"title": "Rresht i prer\xc3\xab", "text": "Teksti mbaron pa',
        json.dumps([{"title": "Varg në vend të objektit", "text": "x"}], ensure_ascii=False).encode(),
        good_line(2).encode(), b"   \t ", b'{"title": "Presje e tepert", "text": "x",}', b"null",
        '"vetëm një varg"'.encode(), b"42", "\ufeff".encode() + good_line(3).encode(),
        b'{"title": "NUL\\u0000 i koduar", "text": "x"}', b'{"title": "NUL\x00 i pap\xc3\xabrpunuar", "text": "x"}',
        b'{"title": "bajte \xff\xfe", "text": "x"}',
        json.dumps({"title": "Rresht 3 MB", "text": repeat_to(SENTENCES[6] + " ", 3 * MiB)}, ensure_ascii=False).encode(),
        good_line(4).encode() + b"\r", b"}{", b'{"title": 1, "text": ["a"]}', b"{}", b"[]",
        good_line(5).encode() + b"\n" + good_line(6).encode(),
    ]
    put("bad-lines.jsonl", b"\n".join(lines),
        "good lines mixed with broken, array, scalar, empty, BOM, NUL, invalid UTF-8, CRLF lines and a 3 MB line; "
        "no final newline: good lines kept, bad ones reported by line number")

    # ---- EPUB / DOCX / zip --------------------------------------------------------------------
    ch_good = xhtml("Kapitulli i parë", "<h1>Kapitulli i parë</h1>" + p_tags(paras(rnd, 3)))
    pth = out / "truncated.epub"
    epub(pth, "Libër i prerë", ch_good)
    whole = pth.read_bytes()
    pth.write_bytes(whole[: len(whole) * 3 // 5])
    made("truncated.epub", "a real EPUB cut at 60% (no central directory): clear 'damaged archive' message")
    put("pk-junk.epub", b"PK\x03\x04" + rnd.randbytes(2 * KiB), "zip magic followed by random bytes: clear message")
    put("empty-zip.docx", struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0, 0, 0, 0, 0), "a valid zip with no entries named .docx")

    # the bombs: about 1 GiB each inflated, ~1 MB on disk
    # mostly-space paragraphs: runs at distance 1 deflate ~1000:1, so each bomb stays ~1 MB
    unit = ("<p>" + SHORT[1] + " " + SHORT[2] + " " * 4000 + "</p>\n").encode()
    z = epub_start(out / "zip-bomb.epub")
    z.add("META-INF/container.xml", CONTAINER_XML)
    z.add("OEBPS/content.opf", opf("Bombë zip", [NAV_ITEM, CH1_ITEM]))
    z.add("OEBPS/nav.xhtml", NAV)
    z.add_stream("OEBPS/ch1.xhtml", [(xhtml("Bombë", "<h1>Bombë</h1>XX").split("XX")[0].encode(), 1),
                                     (repeat_to(unit, MiB), 1024), (b"</body></html>\n", 1)])
    z.close()
    made("zip-bomb.epub", "valid EPUB whose chapter (zip64 entry) inflates to ~1 GiB of paragraphs: size limit, clear message")
    unit = w_p(SHORT[3] + " " + SHORT[4] + " " * 4000).encode()
    z = ZipOut(out / "zip-bomb.docx")
    z.add("[Content_Types].xml", CONTENT_TYPES)
    z.add("_rels/.rels", ROOT_RELS)
    doc_head, doc_tail = w_doc("XX").split("XX")
    z.add_stream("word/document.xml", [(doc_head.encode() + w_p("Bombë zip", "Title").encode(), 1),
                                       (repeat_to(unit, MiB), 1024), (doc_tail.encode(), 1)])
    z.close()
    made("zip-bomb.docx", "valid DOCX whose document.xml (zip64 entry) inflates to ~1 GiB of paragraphs: size limit")
    z = ZipOut(out / "zip-many-entries.docx")
    z.add("[Content_Types].xml", CONTENT_TYPES)
    z.add("_rels/.rels", ROOT_RELS)
    z.add("word/document.xml", w_doc(w_p("Shumë hyrje", "Title") + w_p(SENTENCES[7])))
    for i in range(100_000):
        z.add(f"x/{b36(i)}", b"", method=0)
    z.close()
    made("zip-many-entries.docx", "valid DOCX plus 100,000 empty entries (zip64 end record): entry-count limit or fast")
    z = epub_start(out / "zip-nested-path.epub")
    z.add("META-INF/container.xml", CONTAINER_XML)
    z.add("OEBPS/content.opf", opf("Shtigje që dalin jashtë", [
        NAV_ITEM, CH1_ITEM, ("esc", "../../../../etc/passwd", "application/xhtml+xml"),
        ("abs", "/etc/hostname", "text/plain")], spine=["ch1"]))
    z.add("OEBPS/nav.xhtml", NAV)
    z.add("OEBPS/ch1.xhtml", ch_good)
    for name in ("../../lexo-escape.txt", "/tmp/lexo-absolute.txt", "OEBPS/../../../lexo-escape2.xhtml",
                 "C:/Windows/lexo-drive.txt", "..\\..\\lexo-backslash.txt", "OEBPS/./../../lexo-dot.txt",
                 "//server/share/lexo-unc.txt"):
        marker = "LEXO-ESCAPED-ENTRY: kjo hyrje nuk duhet të lexohet as të shkruhet jashtë arkivit"
        z.add(name, xhtml("Jashtë", f"<p>{marker}</p>") if name.endswith(".xhtml") else marker + "\n")
    z.close()
    made("zip-nested-path.epub", "valid EPUB plus entries named ../../, absolute, drive, UNC, backslash paths and OPF "
         "manifest hrefs that escape: chapter reads, 'LEXO-ESCAPED-ENTRY' never shown, nothing written or read outside")
    deep_body = "<div>" * 100_000 + "<p>" + SENTENCES[8] + "</p>" + "</div>" * 100_000
    epub(out / "epub-deep-xhtml.epub", "Kapitull i thellë", xhtml("Kapitull i thellë", deep_body))
    made("epub-deep-xhtml.epub", "valid small EPUB whose chapter nests 100,000 divs: depth limit, no overflow")
    docx(out / "docx-deep.docx", w_doc("<w:sdt><w:sdtContent>" * 100_000 + w_p(SENTENCES[9])
                                       + "</w:sdtContent></w:sdt>" * 100_000))
    made("docx-deep.docx", "valid minimal DOCX whose paragraph sits in 100,000 nested w:sdt/w:sdtContent: no overflow")
    epub(out / "epub-xml-bomb.epub", "Bombë entitetesh",
         xhtml("Bombë entitetesh", "<h1>Bombë entitetesh</h1><p>&lol9;</p><p>&xxe;</p><p>&remote;</p>" + p_tags(paras(rnd, 2)),
               doctype=billion_laughs("html")),
         opf_text=opf("&lol9;", [NAV_ITEM, CH1_ITEM], doctype=billion_laughs("package")))
    made("epub-xml-bomb.epub", "EPUB whose OPF and chapter carry billion-laughs and XXE DOCTYPEs: never expanded/fetched")
    docx(out / "docx-xml-bomb.docx", w_doc(w_p("&lol9;", "Title") + w_p("&xxe;") + w_p("&remote;") + w_p(SENTENCES[10]),
                                           doctype=billion_laughs("w:document")))
    made("docx-xml-bomb.docx", "DOCX whose document.xml has billion-laughs and XXE entities: never expanded/fetched")
    epub(out / "epub-remote-resources.epub", "Burime të largëta", xhtml(
        "Burime të largëta", f'<h1>Burime të largëta</h1><img src="{R}epub.png" alt="x"/>'
        f'<script>window.__lexo_pwned = 70; fetch("{R}epub-fetch")</script>' + p_tags(paras(rnd, 2)) +
        f'<p><a href="javascript:window.__lexo_pwned = 71">klik</a> <iframe src="{R}epub-frame.html"></iframe></p>',
        head_extra=f'<link rel="stylesheet" href="{R}epub.css"/><style>@import url({R}epub-import.css);</style>'),
        opf_text=opf("Burime të largëta", [NAV_ITEM, CH1_ITEM, ("remote", f"{R}remote.xhtml", "application/xhtml+xml"),
                                          ("css", f"{R}remote.css", "text/css")], spine=["ch1", "remote"],
                     extra_meta=f'<meta name="cover" content="{R}cover.jpg"/>'))
    made("epub-remote-resources.epub", "EPUB with remote manifest items (one in the spine), remote img/css/script in the "
         "chapter: local chapter reads, nothing fetched or run")
    z = epub_start(out / "epub-no-container.epub")
    z.add("OEBPS/content.opf", opf("Pa container", [NAV_ITEM, CH1_ITEM]))
    z.add("OEBPS/ch1.xhtml", ch_good)
    z.close()
    made("epub-no-container.epub", "EPUB without META-INF/container.xml: clear message (or fallback to the only OPF)")
    epub(out / "epub-missing-chapter.epub", "Kapitull që mungon", ch_good,
         opf_text=opf("Kapitull që mungon", [NAV_ITEM, CH1_ITEM, ("ch2", "ch2.xhtml", "application/xhtml+xml"),
                                            ("ch3", "ch1.xhtml", "application/xhtml+xml")],
                      spine=["ghost", "ch2", "ch1", "ch3", "ch3"]))
    made("epub-missing-chapter.epub", "spine names an unknown idref and a missing file, repeats a chapter: ch1 reads")
    epub(out / "epub-named-docx.docx", "EPUB me emër DOCX", ch_good)
    made("epub-named-docx.docx", "a valid EPUB named .docx: sniffed as EPUB or a clear 'not a DOCX' message")
    docx(out / "docx-external-rels.docx", w_doc(
        w_p("Lidhje të jashtme", "Title") + w_p(SENTENCES[11]) +
        '<w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>lidhje</w:t></w:r></w:hyperlink></w:p>'
        '<w:p><w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" r:link="rIdImg"/>'
        '</w:drawing></w:r></w:p><w:p><w:r><w:fldSimple w:instr="INCLUDEPICTURE &quot;' + R + 'field.png&quot;"/></w:r></w:p>'),
        extra=[("word/_rels/document.xml.rels",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rIdLink" Type="{R_NS}/hyperlink" Target="javascript:window.__lexo_pwned=80" TargetMode="External"/>'
                f'<Relationship Id="rIdImg" Type="{R_NS}/image" Target="{R}docx-image.png" TargetMode="External"/>'
                f'<Relationship Id="rIdTpl" Type="{R_NS}/attachedTemplate" Target="{R}template.dotm" TargetMode="External"/>'
                f'<Relationship Id="rIdEsc" Type="{R_NS}/image" Target="../../../../etc/passwd"/>'
                "</Relationships>\n")])
    made("docx-external-rels.docx", "DOCX with external image/template relationships, a javascript: hyperlink target, "
         "an escaping internal target and an INCLUDEPICTURE field: text reads, nothing fetched or run")
    z = ZipOut(out / "zip-duplicate-names.docx")
    z.add("[Content_Types].xml", CONTENT_TYPES)
    z.add("_rels/.rels", ROOT_RELS)
    z.add("word/document.xml", w_doc(w_p("Dokumenti i parë", "Title") + w_p(SENTENCES[0])))
    z.add("word/document.xml", w_doc(w_p("Dokumenti i dytë (dyfish)", "Title") + w_p(SENTENCES[1])))
    z.close()
    made("zip-duplicate-names.docx", "two entries named word/document.xml: a defined choice or a clear message")
    z = ZipOut(out / "zip-lying-size.docx")
    z.add("[Content_Types].xml", CONTENT_TYPES)
    z.add("_rels/.rels", ROOT_RELS)
    z.add("word/document.xml", w_doc(w_p("Madhësi e rreme", "Title") + w_p(SENTENCES[2]) * 200_000), usize=1000)
    z.close()
    made("zip-lying-size.docx", "document.xml claims 1,000 bytes but inflates to ~30 MB: limits enforced on real output")
    z = ZipOut(out / "zip-encrypted.docx")
    z.add("[Content_Types].xml", CONTENT_TYPES)
    z.add("_rels/.rels", ROOT_RELS)
    z.add("word/document.xml", w_doc(w_p("I fshehur")), method=8, flags=1, raw=rnd.randbytes(12 + 300))
    z.close()
    made("zip-encrypted.docx", "document.xml marked encrypted (ZipCrypto flag): clear 'encrypted' message")
    z = ZipOut(out / "zip-unknown-method.docx")
    z.add("[Content_Types].xml", CONTENT_TYPES)
    z.add("_rels/.rels", ROOT_RELS)
    z.add("word/document.xml", w_doc(w_p("Metodë e panjohur")), method=93, raw=rnd.randbytes(400))
    z.close()
    made("zip-unknown-method.docx", "document.xml with compression method 93 and junk data: clear message")
    z = ZipOut(out / "zip-bad-crc.epub")
    z.add("mimetype", "application/epub+zip", method=0)
    z.add("META-INF/container.xml", CONTAINER_XML)
    z.add("OEBPS/content.opf", opf("CRC e gabuar", [NAV_ITEM, CH1_ITEM]))
    z.add("OEBPS/nav.xhtml", NAV)
    z.add("OEBPS/ch1.xhtml", ch_good, crc=0xDEADBEEF)
    z.close()
    made("zip-bad-crc.epub", "chapter whose stored CRC-32 is wrong: reported (or read) consistently, no panic")
    z = ZipOut(out / "epub-mimetype-wrong.epub")
    z.add("META-INF/container.xml", CONTAINER_XML)
    z.add("mimetype", "application/zip")
    z.add("OEBPS/content.opf", opf("Mimetype i gabuar", [NAV_ITEM, CH1_ITEM]))
    z.add("OEBPS/nav.xhtml", NAV)
    z.add("OEBPS/ch1.xhtml", ch_good)
    z.close()
    made("epub-mimetype-wrong.epub", "mimetype not first, deflated, and wrong: lenient read or a clear message")

    # ---- gzip -----------------------------------------------------------------------------------
    gzip_stream(out / "gzip-bomb.html.gz", [
        ((head("Bombë gzip") + "<article><h1>Bombë gzip</h1><p>").encode(), 1), (b" " * MiB, 1024),
        (SENTENCES[3].encode() + b"</p></article></body></html>\n", 1)])
    made("gzip-bomb.html.gz", "gzip that inflates to ~1 GiB (mostly spaces) of HTML: inflate limit, clear message")
    put("gzip-of-gzip.txt.gz", gzip.compress(gzip.compress(GOOD_ARTICLE.encode(), 9, mtime=0), 9, mtime=0),
        "gzip inside gzip: one layer inflated, then a clear message (or bounded recursion)")
    put("not-really-gzip.gz", b"\x1f\x8b\x08\x00" + rnd.randbytes(4 * KiB), "gzip magic then random bytes: clear message")
    gz = gzip.compress(GOOD_ARTICLE.encode() * 20, 9, mtime=0)
    put("truncated.txt.gz", gz[: len(gz) // 2], "a valid gzip cut in half (no trailer): clear message or partial text")
    put("multi-member.txt.gz", gzip.compress(GOOD_ARTICLE.encode(), 9, mtime=0)
        + gzip.compress(("\n" + "\n\n".join(SHKODER_PARAS) + "\n").encode(), 9, mtime=0),
        "legit: two concatenated gzip members (RFC 1952): both members read")
    put("gzip-trailing-junk.txt.gz", gzip.compress(GOOD_ARTICLE.encode(), 9, mtime=0) + b"\x00\x00JUNK" + rnd.randbytes(64),
        "valid gzip member followed by junk: the article reads, junk ignored or reported")

    # ---- --big ----------------------------------------------------------------------------------
    if big:
        blk = ("\n\n".join(paras(rnd, 400)) + "\n\n").encode()
        with open(out / "huge-100mb.txt", "wb") as f:
            f.write("Lajme\nNjë artikull 100 MB\n\n".encode())
            for _ in range(100_000_000 // len(blk) + 1):
                f.write(blk)
        made("huge-100mb.txt", "100 MB of paragraphs: streaming/limit, bounded memory and time")
        line = blk.replace(b"\n\n", b" ")
        with open(out / "oneline-50mb.txt", "wb") as f:
            f.write("Një rresht 50 MB\n".encode())
            for _ in range(50_000_000 // len(line) + 1):
                f.write(line)
        made("oneline-50mb.txt", "a title then 50 MB on a single line: no quadratic line handling")
        texts = [json.dumps(paras(rnd, 1, per=3, pool=SHORT)[0], ensure_ascii=False) for _ in range(97)]
        with open(out / "million-lines.jsonl", "w", encoding="utf-8") as f:
            for start in range(0, 1_000_000, 10_000):
                f.write("".join(f'{{"title":"Artikulli {i}","text":{texts[i % 97]}}}\n'
                                for i in range(start, start + 10_000)))
        made("million-lines.jsonl", "1,000,000 JSON Lines records (~80 MB): streaming, bounded memory")

    return manifest


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path, help="output directory (created if missing)")
    ap.add_argument("--big", action="store_true", help="also write the 100 MB / 50 MB / million-line files")
    args = ap.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    manifest = build(args.dir, args.big)
    rows = [f"{name}\t{(args.dir / name).stat().st_size}\t{what}" for name, what in sorted(manifest)]
    (args.dir / "MANIFEST.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print("\n".join(rows))
    total = sum((args.dir / name).stat().st_size for name, _ in manifest)
    print(f"{len(manifest)} files, {total / 1e6:.1f} MB, {time.perf_counter() - t0:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()

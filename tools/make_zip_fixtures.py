#!/usr/bin/env python3
"""Write the DOCX and EPUB test fixtures (team-written text) with Python's zipfile."""
import pathlib
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent / "crates/lexo-core/tests/fixtures"

DOCX = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Raport mbi bibliotekat e qytetit</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Përmbledhje</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Bibliotekat e Shkodrës dhe të Elbasanit </w:t></w:r><w:r><w:t>patën 12 për qind më shumë lexues në vitin 2023.</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>orar i zgjatur</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>katalog në internet</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Qyteti</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Lexues</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Shkodër</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>4 200</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>"""

CORE = """<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:creator>Blerta Gjoni</dc:creator><dcterms:created>2024-02-01T10:00:00Z</dcterms:created></cp:coreProperties>"""

CONTAINER = """<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"""
OPF = """<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Tregime nga bregdeti</dc:title><dc:creator>Ilir Berisha</dc:creator><dc:language>sq</dc:language></metadata>
<manifest><item id="c1" href="ch1.xhtml" media-type="application/xhtml+xml"/><item id="c2" href="ch2.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/><itemref idref="c2"/></spine></package>"""
CH1 = """<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Kapitulli i parë</title></head><body><h1>Kapitulli i parë</h1><p>Në mëngjes barkat u kthyen në portin e Vlorës.</p></body></html>"""
CH2 = """<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Kapitulli i dytë</title></head><body><h1>Kapitulli i dytë</h1><p>Deti ishte i qetë deri në Karaburun.</p></body></html>"""


def write(path, files):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files:
            z.writestr(name, content)


write(ROOT / "docx/raport.docx", [("[Content_Types].xml", "<Types/>"), ("word/document.xml", DOCX), ("docProps/core.xml", CORE)])
write(ROOT / "epub/tregime.epub", [("mimetype", "application/epub+zip"), ("META-INF/container.xml", CONTAINER), ("OEBPS/content.opf", OPF), ("OEBPS/ch1.xhtml", CH1), ("OEBPS/ch2.xhtml", CH2)])
print("written")

"""Documents beslut did not write: a Word file made the way a handläggare makes one
(Word's heading styles, numbering typed by hand, a table, a footnote, a link, bold
headings), and a TU as text in another style than the city template's."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from beslut.doctypes.loader import load_doctypes
from beslut.importing import import_document
from beslut.model import BlockKind

FOOTNOTES = (
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t>Enligt beslut i kommunfullmäktige 2025.</w:t></w:r>'
    "</w:p></w:footnote></w:footnotes>"
)


def _word_file(path: Path) -> Path:
    document = Document()
    document.add_paragraph("Upprustning av Husbybadet", style="Title")
    document.add_paragraph("Dnr IDN 2027/88")
    document.add_paragraph("Handläggare: Eva Ek")
    document.add_paragraph("Till Idrottsnämnden")
    document.add_heading("Förslag till beslut", level=1)
    document.add_paragraph("1. Idrottsnämnden godkänner upprustningen.")
    document.add_paragraph("2. Beslutet justeras omedelbart.")
    document.add_heading("Bakgrund", level=1)
    lead = document.add_paragraph("Badet byggdes 1974")
    reference = lead.add_run()
    reference._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="1"/>'))
    lead.add_run(" och behöver nu rustas upp, se ")
    r_id = document.part.relate_to("https://start.stockholm/plan", RT.HYPERLINK, is_external=True)
    link = parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}"><w:r><w:t>planen</w:t></w:r></w:hyperlink>'
    )
    lead._p.append(link)
    lead.add_run(".")
    document.add_heading("Tidigare utredningar", level=2)
    document.add_paragraph("Utredningen visade tre saker:", style="Normal")
    document.add_paragraph("ventilationen är uttjänt,", style="List Bullet")
    document.add_paragraph("kaklet lossnar.", style="List Bullet")
    bold = document.add_paragraph()
    bold.add_run("Kostnader och finansiering").bold = True
    table = document.add_table(rows=3, cols=2)
    for row, cells in zip(
        table.rows, [["Åtgärd", "Mnkr"], ["Ventilation", "4,5"], ["Kakel", "2,1"]], strict=True
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    header = table.rows[0]._tr.get_or_add_trPr()
    header.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    document.add_heading("Förvaltningens bedömning", level=1)
    document.add_paragraph("Förvaltningen bedömer att upprustningen bör göras nu.")
    document.add_heading("Ekonomiska konsekvenser", level=1)
    document.add_paragraph("Kostnaden ryms i investeringsplanen.")
    document.save(str(path))
    _add_footnotes(path)
    return path


def _add_footnotes(path: Path) -> None:
    """python-docx writes no footnotes part: add one as Word does."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/footnotes.xml"] = FOOTNOTES.encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    )
    parts["word/_rels/document.xml.rels"] = rels.encode()
    types = parts["[Content_Types].xml"].decode()
    types = types.replace(
        "</Types>",
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.footnotes+xml"/></Types>',
    )
    parts["[Content_Types].xml"] = types.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def test_a_word_file_made_by_hand_becomes_a_structured_draft(tmp_path: Path) -> None:
    draft = import_document(_word_file(tmp_path / "tu.docx"), load_doctypes()).draft
    assert draft.meta.title == "Upprustning av Husbybadet"
    assert (draft.meta.dnr, draft.meta.namnd, draft.meta.handlaggare.name) == (
        "IDN 2027/88",
        "Idrottsnämnden",
        "Eva Ek",
    )
    assert draft.decisions == (
        "Idrottsnämnden godkänner upprustningen.",
        "Beslutet justeras omedelbart.",
    )
    assert [(s.key, s.heading) for s in draft.sections] == [
        ("bakgrund", "Bakgrund"),
        ("synpunkter", "Förvaltningens bedömning"),  # by the part's names in the TOML
        ("ekonomiska_konsekvenser", "Ekonomiska konsekvenser"),  # an own part, in place
    ]
    blocks = draft.section("bakgrund").blocks  # type: ignore[union-attr]
    kinds = [(b.kind, b.level) for b in blocks]
    assert kinds == [
        (BlockKind.PARAGRAPH, 0),
        (BlockKind.HEADING, 1),  # Word's Heading 2
        (BlockKind.PARAGRAPH, 0),
        (BlockKind.BULLET, 0),
        (BlockKind.BULLET, 0),
        (BlockKind.HEADING, 1),  # a short bold line
        (BlockKind.TABLE, 0),
    ]
    lead = blocks[0]
    assert lead.runs[0].note == "Enligt beslut i kommunfullmäktige 2025."
    assert [r.link for r in lead.runs if r.link] == ["https://start.stockholm/plan"]
    assert lead.text == "Badet byggdes 1974 och behöver nu rustas upp, se planen."
    table = blocks[-1]
    assert table.header_rows == 1 and table.text == "Åtgärd\tMnkr\nVentilation\t4,5\nKakel\t2,1"


OTHER_STYLE = """\
Kulturförvaltningen
Tjänsteutlåtande
DNR 4.2-118/2027
Handläggare Per Lund, telefon 08-508 311 00
Till Kulturnämnden 2027-04-12

Stöd till fria teatergrupper 2028

Förvaltningens förslag till beslut
1) Kulturnämnden fördelar stödet enligt bilaga 1.
2) Beslutet justeras omedelbart.

Sammanfattning
Förvaltningen föreslår att elva fria teatergrupper får verksamhetsstöd för 2028. Stödet
uppgår till 6,4 miljoner kronor.
Ansökningarna har bedömts av en referensgrupp med företrädare för branschen.

Bakgrund och tidigare beslut
Nämnden beslutade i november 2026 om nya riktlinjer för stöd till det fria kultur-
livet. Enligt riktlinjerna ska stödet
- främja konstnärlig förnyelse,
- nå barn och unga i hela staden,
- ge grupperna långsiktiga förutsättningar.

Förvaltningens bedömning
Förvaltningen bedömer att de föreslagna grupperna sammantaget uppfyller riktlinjernas
krav. Särskild vikt har lagts vid verksamhet i ytterstaden.

Bilagor
1. Förslag till fördelning
2. Referensgruppens yttrande
"""


def test_a_tu_as_text_in_another_style_gets_its_parts_paragraphs_and_lists(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tu.txt"
    path.write_text(OTHER_STYLE, encoding="utf-8")
    draft = import_document(path, load_doctypes()).draft
    assert draft.meta.title == "Stöd till fria teatergrupper 2028"
    assert (draft.meta.dnr, draft.meta.handlaggare.telefon) == ("4.2-118/2027", "08-508 311 00")
    assert draft.meta.forvaltning == "Kulturförvaltningen"
    assert draft.meta.meeting_date == dt.date(2027, 4, 12)  # "Till Kulturnämnden 2027-04-12"
    assert draft.decisions == (
        "Kulturnämnden fördelar stödet enligt bilaga 1.",
        "Beslutet justeras omedelbart.",
    )
    assert [s.key for s in draft.sections] == ["sammanfattning", "bakgrund", "synpunkter"]
    summary = draft.section("sammanfattning").blocks  # type: ignore[union-attr]
    assert [b.text[:20] for b in summary] == ["Förvaltningen föresl", "Ansökningarna har be"]
    background = draft.section("bakgrund").blocks  # type: ignore[union-attr]
    assert [b.kind for b in background] == [BlockKind.PARAGRAPH] + [BlockKind.BULLET] * 3
    assert "det fria kulturlivet" in background[0].text
    assert [a.title for a in draft.attachments] == [
        "Förslag till fördelning",
        "Referensgruppens yttrande",
    ]
    assert not re.search(r"\s{2,}", " ".join(b.text for b in background))


def test_a_part_another_type_knows_becomes_an_own_part_in_its_place(tmp_path: Path) -> None:
    """Read as a remissvar, "Ärendet" (a beslutsärende's part) is no sub-heading of
    Sammanfattning but an own part of its own."""
    path = tmp_path / "tu.txt"
    path.write_text(
        "Sammanfattning\n\nKort om remissen.\n\nÄrendet\n\nFörslaget gäller parkerna.\n",
        encoding="utf-8",
    )
    draft = import_document(path, load_doctypes(), "remissvar").draft
    assert [(s.key, s.heading) for s in draft.sections] == [
        ("sammanfattning", "Sammanfattning"),
        ("arendet_2", "Ärendet"),  # "arendet" is the remissvar's Remissen i sammanfattning
    ]


# Text as a PDF viewer copies it: no blank lines, the head's two columns run together on
# a line, a footnote at the page's foot above the footer, the next page's header.
COPIED_OUT_OF_A_PDF = """Sida 1 (2)
Miljöförvaltningen Tjänsteutlåtande
Dnr MN 2027/301
2027-05-12
Handläggare: Per Berg Till Miljönämnden
Telefon: 08-508 288 00 Sammanträde 9 juni 2027
Ny taxa för tillsyn av livsmedel
Förvaltningens förslag till beslut
1. Miljönämnden antar den nya taxan.
2. Taxan gäller från den 1 januari 2028.
Eva Lind
Förvaltningschef
Sammanfattning
Taxan har inte ändrats sedan 2019 och täcker inte längre kostnaderna.1
Ärendet
Livsmedelsverket har ändrat hur tillsynen ska finansieras. Förvaltningen föreslår
därför en taxa som bygger på efterhandsdebitering.
1 Enligt förvaltningens uppföljning 2026.
Miljöförvaltningen
Miljöförvaltningen Dnr MN 2027/301
Sida 2 (2)
Taxan prövas igen efter två år.
Bilagor
1. Taxebilaga
"""


def test_text_copied_out_of_a_pdf_gets_its_facts_parts_and_footnote(tmp_path: Path) -> None:
    path = tmp_path / "tu.txt"
    path.write_text(COPIED_OUT_OF_A_PDF, encoding="utf-8")
    draft = import_document(path, load_doctypes()).draft
    meta = draft.meta
    assert meta.title == "Ny taxa för tillsyn av livsmedel"
    assert (meta.forvaltning, meta.dnr, meta.namnd) == (
        "Miljöförvaltningen",
        "MN 2027/301",
        "Miljönämnden",
    )
    assert (meta.handlaggare.name, meta.handlaggare.telefon) == ("Per Berg", "08-508 288 00")
    assert draft.decisions == (
        "Miljönämnden antar den nya taxan.",
        "Taxan gäller från den 1 januari 2028.",
    )
    assert [(s.name, s.title) for s in draft.signatories] == [("Eva Lind", "Förvaltningschef")]
    assert [s.key for s in draft.sections] == ["sammanfattning", "arendet"]
    summary = draft.section("sammanfattning").blocks  # type: ignore[union-attr]
    assert [(r.text, r.note) for r in summary[0].runs] == [
        (
            "Taxan har inte ändrats sedan 2019 och täcker inte längre kostnaderna.",
            "Enligt förvaltningens uppföljning 2026.",
        )
    ]
    case = draft.section("arendet").blocks  # type: ignore[union-attr]
    assert [b.text[:30] for b in case] == [
        "Livsmedelsverket har ändrat hu",
        "Taxan prövas igen efter två år",
    ]
    assert "därför en taxa" in case[0].text
    assert [a.title for a in draft.attachments] == ["Taxebilaga"]

"""Part recognition on documents that are no TU, or TUs written without heading styles:
a heading named Bilagor or Förslag till beslut takes only what looks like bilagor or
decision points, and only where it is a part heading; nothing before the first part is
dropped; the title is taken only from what looks like one."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

from beslut.doctypes.loader import load_doctypes
from beslut.importing import import_document
from beslut.model import BlockKind, Draft

LONG = (
    "Utredningen har gått igenom hur verksamheten har utvecklats under de senaste åren och "
    "hur den kan utvecklas vidare. Den visar att behoven ökar i alla delar av staden, och "
    "att de resurser som finns i dag inte räcker till om inget görs. Förvaltningen har "
    "därför tagit fram flera förslag som beskrivs närmare i de följande avsnitten."
)


def _words(draft: Draft) -> str:
    return "\n".join(s.text for s in draft.sections)


def _imported(path: Path) -> Draft:
    return import_document(path, load_doctypes()).draft


def _report(path: Path, special: str, *, heading: str) -> Path:
    """A report with Heading 1 chapters and ``special`` as a sub-heading (``heading``:
    "style" for Word's Heading 2, "bold" for a bold paragraph) over long paragraphs."""
    document = Document()
    document.add_heading("Kapitel ett", level=1)
    document.add_paragraph(LONG)
    if heading == "style":
        document.add_heading(special, level=2)
    else:
        document.add_paragraph().add_run(special).bold = True
    for n in range(5):
        document.add_paragraph(f"Stycke {n}. {LONG}")
    document.add_paragraph("Kort rad")
    document.add_heading("Kapitel två", level=1)
    document.add_paragraph(LONG)
    document.save(str(path))
    return path


@pytest.mark.parametrize("special", ["Bilagor", "Förslag till beslut"])
@pytest.mark.parametrize("heading", ["style", "bold"])
def test_a_sub_heading_named_like_a_special_part_captures_nothing(
    tmp_path: Path, special: str, heading: str
) -> None:
    draft = _imported(_report(tmp_path / "rapport.docx", special, heading=heading))
    assert draft.attachments == ()
    assert draft.decisions == ()
    assert draft.signatories == ()
    chapter = next(s for s in draft.sections if s.heading == "Kapitel ett")
    assert [b.text for b in chapter.blocks if b.kind is BlockKind.HEADING] == [special]
    assert sum(1 for b in chapter.blocks if b.text.startswith("Stycke")) == 5
    assert "Kort rad" in chapter.text


def test_a_bilagor_line_in_text_takes_only_the_short_lines_under_it(tmp_path: Path) -> None:
    path = tmp_path / "rapport.txt"
    path.write_text(
        f"Bakgrund\n\n{LONG}\n\nBilagor\n\n1. Karta över området\n\n2. Tidplan\n\n"
        f"{LONG}\n\nDet här stycket hör också till texten. {LONG}\n",
        "utf-8",
    )
    draft = _imported(path)
    assert [a.title for a in draft.attachments] == ["Karta över området", "Tidplan"]
    bakgrund = draft.section("bakgrund")
    assert bakgrund is not None
    assert "Det här stycket hör också till texten." in bakgrund.text
    assert bakgrund.text.count(LONG) == 3


def test_a_bilagor_heading_with_only_body_text_under_it_stays_a_sub_heading(
    tmp_path: Path,
) -> None:
    path = tmp_path / "rapport.txt"
    path.write_text(f"Bakgrund\n\n{LONG}\n\nBilagor\n\n{LONG}\n", "utf-8")
    draft = _imported(path)
    assert draft.attachments == ()
    bakgrund = draft.section("bakgrund")
    assert bakgrund is not None
    assert [b.text for b in bakgrund.blocks] == [LONG, "Bilagor", LONG]


def test_decision_points_end_where_body_text_begins(tmp_path: Path) -> None:
    path = tmp_path / "tu.txt"
    path.write_text(
        "Förslag till beslut\n\n1. Nämnden godkänner förslaget.\n\n"
        "2. Beslutet justeras omedelbart.\n\nAnna Andersson\nFörvaltningschef\n\n"
        f"{LONG} {LONG}\n\nSammanfattning\n\nKort sammanfattning.\n",
        "utf-8",
    )
    draft = _imported(path)
    assert draft.decisions == ("Nämnden godkänner förslaget.", "Beslutet justeras omedelbart.")
    assert [(s.name, s.title) for s in draft.signatories] == [
        ("Anna Andersson", "Förvaltningschef")
    ]
    assert f"{LONG} {LONG}" in _words(draft)  # not lost, not a decision point


def test_a_short_sub_heading_after_the_decisions_is_no_underskrift(tmp_path: Path) -> None:
    document = Document()
    document.add_heading("Förslag till beslut", level=1)
    document.add_paragraph("1. Nämnden godkänner förslaget.")
    document.add_heading("Ekonomiska konsekvenser", level=2)
    document.add_paragraph(LONG)
    path = tmp_path / "tu.docx"
    document.save(str(path))
    draft = _imported(path)
    assert draft.decisions == ("Nämnden godkänner förslaget.",)
    assert draft.signatories == ()
    assert "Ekonomiska konsekvenser" in _words(draft)
    assert LONG in _words(draft)


def test_tables_and_lists_before_the_first_part_are_kept_and_no_title_is_made_of_them(
    tmp_path: Path,
) -> None:
    document = Document()
    document.add_paragraph("Första punkten", style="List Bullet")
    document.add_paragraph("Andra punkten", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"Cell {r}{c}"
    document.add_paragraph(LONG)
    path = tmp_path / "utan-rubriker.docx"
    document.save(str(path))
    draft = _imported(path)
    assert draft.meta.title == ""
    other = draft.sections[0]
    kinds = [b.kind for b in other.blocks]
    assert kinds == [BlockKind.BULLET, BlockKind.BULLET, BlockKind.TABLE, BlockKind.PARAGRAPH]
    assert "Cell 11" in other.text


def test_a_title_is_taken_when_it_looks_like_one(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("Ny simhall i Farsta")
    document.add_paragraph(LONG)
    document.add_heading("Bakgrund", level=1)
    document.add_paragraph("Text.")
    path = tmp_path / "tu.docx"
    document.save(str(path))
    draft = _imported(path)
    assert draft.meta.title == "Ny simhall i Farsta"
    assert LONG in _words(draft)


@pytest.mark.parametrize("style", ["Normal", "Body Text"])
@pytest.mark.parametrize("bold", [True, False])
def test_a_word_tu_without_heading_styles_is_read_by_its_part_names(
    tmp_path: Path, style: str, bold: bool
) -> None:
    document = Document()

    def name(text: str) -> None:
        document.add_paragraph(style=style).add_run(text).bold = bold

    document.add_paragraph("Remiss av förslag till integrationspolicy", style=style)
    name("Förslag till beslut")
    document.add_paragraph("1. Nämnden hänvisar till tjänsteutlåtandet.", style=style)
    document.add_paragraph("2. Tjänsteutlåtandet överlämnas till kommunstyrelsen.", style=style)
    document.add_paragraph("Dag Helin", style=style)
    name("Sammanfattning")
    document.add_paragraph("Förslaget är ambitiöst.", style=style)
    name("Bakgrund")
    document.add_paragraph(LONG, style=style)
    name("Bilagor")
    document.add_paragraph("1. Tjänsteutlåtande från stadsledningskontoret", style=style)
    path = tmp_path / "tu.docx"
    document.save(str(path))
    imported = import_document(path, load_doctypes())
    draft = imported.draft
    assert draft.meta.title == "Remiss av förslag till integrationspolicy"
    assert len(draft.decisions) == 2
    assert [s.name for s in draft.signatories] == ["Dag Helin"]
    assert [s.key for s in draft.sections] == ["sammanfattning", "bakgrund"]
    assert [a.title for a in draft.attachments] == ["Tjänsteutlåtande från stadsledningskontoret"]
    assert imported.found.plain == 0
    from beslut.workflow.importing import summary

    lines = summary(imported, load_doctypes())
    assert "2 beslutspunkter" in lines and "1 underskrift" in lines  # the preview says so


def test_a_part_name_on_the_first_line_of_a_paragraph_is_its_heading(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("Ny simhall i Farsta")
    paragraph = document.add_paragraph("Bakgrund")
    paragraph.add_run().add_break()
    paragraph.add_run("Badet byggdes 1974 och behöver rustas.")
    path = tmp_path / "tu.docx"
    document.save(str(path))
    draft = _imported(path)
    bakgrund = draft.section("bakgrund")
    assert bakgrund is not None
    assert bakgrund.text == "Badet byggdes 1974 och behöver rustas."


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc writes the .docx")
def test_pandocs_docx_with_a_bilagor_sub_heading(tmp_path: Path) -> None:
    markdown = tmp_path / "r.md"
    body = "\n\n".join(f"Stycke {n}. {LONG}" for n in range(4))
    markdown.write_text(f"# Kapitel\n\n{LONG}\n\n## Bilagor\n\n{body}\n\n# Slut\n\nSlut.\n")
    path = tmp_path / "r.docx"
    subprocess.run(["pandoc", str(markdown), "-o", str(path)], check=True, timeout=60)
    draft = _imported(path)
    assert draft.attachments == ()
    assert _words(draft).count("Stycke") == 4


def test_a_part_name_joined_to_its_text_by_a_converter_is_its_heading(tmp_path: Path) -> None:
    """pandoc's markdown reader joins a text TU's heading line to the paragraph under it."""
    document = Document()
    document.add_paragraph("Förslag till beslut")
    document.add_paragraph("1. Nämnden godkänner förslaget.")
    document.add_paragraph("Dag Helin", style="List Bullet")
    document.add_paragraph("Sammanfattning Förslaget är ambitiöst men saknar mätbara mål.")
    document.add_paragraph("Ärendet har även remitterats till stadsdelsnämnderna.")
    path = tmp_path / "tu.docx"
    document.save(str(path))
    draft = _imported(path)
    assert draft.decisions == ("Nämnden godkänner förslaget.",)
    assert [s.name for s in draft.signatories] == ["Dag Helin"]
    summary = draft.section("sammanfattning")
    assert summary is not None
    assert [b.text for b in summary.blocks] == [
        "Förslaget är ambitiöst men saknar mätbara mål.",
        "Ärendet har även remitterats till stadsdelsnämnderna.",  # no capital after "Ärendet"
    ]


def test_recognised_again_as_another_type_from_what_was_read(tmp_path: Path) -> None:
    from beslut.importing import recognise_again

    path = tmp_path / "tu.txt"
    path.write_text("Ny simhall\n\nBakgrund\n\nBadet är gammalt.\n", "utf-8")
    doctypes = load_doctypes()
    first = import_document(path, doctypes)
    path.unlink()  # not read again: the document as read is kept
    other = next(d.key for d in doctypes if d.key != first.draft.meta.doctype)
    again = recognise_again(first, doctypes, other)
    assert again.draft.meta.doctype == other
    assert again.draft.meta.title == "Ny simhall"
    assert "Badet är gammalt." in _words(again.draft)


def test_text_after_decision_points_styled_as_such_stays_text(tmp_path: Path) -> None:
    """Beslutspunkt-styled paragraphs are decisions by their style; a plain paragraph
    after them is no decision point (no Förslag till beslut heading stands over it)."""
    from docx.enum.style import WD_STYLE_TYPE

    document = Document()
    document.styles.add_style("Beslutspunkt", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Ny simhall")
    document.add_paragraph("Nämnden godkänner förslaget.", style="Beslutspunkt")
    document.add_paragraph("Ett vanligt stycke efter beslutet.")
    document.add_heading("Bakgrund", level=1)
    document.add_paragraph("Text.")
    path = tmp_path / "tu.docx"
    document.save(str(path))
    draft = _imported(path)
    assert draft.decisions == ("Nämnden godkänner förslaget.",)
    assert "Ett vanligt stycke efter beslutet." in _words(draft)


def test_a_joined_part_name_over_two_runs_keeps_its_space(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("Ny simhall i Farsta")
    paragraph = document.add_paragraph()
    paragraph.add_run("Förvaltningens ").bold = True
    paragraph.add_run("synpunkter Förslaget är bra.")
    path = tmp_path / "tu.docx"
    document.save(str(path))
    draft = _imported(path)
    assert [s.heading for s in draft.sections] == ["Förvaltningens synpunkter"]
    assert draft.sections[0].text == "Förslaget är bra."

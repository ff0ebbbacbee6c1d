"""Export, then import, gives back the draft: exactly through .docx (the city template's
own export) and PDF (LibreOffice's, where runs of one formatting print as one), and the
text with its structure through plain text, which holds no bold, italic, links or
footnotes."""

from __future__ import annotations

import random
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from beslut.doctypes.loader import load_doctypes
from beslut.importing import import_document
from beslut.model import Block, BlockKind, Draft, Run
from beslut.model.example import example_draft
from beslut.settings import Settings
from beslut.workflow.exporting import export_draft
from tests.importing.drafts import WORDS, big_draft
from tests.richdraft import rich_draft
from tests.today import TODAY


def _round_trip(draft: Draft, target: Path, pdf: bool = False) -> Draft:
    export_draft(draft, lambda sha: b"", target, Settings(), pdf=pdf)
    source = target.with_suffix(".pdf") if pdf else target
    return import_document(source, load_doctypes()).draft


def _plain(block: Block) -> Block:
    """A block as text without formatting can hold it."""
    if block.kind is BlockKind.TABLE:
        rows = tuple(
            tuple((Run("".join(r.text for r in cell)),) if cell else () for cell in row)
            for row in block.rows
        )
        return replace(block, rows=rows)
    return replace(block, runs=(Run(block.text),) if block.text else ())


def _structure(draft: Draft) -> Draft:
    sections = tuple(replace(s, blocks=tuple(_plain(b) for b in s.blocks)) for s in draft.sections)
    attachments = tuple(replace(a, file=None) for a in draft.attachments)
    return replace(draft, sections=sections, attachments=attachments)


@pytest.mark.parametrize(
    "make", [lambda: example_draft(TODAY)[0], big_draft], ids=["example", "100KB"]
)
def test_through_docx_the_draft_comes_back_exactly(make, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft = make()
    back = _round_trip(draft, tmp_path / "tu.docx")
    expected = replace(draft, attachments=tuple(replace(a, file=None) for a in draft.attachments))
    assert back.meta == expected.meta
    assert back.decisions == expected.decisions
    assert back.signatories == expected.signatories
    assert back.attachments == expected.attachments
    assert [(s.key, s.heading) for s in back.sections] == [
        (s.key, s.heading) for s in expected.sections
    ]
    for got, want in zip(back.sections, expected.sections, strict=True):
        assert got.blocks == want.blocks, got.key
    assert back == expected


@pytest.mark.parametrize(
    "make", [lambda: example_draft(TODAY)[0], big_draft], ids=["example", "100KB"]
)
def test_through_plain_text_the_text_and_structure_come_back(make, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The text export underlines headings ("=" a part's, "-" and "~" the two levels), so
    own parts and heading levels come back; bold, links and footnotes have no form."""
    draft = make()
    back = _round_trip(draft, tmp_path / "tu.txt")
    assert _structure(back) == _structure(draft)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice renders the PDF")
def test_through_pdf_the_example_comes_back_with_its_bold(tmp_path: Path) -> None:
    """The fonts and link annotations of the PDF give back bold, italic and links."""
    draft = example_draft(TODAY)[0]
    back = _round_trip(draft, tmp_path / "tu.docx", pdf=True)
    assert back.sections == draft.sections  # "Ingen avgift tas ut" in bold, as written
    assert _structure(back) == _structure(draft)


def _joined(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """Runs of one formatting joined (a footnote goes with the text before it): two
    drafts that print the same compare the same."""
    out: list[Run] = []
    for run in runs:
        last = out[-1] if out else None
        if (
            last is not None
            and not last.note
            and (last.bold, last.italic, last.link)
            == (
                run.bold,
                run.italic,
                run.link,
            )
        ):
            out[-1] = replace(last, text=last.text + run.text, note=run.note)
        else:
            out.append(run)
    return tuple(out)


def _printed(draft: Draft) -> Draft:
    sections = tuple(
        replace(s, blocks=tuple(replace(b, runs=_joined(b.runs)) for b in s.blocks))
        for s in draft.sections
    )
    return replace(
        draft,
        sections=sections,
        attachments=tuple(replace(a, file=None) for a in draft.attachments),
    )


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice renders the PDF")
@pytest.mark.parametrize("make", [rich_draft, big_draft], ids=["rich", "100KB"])
def test_through_pdf_the_draft_comes_back(make, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Tables (their header rows repeated over pages), heading levels, an own part,
    numbering that continues and restarts, nested bullets, footnotes at pages' feet,
    paragraphs that go on over a page, and links, from the PDF's fonts, sizes, places,
    link annotations and tags: the 100 KB draft is 54 pages."""
    draft = make()
    back = _round_trip(draft, tmp_path / "tu.docx", pdf=True)
    assert back.meta == draft.meta
    assert [(s.key, s.heading) for s in back.sections] == [
        (s.key, s.heading) for s in draft.sections
    ]
    expected = _printed(draft)  # the draft as it prints: the import gives just that
    for got, want in zip(back.sections, expected.sections, strict=True):
        assert got.blocks == want.blocks, got.key
    assert back == expected


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice renders the PDF")
def test_through_pdf_italic_and_links_come_back(tmp_path: Path) -> None:
    draft = example_draft(TODAY)[0]
    paragraph = Block(
        BlockKind.PARAGRAPH,
        (
            Run("Läs "),
            Run("stadens anläggningsplan", link="https://start.stockholm/plan"),
            Run(" och "),
            Run("riktlinjerna", italic=True),
            Run(" före mötet."),
        ),
    )
    first = draft.sections[0]
    draft = replace(
        draft, sections=(replace(first, blocks=(*first.blocks, paragraph)), *draft.sections[1:])
    )
    back = _round_trip(draft, tmp_path / "tu.docx", pdf=True)
    assert back.sections[0].blocks[-1] == paragraph


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice renders the PDF")
def test_through_pdf_paragraphs_over_a_page_keep_their_footnotes(tmp_path: Path) -> None:
    """Between a paragraph's two halves stand its page's footnotes and the next page's
    header: the formatting is found in the text's own characters, not the page's."""
    rng = random.Random(3)

    def sentence() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize() + "."

    blocks = tuple(
        Block(
            BlockKind.PARAGRAPH,
            (
                Run(" ".join(sentence() for _ in range(8)), note=sentence()),
                Run(" " + " ".join(sentence() for _ in range(8))),
            ),
        )
        for _ in range(14)
    )
    draft = example_draft(TODAY)[0]
    first = draft.sections[0]
    draft = replace(draft, sections=(replace(first, blocks=blocks), *draft.sections[1:]))
    back = _round_trip(draft, tmp_path / "tu.docx", pdf=True)
    assert back.sections[0].blocks == blocks

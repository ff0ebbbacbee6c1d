"""A PDF's headings by its own sizes: Word's Heading 1 and 2, a part's name in the
body's type, a heading wrapped over two lines."""

from __future__ import annotations

from pathlib import Path

from beslut.doctypes.loader import load_doctypes
from beslut.importing import import_document
from beslut.model import BlockKind, Draft
from tests.importing.pdfmake import Text, pdf

BODY = "Badet i Farsta behöver ett nytt tak och nya duschar innan hösten."


class _Page:
    """Lines set from the top down, as a word processor sets them."""

    def __init__(self) -> None:
        self.y = 800.0
        self.lines: list[Text] = []

    def put(self, text: str, size: float = 11, font: str = "F1", gap: float = 0) -> None:
        self.y -= gap
        self.lines.append(Text(text, 72, self.y, size, font))
        self.y -= size * 1.25

    def body(self) -> None:
        for n in range(3):
            self.put(BODY, gap=4 if n == 0 else 0)


def _import(tmp_path: Path, page: _Page) -> Draft:
    path = tmp_path / "tu.pdf"
    path.write_bytes(pdf([page.lines]))
    return import_document(path, load_doctypes()).draft


def test_words_heading_2_is_a_sub_heading_and_a_wrapped_heading_one_part(
    tmp_path: Path,
) -> None:
    page = _Page()
    page.put("Idrottsförvaltningen", 9, "F2")  # the head's small lines come before the title
    page.put("Upprustning av Farstabadet", 20, "F2", gap=20)
    page.put("Sammanfattning", 16, "F2", gap=12)  # Word's Heading 1: 16 pt over 11
    page.body()
    page.put("Bakgrund", 16, "F2", gap=12)
    page.body()
    page.put("Tidigare beslut i nämnden", 13, "F2", gap=10)  # Heading 2: 13 pt
    page.body()
    page.put("Ekonomiska konsekvenser för", 16, "F2", gap=12)  # wrapped over two lines
    page.put("Idrottsförvaltningen", 16, "F2")
    page.body()
    draft = _import(tmp_path, page)
    assert draft.meta.title == "Upprustning av Farstabadet"
    assert [s.heading for s in draft.sections] == [
        "Sammanfattning",
        "Bakgrund",
        "Ekonomiska konsekvenser för Idrottsförvaltningen",
    ]
    background = draft.sections[1]
    assert [b.text for b in background.blocks if b.kind is BlockKind.HEADING] == [
        "Tidigare beslut i nämnden"
    ]


def test_part_names_set_in_the_bodys_type_alone_on_a_line_are_parts(tmp_path: Path) -> None:
    page = _Page()
    page.put("Upprustning av Farstabadet", 20, "F2")
    for name in ("Sammanfattning", "Bakgrund", "Ärendet"):
        page.put(name, gap=12)  # 11 pt, not bold: only its line and its name tell
        page.body()
    draft = _import(tmp_path, page)
    assert [s.heading for s in draft.sections] == ["Sammanfattning", "Bakgrund", "Ärendet"]
    assert all(len(s.blocks) == 1 for s in draft.sections)

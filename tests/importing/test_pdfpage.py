"""A PDF's pages made into text lines: furniture, footnotes at a page's foot, page turns
inside a paragraph, a table's header row repeated on a new page, where paragraphs part
(by tags, gaps and widths), and a structure tree that cannot be read."""

from __future__ import annotations

import time
from types import SimpleNamespace

from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject

from beslut.importing.pdf import without_furniture
from beslut.importing.pdfpage import footnotes, parted
from beslut.importing.pdfstyle import Chars, Style
from beslut.importing.pdftags import MarkedContent, block_marks
from beslut.importing.recognize import continued
from beslut.importing.text import PAGE_BREAK, blocks_of
from beslut.model import BlockKind

HEADER = "Idrottsförvaltningen | Dnr IDN 2027/88"


def _chars(lines: list[tuple[str, float, float, float, int]]) -> Chars:
    """Characters for lines given as (text, size, baseline, right edge, block); every
    character 6 points wide, the last ending at the right edge; digits after "^" are a
    footnote's mark, set small."""
    out: Chars = []
    for text, size, y, right, block in lines:
        pieces: list[tuple[str, bool]] = []  # each character, and whether it is a mark
        mark = False
        for c in text:
            if c == "^":
                mark = True
            elif not c.isspace():
                mark = mark and c.isdigit()
                pieces.append((c, mark))
        for i, (c, small) in enumerate(pieces):
            end = right - 6 * (len(pieces) - 1 - i)
            style = Style(size=6 if small else size, y=y, right=end, width=6, block=block)
            out.append((c, style))
    return out


def test_what_stands_in_one_place_is_furniture_a_repeated_table_header_is_not() -> None:
    pages = []
    for n in range(1, 7):
        body = [f"Text på sidan {n} som fortsätter."] * (n % 3)  # the header row moves
        table = ["Åtgärd | Kostnad", f"Rad {n} | {n},5"] if n % 2 else []
        pages.append([HEADER, f"Sida {n} (6)", "", *body, *table, "Mer text.", "", "Adress 1"])
    texts, _header = without_furniture(pages)
    assert all(HEADER not in page and "Adress 1" not in page for page in texts)
    assert sum("Åtgärd | Kostnad" in page for page in texts) == 3


def test_footnotes_at_a_page_foot_leave_the_text() -> None:
    lines = ["Badet byggdes 1974 och1 mer", "", "1 Enligt besiktningen", "från 2026."]
    chars = _chars(
        [
            ("Badet byggdes 1974 och^1 mer", 12, 700, 400, -1),
            ("^1 Enligt besiktningen", 9.5, 90, 300, -1),
            ("från 2026.", 9.5, 80, 200, -1),
        ]
    )
    kept, notes = footnotes(lines, chars, body=12)
    assert kept == ["Badet byggdes 1974 och1 mer", ""]
    assert notes == {1: "Enligt besiktningen från 2026."}
    unmarked = _chars(  # small text at the foot that begins with a number, but no mark
        [
            ("Badet byggdes 1974 och mer", 12, 700, 400, -1),
            ("3 Tak och fasad ska ses över.", 9, 90, 300, -1),
        ]
    )
    small = ["Badet byggdes 1974 och mer", "3 Tak och fasad ska ses över."]
    assert footnotes(small, unmarked, body=12) == (small, {})
    assert footnotes(small, unmarked, body=0) == (small, {})  # no sizes known
    no_number = ["Text.", "En fotnot utan nummer"]  # small, but no note: it stays
    chars = _chars([("Text.", 12, 700, 100, -1), (no_number[1], 9, 90, 300, -1)])
    assert footnotes(no_number, chars, 12) == (no_number, {})


def test_a_paragraph_goes_on_over_a_page_and_a_table_keeps_its_header_once() -> None:
    lines = [
        "Förvaltningen har gjort en bedömning av badet och dess skick.",
        "Åtgärd | Kostnad",
        "Ventilation | 4,5",
        PAGE_BREAK,
        "Åtgärd | Kostnad",  # repeated by the page break
        "Kakel | 2,1",
        "Åtgärd | Kostnad",  # a table of its own, right after the first
        "Tak | 1,0",
    ]
    blocks = [r.block for r in blocks_of(lines, breaks="measured")]
    tables = [b for b in blocks if b.kind is BlockKind.TABLE]
    assert [[cell[0].text for cell in row] for row in tables[0].rows] == [
        ["Åtgärd", "Kostnad"],
        ["Ventilation", "4,5"],
        ["Kakel", "2,1"],
    ]
    assert len(tables) == 2 and len(tables[1].rows) == 2
    prose = ["Den första meningen slutar här.", PAGE_BREAK, "Den andra står på nästa sida."]
    assert [r.block.text for r in blocks_of(prose, breaks="measured")] == [
        "Den första meningen slutar här. Den andra står på nästa sida."
    ]


def test_tags_part_paragraphs_where_the_look_cannot() -> None:
    """A full last line that ends a sentence at the foot of a page: only a tagged PDF
    says whether the paragraph ends there."""
    first = "Har att på förvaltningen i trygghet utredning beslutar med ärendet och nämnden."
    second = "Budget förvaltningen till har på trygghet förslag idrott budget och mer."
    for block, parts in ((2, 2), (1, 1)):
        pages = [[first], [second]]
        chars = [_chars([(first, 12, 100, 510, 1)]), _chars([(second, 12, 745, 509, block)])]
        lines, breaks, _text = parted(pages, chars)
        assert breaks == "measured"
        assert len(list(blocks_of(lines, breaks=breaks))) == parts


def test_widths_part_a_paragraph_whose_last_line_ended_early() -> None:
    short = "Kort mening som slutar här."
    full = "En lång rad som går ända fram till högermarginalen i texten."
    rest = "Nästa rad börjar med stor bokstav."
    chars = _chars([(full, 12, 700, 510, -1), (short, 12, 685, 300, -1), (rest, 12, 670, 400, -1)])
    lines, breaks, text = parted([[full, short, rest]], [chars])
    assert lines == [full, short, "", rest]
    assert breaks == "measured"
    assert "".join(c for c, _s in text) == "".join((full + short + rest).split())


def test_a_structure_tree_with_a_loop_is_not_read() -> None:
    element = DictionaryObject({NameObject("/S"): NameObject("/P")})
    element[NameObject("/K")] = ArrayObject([element, NumberObject(1)])  # itself

    reader = SimpleNamespace(
        trailer={"/Root": DictionaryObject({NameObject("/StructTreeRoot"): element})}
    )
    began = time.perf_counter()
    assert block_marks(reader) == {}
    assert time.perf_counter() - began < 5


def test_printed_numbers_become_continuations_in_a_part() -> None:
    lines = ["1. Ett.", "2. Två.", "", "Ett stycke.", "", "3. Tre.", "1. Ett igen."]
    blocks = continued([r.block for r in blocks_of(lines, indent_step=2)])
    assert [b.start for b in blocks if b.kind is BlockKind.NUMBERED] == [None, None, None, 1]


def test_a_mark_is_the_one_where_the_text_was_shown() -> None:
    """pypdf hands the text over at the next move, after the next paragraph's mark may
    have begun: BT /P <</MCID 0>> BDC (A) Tj EMC /P <</MCID 1>> BDC 0 -14 Td ..."""
    marks = {(7, 0): 1, (7, 1): 2}
    content = MarkedContent(7)

    def mcid(n: int) -> list[object]:
        return [NameObject("/P"), DictionaryObject({NameObject("/MCID"): NumberObject(n)})]

    content.operator(b"BT", [], None, None)
    content.operator(b"BDC", mcid(0), None, None)
    content.operator(b"Tj", ["A"], None, None)
    content.operator(b"EMC", [], None, None)
    content.operator(b"BDC", mcid(1), None, None)
    content.operator(b"Td", [0, -14], None, None)
    assert content.block(marks) == 1  # "A", handed over at Td
    content.operator(b"Tj", ["B"], None, None)
    content.operator(b"EMC", [], None, None)
    content.operator(b"ET", [], None, None)
    assert content.block(marks) == 2  # "B", handed over at ET

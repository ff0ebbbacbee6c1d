"""What a PDF's lines hold: Word's Symbol-font bullets, footnotes set a point under the
body, justified text's spread words, headings by the document's own sizes."""

from __future__ import annotations

from pathlib import Path

from beslut.importing import read_document
from beslut.importing.read import Read
from beslut.model import BlockKind
from tests.importing.pdfmake import Text, lines_down, pdf


def _read(tmp_path: Path, data: bytes) -> list[Read]:
    path = tmp_path / "fil.pdf"
    path.write_bytes(data)
    return read_document(path).blocks


def test_words_symbol_font_bullet_is_a_list_marker(tmp_path: Path) -> None:
    lines = [
        *lines_down(["Skälen är följande:"]),
        Text("\xb7", 72, 760, font="F4"),  # U+F0B7 by the font's own map, as Word writes
        Text("badet är gammalt", 90, 760),
        Text("\xb7", 72, 746, font="F4"),
        Text("taket läcker", 90, 746),
    ]
    blocks = [r.block for r in _read(tmp_path, pdf([lines]))]
    assert [(b.kind, b.text) for b in blocks[1:]] == [
        (BlockKind.BULLET, "badet är gammalt"),
        (BlockKind.BULLET, "taket läcker"),
    ]


def test_a_footnote_set_a_point_under_an_11_pt_body_is_found(tmp_path: Path) -> None:
    body = lines_down(
        [
            "Sammanfattning",
            "Badet byggdes 1974 och behöver nu ett nytt tak innan vintern.",
            "Nämnden föreslås därför godkänna planen.",
        ]
    )
    body[1] = Text(body[1].text, body[1].x, body[1].y, mark="1")
    note = Text(" Enligt besiktningen i mars 2026.", 72, 66, 10, before="1")
    blocks = [r.block for r in _read(tmp_path, pdf([[*body, note]]))]
    assert all("besiktningen" not in b.text for b in blocks)
    notes = [run.note for b in blocks for run in b.runs if run.note]
    assert notes == ["Enligt besiktningen i mars 2026."]


def test_justified_texts_spread_words_have_one_space_between_them(tmp_path: Path) -> None:
    words = "Nämnden föreslås godkänna planen för badet och ge förvaltningen i uppdrag att"
    spread = b" -500 ".join(b"(%s)" % w.encode("cp1252") for w in words.split())
    stream = (
        b"BT /F1 11 Tf 72 780 Td (Sammanfattning) Tj ET "
        b"BT /F1 11 Tf 72 760 Td [" + spread + b"] TJ ET "
        b"BT /F1 11 Tf 72 746.8 Td (upphandla ett nytt tak.) Tj ET"
    )
    texts = [r.block.text for r in _read(tmp_path, pdf([stream]))]
    assert texts[-1] == words + " upphandla ett nytt tak."

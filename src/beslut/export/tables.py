"""Tables as WordprocessingML: the template's table style, full width, header rows that
repeat on every page and rows that never split across a page.

The only formatting a table gets is its style and the parts of it that say which rows
are the header (w:tblHeader, and tblLook firstRow so the style's first-row look applies);
the header rows' paragraphs keep with the next row, which is pagination, not a look.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from xml.sax.saxutils import quoteattr

from beslut.export.runs import PLAIN, Inline, runs_xml
from beslut.model.draft import Block, Run

DEFAULT_TEXT_WIDTH = 9072  # twips: A4 with 2.5 cm margins
_LOOK = ' w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"'


def table_xml(
    block: Block,
    inline: Inline = PLAIN,
    style_id: str | None = None,
    text_width: int = DEFAULT_TEXT_WIDTH,
    *,
    cells: Callable[[int, int, Sequence[Run]], str] | None = None,
    row_marks: Sequence[str] = (),
) -> str:
    """A w:tbl for a table block; rows with fewer cells are filled up with empty ones.

    ``cells`` writes the runs of the cell at (row, column) instead of runs_xml, and
    ``row_marks`` go at the end of each row's w:trPr (a tracked change, tracked.py)."""
    columns = max((len(row) for row in block.rows), default=0)
    if not columns:
        return ""
    width = max(text_width // columns, 1)
    header = block.header_rows > 0
    look = f'<w:tblLook w:val="{"0620" if header else "0600"}" w:firstRow="{int(header)}"{_LOOK}/>'
    style = f"<w:tblStyle w:val={quoteattr(style_id)}/>" if style_id else ""
    out = [
        f'<w:tbl><w:tblPr>{style}<w:tblW w:w="5000" w:type="pct"/>{look}</w:tblPr><w:tblGrid>',
        f'<w:gridCol w:w="{width}"/>' * columns,
        "</w:tblGrid>",
    ]
    cell = f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p>'
    # A header row keeps with the row after it (Word keeps a row whose paragraphs keep
    # with the next with the next row), so it never stands alone at the foot of a page.
    header_cell = f"{cell}<w:pPr><w:keepNext/></w:pPr>"
    for number, row in enumerate(block.rows):
        is_header = number < block.header_rows
        start = header_cell if is_header else cell
        row_mark = row_marks[number] if number < len(row_marks) else ""
        header_mark = "<w:tblHeader/>" if is_header else ""
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{header_mark}{row_mark}</w:trPr>")
        for column, runs in enumerate((*row, *([()] * (columns - len(row))))):
            text = runs_xml(runs, inline) if cells is None else cells(number, column, runs)
            out.append(f"{start}{text}</w:p></w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)

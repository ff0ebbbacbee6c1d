"""Tables as WordprocessingML: the template's table style, full width with its columns
fitted to their content, header rows that repeat on every page and rows that never split
across a page.

The only formatting a table gets is its style and the parts of it that say which rows
are the header (w:tblHeader, and tblLook firstRow so the style's first-row look applies);
the header rows' paragraphs keep with the next row, which is pagination, not a look.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from xml.sax.saxutils import quoteattr

from beslut.export.runs import PLAIN, Inline, runs_xml
from beslut.model.draft import Block, Cell, Run

DEFAULT_TEXT_WIDTH = 9072  # twips: A4 with 2.5 cm margins
TWIPS_PER_CHARACTER = 110  # a character of the table's 11 pt type, on average
CELL_PADDING = 3  # characters: a cell's margins, and room for bold type
MIN_CHARACTERS = 6  # the narrowest column, padding included
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
    widths = column_widths(block.rows, columns, text_width)
    header = block.header_rows > 0
    look = f'<w:tblLook w:val="{"0620" if header else "0600"}" w:firstRow="{int(header)}"{_LOOK}/>'
    style = f"<w:tblStyle w:val={quoteattr(style_id)}/>" if style_id else ""
    out = [
        f'<w:tbl><w:tblPr>{style}<w:tblW w:w="5000" w:type="pct"/>{look}</w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{width}"/>' for width in widths),
        "</w:tblGrid>",
    ]
    plain = [f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p>' for width in widths]
    # A header row keeps with the row after it (Word keeps a row whose paragraphs keep
    # with the next with the next row), so it never stands alone at the foot of a page.
    keeping = [f"{cell}<w:pPr><w:keepNext/></w:pPr>" for cell in plain]
    for number, row in enumerate(block.rows):
        is_header = number < block.header_rows
        starts = keeping if is_header else plain
        row_mark = row_marks[number] if number < len(row_marks) else ""
        header_mark = "<w:tblHeader/>" if is_header else ""
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{header_mark}{row_mark}</w:trPr>")
        for column, runs in enumerate((*row, *([()] * (columns - len(row))))):
            text = runs_xml(runs, inline) if cells is None else cells(number, column, runs)
            out.append(f"{starts[column]}{text}</w:p></w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def column_widths(rows: Sequence[Sequence[Cell]], columns: int, text_width: int) -> list[int]:
    """Each column's width in twips, the whole ``text_width`` shared as a word processor
    fits columns to their content: where every cell fits on its line, by the columns'
    longest texts; else a short column (its longest text within an even share) keeps its
    texts on one line and the long ones share the rest by their length, as long as
    their longest words fit; else each column gets room for its longest word and the
    rest goes where the text is longer."""
    longest = [CELL_PADDING] * columns  # characters
    word = [MIN_CHARACTERS] * columns
    for row in rows:
        for column, cell in enumerate(row):
            text = "".join(run.text for run in cell)
            longest[column] = max(longest[column], len(text) + CELL_PADDING)
            words = text.split()
            word[column] = max(word[column], max(map(len, words), default=0) + CELL_PADDING)
    longest = [max(a, b) for a, b in zip(longest, word, strict=True)]
    room = text_width / TWIPS_PER_CHARACTER
    fair = room / columns
    short = sum(n for n in longest if n <= fair)
    long = [n for n in longest if n > fair]
    if sum(longest) <= room:
        shares = [float(n) for n in longest]
    elif long and all(
        w <= n * (room - short) / sum(long) for w, n in zip(word, longest, strict=True) if n > fair
    ):
        # The short columns whole on their lines, the long ones share what is left.
        shares = [float(n) if n <= fair else n * (room - short) / sum(long) for n in longest]
    elif sum(word) >= room:
        shares = [float(n) for n in word]
    else:
        spare, wanted = room - sum(word), sum(longest) - sum(word)
        shares = [w + (n - w) * spare / wanted for w, n in zip(word, longest, strict=True)]
    total = sum(shares)
    widths = [max(int(text_width * share / total), 1) for share in shares]
    widths[-1] = max(widths[-1] + text_width - sum(widths), 1)
    return widths

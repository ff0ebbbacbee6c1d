"""Plain text (a .txt file, or the text of a PDF) into paragraphs, list items and
headings (no Qt).

Text from a PDF or a copy out of Word breaks a paragraph into lines. The lines of a
paragraph are joined again: a blank line ends a paragraph, except in text where every
line is followed by an empty line (a common way such text is extracted): there an empty
line is only a line break and a line of spaces ends the paragraph. A word broken by a
hyphen at the end of a line is joined ("integrations-" + "programmet"), but a hyphen
that stands for a shared word ("sysselsättnings- och utbildningsnivåer") is kept. "•",
"-", "–", "*" and "1." / "1)" start list items; a short line standing alone without a
full stop is a heading. A heading underlined with "=" is a part's, with "-" or "~" a
sub-heading of the first or second level (the plain-text export writes them so).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from beslut.importing.read import Read, Role
from beslut.model.draft import Block, BlockKind, Run
from beslut.textformat import BULLET as BULLET  # docx.py and the PDF reader read these here
from beslut.textformat import CELL_SEPARATOR, RULE_LEVELS, UNDERLINE, table_cells
from beslut.textformat import NOTE_LINE as NOTE_LINE
from beslut.textformat import NUMBER as NUMBER

# Words after which a hyphen at a line's end stands for a shared word, not a broken one.
_SHARED = {"och", "eller", "samt", "resp", "respektive", "till", "som"}
CELLS = CELL_SEPARATOR  # a line of table cells, as the plain-text export writes a table's row
NOTE_MARK = "\ue000"  # where a footnote's mark stood (textnotes.py): read past it
PAGE_BREAK = "\f"  # a PDF's page turns here: no paragraph break of itself
HEADING_MAX = 80  # characters: a longer line standing alone is a paragraph
_END = ".!?;,:"
LIST_LOOKAHEAD = 6  # lines in which a list's next number is looked for (_list_follows)
HEAD_TEXT = 3  # blocks other than facts the first page's head may hold (_in_head)
WIDE = 0.9  # a line this close to the text's measure is a wrapped line, not a heading


# A page's furniture that text from a PDF or a printout carries: "Sida 3 (7)", "SID. 3 (7)"
# after a Dnr, a lone page number, a rule of underscores.
PAGE_NUMBER = re.compile(
    r"(?i)(.*\b(sida|sid\.?)\s*)?\d{1,3}\s*(\(\s*\d{1,3}\s*\)|av\s+\d{1,3})\s*$"
)
DNR_LINE = re.compile(r"(?i)^\s*dnr[:.]?\s*\S+\s*$")  # with a page number: a page header
_DIGITS = re.compile(r"\d+")
_PAGE_OF = re.compile(r"(\d{1,3})\s*(?:\(\s*\d{1,3}\s*\)|av\s+\d{1,3})\s*$")
_RULE = re.compile(r"^[\s_\-–—=~.*·]+$")
HEADING_LEVELS = RULE_LEVELS  # a rule right under a heading: a part's, or its level


def text_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def is_furniture(line: str) -> bool:
    """A line that belongs to the page, not to the text: a page number, a rule."""
    stripped = line.strip()
    if stripped[-1:].isdigit() or stripped.endswith(")"):  # a page number ends so
        return bool(stripped.isdigit() or PAGE_NUMBER.fullmatch(stripped))
    return bool(_RULE.fullmatch(stripped))


def _repeated(lines: list[str]) -> set[str]:
    """Short lines that occur three times or more (digits aside): a page's header or
    footer ("DNR 106-555/2004", the address), not text."""
    counts = Counter(line_shape(line) for line in lines if 0 < len(line.strip()) <= 60)
    return {shape for shape, n in counts.items() if n >= 3}


def line_shape(line: str) -> str:
    """A line as compared for repeats: lower case, every number the same."""
    return _DIGITS.sub("#", line.strip().lower())


def _width(lines: list[str]) -> int:
    """The text's measure: nearly its longest line (the 98th percentile of lengths)."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    return lengths[int(len(lengths) * 0.98)] if lengths else 0


@dataclass(frozen=True, slots=True)
class _Line:
    text: str  # stripped
    broken: bool  # a paragraph break comes before it
    indent: int
    turned: bool  # a page turned before it (PAGE_BREAK)
    underline: str = ""  # the character of the rule right under it ("=", "-", "~")


def _lines_with_breaks(
    lines: list[str], breaks: str, fact: Callable[[str], bool] | None = None
) -> list[_Line]:
    """Each text line, with what stands around it. Past the first page's number, lines
    that state facts (``fact``) right around a page number are the page's header or
    footer ("Miljöförvaltningen", "Miljöförvaltningen Dnr MN 2027/301" by "Sida 2 (2)")."""
    double = breaks == "guessed" and _double_spaced(lines)
    # Lines that repeat are a page's header or footer only in text that has pages.
    paged = sum(1 for line in lines if _page_number(line)) >= 2
    repeated = _repeated(lines) if paged else set()
    out: list[_Line] = []
    pending = True
    after_page_number = turned = False
    numbers = 0  # page numbers so far
    for line in lines:
        if line == PAGE_BREAK:
            turned = True
            continue
        if not line.strip():
            if not (double and line == ""):
                pending = True  # a blank line; in double-spaced text only a line of spaces
            continue
        rule = UNDERLINE.fullmatch(line.strip())
        if rule and out and not pending and _underlinable(out[-1].text):
            out[-1] = replace(out[-1], underline=rule.group(1))
            continue
        if is_furniture(line) or (repeated and line_shape(line) in repeated):
            numbers += _page_number(line)
            while out and _page_fact(out[-1], fact if numbers > 1 else None):
                out.pop()  # "DNR 106-555/2004" above "SID. 3 (7)"
            after_page_number = True
            continue
        if after_page_number and (
            DNR_LINE.match(line) or (fact is not None and numbers > 1 and fact(line.strip()))
        ):
            continue
        after_page_number = False
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        out.append(_Line(line.strip(), pending, indent, turned))
        pending = turned = False
    return out


def _page_number(line: str) -> int:
    """1 for the first page's number ("Sida 1 (7)"), 2 for a later page's, else 0."""
    stripped = line.rstrip()
    if not stripped.endswith(")") and not stripped[-1:].isdigit():
        return 0  # cheaper than the pattern, which every page number passes
    if not PAGE_NUMBER.fullmatch(stripped.lstrip()):
        return 0
    found = _PAGE_OF.search(stripped)  # the page's own number, not a year before it
    return 1 if found is None or found.group(1) == "1" else 2


def _page_fact(line: _Line, fact: Callable[[str], bool] | None) -> bool:
    """True when ``line``, right above a page number, is the page's: a Dnr, or a line
    that states a fact and begins a block."""
    if is_furniture(line.text):
        return False
    if DNR_LINE.match(line.text):
        return True
    return fact is not None and not line.text[:1].islower() and fact(line.text)


def _underlinable(text: str) -> bool:
    """A line a rule right under it makes a heading: short, no list item, no table row
    (a heading may end in "?" or begin with a year: "2026 års budget")."""
    return (
        len(text) <= HEADING_MAX
        and CELLS not in text
        and not (BULLET.match(text) or NUMBER.match(text))
    )


@dataclass
class _Item:
    kind: BlockKind
    first: str  # its first line; the lines joined to it are in ``pieces``
    number: int | None = None
    closed: bool = False  # a heading: the next line begins a new block
    fact: bool = False  # a line of facts: only a lower-case line continues it
    last: str = ""  # the last line joined into it
    rows: list[list[str]] | None = None  # a table's rows of cells
    level: int = 0  # a list item's or a heading's level
    part: bool = False  # a part's heading (underlined with "=")
    # The text in pieces, joined once at the end: joining line by line into one string
    # copies a long paragraph (a double-spaced text is one) at every line.
    pieces: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.pieces.append(self.first)

    @property
    def tail(self) -> str:
        """The end of its text so far (never empty)."""
        return self.pieces[-1]

    @property
    def text(self) -> str:
        return "".join(self.pieces)

    def join(self, line: str) -> None:
        """``line`` joined to its text as join_lines joins it."""
        drop, glue = _joint(self.pieces[-1], line)
        if drop:
            self.pieces[-1] = self.pieces[-1][:-1]
        self.pieces.append(glue + line)


def blocks_of(
    lines: list[str],
    alone: Callable[[str], bool] | None = None,
    *,
    indent_step: int = 0,
    breaks: str = "guessed",
    known: Callable[[str], bool] | None = None,
) -> Iterable[Read]:
    """Join ``lines`` into blocks (see the module's docstring); a line for which
    ``alone`` is true (a line of the first page's facts) is a block of its own. A list
    item's level is its indent in ``indent_step`` spaces (plain text: 2), or with 0 its
    indent among the list's items (a PDF's layout). ``breaks`` says what the blank
    lines tell: "guessed", some paragraph breaks (a line that ends a sentence early
    ends its paragraph too); "spaced", all within a page (where a page turned, the
    line's length tells); "measured", all (a PDF's measured lines: pdfpage.py). A line
    for which ``known`` is true (a part's name: "Ärendet") is a heading wherever it
    stands, also in text without blank lines."""
    items: list[_Item] = []
    marked = _lines_with_breaks(lines, breaks, alone)
    width = _width(lines)
    wide = WIDE * width
    indents: list[int] = []  # the indents of the list items of the list going on
    head = alone is not None  # the first page's head, where its facts stand
    for i, mark in enumerate(marked):
        head = head and _in_head(items, mark.turned)
        line, broken, indent, turned = mark.text, mark.broken, mark.indent, mark.turned
        following = marked[i + 1].text if i + 1 < len(marked) else ""
        previous = items[-1] if items else None
        ended = previous is None or previous.closed or ends_sentence(previous.tail)
        in_list = previous is not None and previous.kind is not BlockKind.PARAGRAPH
        bullet, number = BULLET.match(line), NUMBER.match(line)
        if not (bullet or number) and (broken or previous is None):
            indents = []
        if mark.underline:  # a heading underlined: "=" a part's, "-" and "~" two levels
            level = HEADING_LEVELS[mark.underline]
            items.append(_Item(BlockKind.HEADING, line, closed=True, level=level, part=not level))
            head = False
        elif CELLS in line:
            cells = table_cells(line)
            rows = previous.rows if previous is not None and not broken else None
            same = rows is not None and cells == rows[0]
            if same and turned:
                pass  # the table's header row, repeated on the new page
            elif rows is not None and not (same and len(rows) > 1 and breaks != "guessed"):
                rows.append(cells)
            else:  # a new table; in a PDF also one right after a table with its header
                items.append(_Item(BlockKind.TABLE, line, closed=True, rows=[cells]))
        elif previous is not None and previous.fact and line[:1].islower():
            previous.join(line)
        elif (
            head
            and alone is not None
            and (broken or ended or not line[:1].islower())
            and alone(line)
        ):
            items.append(_Item(BlockKind.PARAGRAPH, line, fact=True))
        elif (
            known is not None
            and not line.endswith(".")  # cheap tests first: most lines are no part's name
            and _starts_new(following)
            and known(line)
        ):
            items.append(_Item(BlockKind.HEADING, line, closed=True))
            head = False
        elif bullet:
            item = _Item(BlockKind.BULLET, line[bullet.end() :], last=line)
            item.level = min(indent // indent_step, 2) if indent_step else _level(indents, indent)
            items.append(item)
        elif number and (broken or ended or in_list or _list_follows(marked, i, number)):
            number_value = int(number.group(1))
            item = _Item(BlockKind.NUMBERED, line[number.end() :], number_value, last=line)
            item.level = min(indent // indent_step, 2) if indent_step else _level(indents, indent)
            items.append(item)
        elif (
            (broken or ended)
            and is_heading_line(line)
            and (len(line) < wide or len(marked) < 5)
            and _starts_new(following)
        ):
            items.append(_Item(BlockKind.HEADING, line, closed=True))
        elif (
            previous is not None
            and not (previous.closed or previous.fact)
            and (not broken or line[:1].islower())
            and not (
                (breaks == "guessed" or (turned and breaks == "spaced"))
                and _ended_on_purpose(previous.last or previous.tail, line, width, in_list)
            )
        ):
            previous.join(line)
            previous.last = line
        else:
            items.append(_Item(BlockKind.PARAGRAPH, line, last=line))
    for item in items:
        if item.rows is not None:
            yield Read(Block.table(item.rows, header_rows=1))
        elif item.part:
            yield Read(Block(item.kind, (Run(item.text),), level=1), Role.PART_HEADING)
        elif item.kind is BlockKind.NUMBERED and item.level == 0:
            # The number as printed: recognition makes it a continuation in its part.
            yield Read(Block(item.kind, (Run(item.text),), start=item.number))
        else:
            yield Read(Block(item.kind, (Run(item.text),), level=item.level))


def _list_follows(marked: list[_Line], i: int, number: re.Match[str]) -> bool:
    """True when the numbered line at ``i`` begins a list although the line before it
    goes on ("Målen är att" before "1. underlätta ..."): the next number begins one of
    the next few lines."""
    following = str(int(number.group(1)) + 1)
    for mark in marked[i + 1 : i + 1 + LIST_LOOKAHEAD]:
        found = NUMBER.match(mark.text)
        if found is not None:
            same_mark = found.group(0).strip()[-1] == number.group(0).strip()[-1]  # "." or ")"
            return found.group(1) == following and same_mark
    return False


def _in_head(items: list[_Item], turned: bool) -> bool:
    """True while the blocks so far can be the first page's head: its facts, and at most
    HEAD_TEXT short blocks that end no sentence (a letterhead, the title), on the first
    page. Only there is a line that states a fact taken as one: further on, "staben för
    utredning och projekt" is a paragraph's text."""
    if not items:
        return True
    last = items[-1]
    if turned or last.rows is not None or last.kind in (BlockKind.BULLET, BlockKind.NUMBERED):
        return False
    if not last.fact and (ends_sentence(last.tail) or len(last.pieces) > 2):
        return False
    return sum(1 for item in items if not item.fact) <= HEAD_TEXT


def _level(indents: list[int], indent: int) -> int:
    """A list item's level: how many of the list's shallower indents stand before it."""
    while indents and indents[-1] > indent:
        indents.pop()
    if not indents or indents[-1] < indent:
        indents.append(indent)
    return min(len(indents) - 1, 2)


def _ended_on_purpose(last: str, line: str, width: int, item: bool = False) -> bool:
    """True when ``last`` ended a paragraph although no blank line follows: it ends a
    sentence (or a list ``item``'s line ends at all) and the next line's first word would
    have fitted after it (a wrapped line ends because the next word did not fit)."""
    if not (item or ends_sentence(last)) or not line[:1].isupper() or width < 40:
        return False
    first = line.split(maxsplit=1)[0]
    return len(last) + 1 + len(first) < width - 2


def _starts_new(line: str) -> bool:
    """True when ``line`` can begin a block after a heading: not a lower-case
    continuation, nor a list item that continues a sentence ("1. underlätta ...")."""
    marker = BULLET.match(line) or NUMBER.match(line)
    rest = line[marker.end() :] if marker else line
    return not rest or not rest[:1].islower()


def _double_spaced(lines: list[str]) -> bool:
    """True when most text lines are followed by exactly one empty line."""
    text_lines = followed = 0
    for i, line in enumerate(lines[:-1]):
        if line.strip():
            text_lines += 1
            if lines[i + 1] == "" and (i + 2 >= len(lines) or lines[i + 2].strip()):
                followed += 1
    return text_lines >= 4 and followed / text_lines > 0.6


def ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip(NOTE_MARK).endswith((".", "!", "?", ":"))


def join_lines(text: str, line: str) -> str:
    """``text`` continued by the next line of its paragraph."""
    drop, glue = _joint(text, line)
    return (text[:-1] if drop else text) + glue + line


def _joint(text: str, line: str) -> tuple[bool, str]:
    """How ``line`` joins ``text``: whether the hyphen at its end goes, and what stands
    between them."""
    if text.endswith("-") and len(text) > 1 and text[-2].isalpha():
        first = line.split(maxsplit=1)[0].strip(",.").lower() if line.split() else ""
        if first in _SHARED:
            return False, " "  # "sysselsättnings- och utbildningsnivåer"
        if line[:1].islower():
            return True, ""  # a word broken at the line's end
        return False, ""  # "Rinkeby-Kista"
    return False, " "


def is_heading_line(text: str) -> bool:
    """A line that can be a heading on its own: short, begun with a capital, not ended as
    a sentence is."""
    stripped = text.strip().rstrip(NOTE_MARK)
    return (
        0 < len(stripped) <= HEADING_MAX
        and stripped[0].isupper()
        and stripped[-1] not in _END
        and not BULLET.match(stripped)
        and len(stripped.split()) <= 10
    )

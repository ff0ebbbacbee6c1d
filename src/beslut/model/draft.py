"""The draft model: metadata, decision points, sections of blocks, bilagor, signatories.

All classes are frozen: an edit makes a new object (``dataclasses.replace``). A draft
can therefore be handed to another thread (autosave, export, checks) or kept as an
undo snapshot without copying. Text is cleaned in ``__post_init__``, so no object of
the model ever holds a character the export could not write, and every field's type is
checked there too: a wrong one raises ModelTypeError at construction, naming the field,
instead of failing later in a save or an export.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum

from beslut.model.comments import Comment
from beslut.model.fields import (
    ModelValueError,
    check_date,
    check_enum,
    check_int,
    check_items,
    wrong,
)
from beslut.model.status import Status
from beslut.model.text import clean_line, clean_text

__all__ = [
    "Attachment",
    "Block",
    "BlockKind",
    "Cell",
    "Comment",
    "Draft",
    "FileRef",
    "Metadata",
    "Person",
    "Row",
    "Run",
    "Section",
    "Signatory",
    "Status",
    "copy_of",
]


def _set(obj: object, name: str, value: object) -> None:
    object.__setattr__(obj, name, value)


def _line(obj: object, name: str) -> None:
    """Check that field ``name`` holds a str and clean it as a one-line value."""
    value = getattr(obj, name)
    if not isinstance(value, str):
        raise wrong(obj, name, "str", value)
    _set(obj, name, clean_line(value))


class BlockKind(StrEnum):
    """The kinds of block a section holds; the export maps each to a template style."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    BULLET = "bullet"
    NUMBERED = "numbered"
    TABLE = "table"


LIST_KINDS = frozenset({BlockKind.BULLET, BlockKind.NUMBERED})
MAX_LIST_LEVEL = 2  # list items at levels 0, 1 and 2
MAX_HEADING_LEVEL = 2  # sub-heading (1) and sub-sub-heading (2)
# The highest number a numbered list may restart at: one limit for the model, the draft
# reader (jsonio) and import, so a draft that was made can always be opened again.
MAX_LIST_START = 1_000_000
# The most characters in one paragraph (heading, list item, table cell): import splits a
# longer paragraph (model/limits.py), the editor refuses typing and pasting beyond it.
# Export and comparison stay within seconds at this size (a paragraph of a million
# characters: export 0.2 s, tracked changes 2.6 s); libxml2 refuses a text of 10 MB.
MAX_BLOCK_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text with one formatting; ``link`` makes it a hyperlink to that address,
    ``note`` puts a footnote with that text after it."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        # Checked inline: the editor builds thousands of runs after every pause in typing.
        text, bold, italic = self.text, self.bold, self.italic
        if not isinstance(text, str):
            raise wrong(self, "text", "str", text)
        if bold is not True and bold is not False:
            raise wrong(self, "bold", "bool", bold)
        if italic is not True and italic is not False:
            raise wrong(self, "italic", "bool", italic)
        _set(self, "text", clean_text(text))
        if self.link:
            _line(self, "link")
        elif self.link != "":
            raise wrong(self, "link", "str", self.link)
        if self.note:
            if not isinstance(self.note, str):
                raise wrong(self, "note", "str", self.note)
            _set(self, "note", clean_text(self.note))
        elif self.note != "":
            raise wrong(self, "note", "str", self.note)


Cell = tuple[Run, ...]  # a table cell: runs of text
Row = tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, sub-heading, list item or table.

    ``level`` is a list item's level (0, 1 or 2) or a heading's (1 sub-heading, 2
    sub-sub-heading; 0 is read as 1). ``start`` on a numbered item restarts the
    numbering at that number; without it the item continues the part's previous
    numbered list. A table has ``rows`` of cells instead of runs, the first
    ``header_rows`` of them its header.
    """

    kind: BlockKind
    runs: tuple[Run, ...] = ()
    level: int = 0
    start: int | None = None
    rows: tuple[Row, ...] = ()
    header_rows: int = 0

    def __post_init__(self) -> None:
        if self.kind.__class__ is not BlockKind:
            _set(self, "kind", check_enum(self, "kind", BlockKind, self.kind))
        _set(self, "runs", check_items(self, "runs", self.runs, Run))
        if self.level != 0 or self.kind is BlockKind.HEADING:
            _set(self, "level", self._checked_level())
        if self.start is not None:
            start = check_int(self, "start", self.start)
            if not 1 <= start <= MAX_LIST_START or self.kind is not BlockKind.NUMBERED:
                raise ModelValueError(
                    f"Block.start must be 1-{MAX_LIST_START} on a numbered item: {start}"
                )
        if self.rows or self.header_rows:
            self._check_table()

    def _checked_level(self) -> int:
        level = check_int(self, "level", self.level)
        if self.kind is BlockKind.HEADING:
            level = level or 1
            if not 1 <= level <= MAX_HEADING_LEVEL:
                raise ModelValueError(f"Block.level of a heading must be 1 or 2: {level}")
        elif self.kind in LIST_KINDS:
            if not 0 <= level <= MAX_LIST_LEVEL:
                raise ModelValueError(f"Block.level of a list item must be 0-2: {level}")
        elif level:
            raise ModelValueError(f"Block.level is for list items and headings: {level}")
        return level

    def _check_table(self) -> None:
        rows = []
        for r, row in enumerate(check_items(self, "rows", self.rows, tuple)):
            cells = check_items(self, f"rows[{r}]", row, tuple)
            rows.append(
                tuple(
                    check_items(self, f"rows[{r}][{c}]", cell, Run) for c, cell in enumerate(cells)
                )
            )
        _set(self, "rows", tuple(rows))
        header = check_int(self, "header_rows", self.header_rows)
        if self.kind is not BlockKind.TABLE:
            raise ModelValueError("Block.rows and header_rows are for tables")
        if not 0 <= header <= len(rows):
            raise ModelValueError(f"Block.header_rows must be 0-{len(rows)}: {header}")

    @classmethod
    def plain(cls, kind: BlockKind | str, text: str) -> Block:
        """A block of one unformatted run."""
        return cls(BlockKind(kind), (Run(text),))

    @classmethod
    def table(cls, rows: list[list[str]], header_rows: int = 1) -> Block:
        """A table of unformatted cells."""
        cells = tuple(tuple((Run(text),) if text else () for text in row) for row in rows)
        return cls(BlockKind.TABLE, rows=cells, header_rows=header_rows)

    @property
    def text(self) -> str:
        """The block's text without formatting (a table's: a cell a tab, a row a line)."""
        if self.kind is BlockKind.TABLE:
            return "\n".join(
                "\t".join("".join(run.text for run in cell) for cell in row) for row in self.rows
            )
        return "".join(run.text for run in self.runs)

    def runs_at(self, cell: tuple[int, int] | None) -> tuple[Run, ...] | None:
        """The runs of the block's text, or of the table cell (row, column) ``cell``;
        None for a cell the block does not have."""
        if cell is None:
            return self.runs
        row, col = cell
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]):
            return self.rows[row][col]
        return None

    @property
    def all_runs(self) -> tuple[Run, ...]:
        """Every run of the block, a table's cells' included, in reading order."""
        if self.kind is BlockKind.TABLE:
            return tuple(run for row in self.rows for cell in row for run in cell)
        return self.runs


@dataclass(frozen=True, slots=True)
class Section:
    """A text part of the TU (Sammanfattning, Bakgrund, ...), keyed by the document type."""

    key: str
    heading: str
    blocks: tuple[Block, ...] = ()

    def __post_init__(self) -> None:
        _line(self, "key")
        _line(self, "heading")
        _set(self, "blocks", check_items(self, "blocks", self.blocks, Block))

    @property
    def text(self) -> str:
        """All text of the section, one block a line."""
        return "\n".join(block.text for block in self.blocks)

    @property
    def is_empty(self) -> bool:
        """True when the section holds no visible text."""
        return not any(block.text.strip() for block in self.blocks)


@dataclass(frozen=True, slots=True)
class FileRef:
    """A file kept in the store, known by its content hash."""

    name: str
    size: int
    sha256: str

    def __post_init__(self) -> None:
        _line(self, "name")
        check_int(self, "size", self.size)
        if not isinstance(self.sha256, str):
            raise wrong(self, "sha256", "str", self.sha256)


@dataclass(frozen=True, slots=True)
class Attachment:
    """A bilaga; its number is its place in the draft's list."""

    title: str
    file: FileRef | None = None

    def __post_init__(self) -> None:
        _line(self, "title")
        if self.file is not None and not isinstance(self.file, FileRef):
            raise wrong(self, "file", "FileRef or None", self.file)


@dataclass(frozen=True, slots=True)
class Signatory:
    """A person who signs the TU (förvaltningschef, avdelningschef)."""

    name: str
    title: str = ""

    def __post_init__(self) -> None:
        _line(self, "name")
        _line(self, "title")


@dataclass(frozen=True, slots=True)
class Person:
    """The handläggare and how to reach them."""

    name: str = ""
    telefon: str = ""
    epost: str = ""

    def __post_init__(self) -> None:
        for name in ("name", "telefon", "epost"):
            _line(self, name)


_LINE_FIELDS = ("title", "doctype", "namnd", "dnr", "forvaltning", "avdelning")
# The languages a draft can be written in: Swedish is checked with the Swedish dictionary.
LANGUAGES = ("sv", "en")
# What the metadata part needs before it counts as filled in, in the order of the form.
REQUIRED_META_FIELDS = ("title", "namnd", "dnr")


@dataclass(frozen=True, slots=True)
class Metadata:
    """Everything about the TU that is not its text."""

    title: str = ""
    subtitle: str = ""
    doctype: str = "beslutsarende"
    namnd: str = ""
    meeting_date: dt.date | None = None
    dnr: str = ""
    date: dt.date | None = None
    forvaltning: str = ""
    avdelning: str = ""
    handlaggare: Person = field(default_factory=Person)
    status: Status = Status.UTKAST
    language: str = "sv"  # the document's language (LANGUAGES): which spelling applies

    def __post_init__(self) -> None:
        if not isinstance(self.language, str):
            raise wrong(self, "language", "str", self.language)
        if self.language not in LANGUAGES:
            raise ModelValueError(f"Metadata.language must be sv or en, not {self.language!r}")
        for name in _LINE_FIELDS:
            _line(self, name)
        # A subtitle may run over more than one line in the template.
        if not isinstance(self.subtitle, str):
            raise wrong(self, "subtitle", "str", self.subtitle)
        _set(self, "subtitle", clean_text(self.subtitle).strip())
        check_date(self, "meeting_date", self.meeting_date)
        check_date(self, "date", self.date)
        if not isinstance(self.handlaggare, Person):
            raise wrong(self, "handlaggare", "Person", self.handlaggare)
        _set(self, "status", check_enum(self, "status", Status, self.status))

    @property
    def missing_fields(self) -> tuple[str, ...]:
        """The required fields (REQUIRED_META_FIELDS: title, namnd, dnr) still empty."""
        return tuple(name for name in REQUIRED_META_FIELDS if not getattr(self, name))

    @property
    def is_filled(self) -> bool:
        """True when the metadata part is filled in: ärendemening, nämnd and Dnr.

        The one definition for the editor's step list and the required-parts check.
        """
        return not self.missing_fields


@dataclass(frozen=True, slots=True)
class Draft:
    """A whole tjänsteutlåtande."""

    meta: Metadata = field(default_factory=Metadata)
    decisions: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    signatories: tuple[Signatory, ...] = ()
    comments: tuple[Comment, ...] = ()  # on ranges of its text, with their replies

    def __post_init__(self) -> None:
        if not isinstance(self.meta, Metadata):
            raise wrong(self, "meta", "Metadata", self.meta)
        decisions = check_items(self, "decisions", self.decisions, str)
        _set(self, "decisions", tuple(clean_text(text).strip() for text in decisions))
        _set(self, "sections", check_items(self, "sections", self.sections, Section))
        _set(self, "attachments", check_items(self, "attachments", self.attachments, Attachment))
        _set(self, "signatories", check_items(self, "signatories", self.signatories, Signatory))
        _set(self, "comments", check_items(self, "comments", self.comments, Comment))

    def section(self, key: str) -> Section | None:
        """The section with ``key``, or None."""
        return next((s for s in self.sections if s.key == key), None)

    def file_refs(self) -> list[FileRef]:
        """The files the bilagor point at, in bilaga order."""
        return [a.file for a in self.attachments if a.file is not None]

    def search_text(self) -> str:
        """All text a person may search for, as one string (for the full-text index)."""
        meta = self.meta
        parts = [meta.subtitle, meta.namnd, meta.dnr, meta.handlaggare.name, *self.decisions]
        for section in self.sections:
            parts.append(section.heading)
            parts.extend(block.text for block in section.blocks)
        parts.extend(a.title for a in self.attachments)
        parts.extend(f"{s.name} {s.title}" for s in self.signatories)
        return "\n".join(p for p in parts if p)


def copy_of(draft: Draft) -> Draft:
    """The duplicate of ``draft``: "Kopia av <title>", back at status utkast."""
    meta = replace(
        draft.meta,
        # Document text: Swedish whatever language the user reads, so not translated.
        title=f"Kopia av {draft.meta.title}",
        status=Status.UTKAST,
    )
    return replace(draft, meta=meta)

"""What a block looks like to part recognition: a title, a decision point, an underskrift
line, a bilaga title (no Qt).

Each test goes through every block kind, so a new kind fails here (mypy's
``assert_never``) instead of passing silently as a paragraph. The measures are named in
thresholds.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import assert_never

from beslut.importing.read import Read, Role
from beslut.importing.text import ends_sentence
from beslut.importing.thresholds import LIMITS
from beslut.model.draft import Block, BlockKind, Run

# A name as an underskrift has it: two to four words, each begun with a capital.
NAME = re.compile(r"^[A-ZÅÄÖÉ][\w'’.-]+(?:\s+[A-ZÅÄÖÉ][\w'’.-]+){1,3}$")
# Two sentences in one line: a full stop, then a capital.
_TWO_SENTENCES = re.compile(r"[.!?]\s+[A-ZÅÄÖ]")


def _one_line(read: Read, limit: int) -> str:
    """The block's text when it is one line of at most ``limit`` characters, else ""."""
    text = read.text.strip()
    return text if 0 < len(text) <= limit and "\n" not in text else ""


def title_like(read: Read) -> bool:
    """An ärendemening: the file calls it the title, or it is one short line of text
    that is no sentence (never a list item or a table)."""
    if read.role is Role.TITLE:
        return True
    kind = read.block.kind
    match kind:
        case BlockKind.PARAGRAPH | BlockKind.HEADING:
            text = _one_line(read, LIMITS.title_max_chars)
            return bool(text) and not text.endswith(".") and not _TWO_SENTENCES.search(text)
        case BlockKind.BULLET | BlockKind.NUMBERED | BlockKind.TABLE:
            return False
        case _:
            assert_never(kind)


def subtitle_like(read: Read) -> bool:
    """The title's second line: short, no sentence."""
    if read.role is Role.SUBTITLE:
        return True
    text = _one_line(read, LIMITS.subtitle_max_chars)
    kind = read.block.kind
    return (
        kind in (BlockKind.PARAGRAPH, BlockKind.HEADING) and bool(text) and not ends_sentence(text)
    )


def decision_like(read: Read, paragraphs_taken: int) -> bool:
    """A decision point: a list item, or one of the few short paragraphs a Förslag till
    beslut holds."""
    kind = read.block.kind
    match kind:
        case BlockKind.NUMBERED | BlockKind.BULLET:
            return 0 < len(read.text.strip()) <= 2 * LIMITS.decision_max_chars
        case BlockKind.PARAGRAPH:
            text = read.text.strip()
            return (
                0 < len(text) <= LIMITS.decision_max_chars
                and len(_TWO_SENTENCES.findall(text)) < LIMITS.decision_max_sentences
                and paragraphs_taken < LIMITS.decision_max_paragraphs
            )
        case BlockKind.HEADING | BlockKind.TABLE:
            return False
        case _:
            assert_never(kind)


def signature_like(read: Read, *, after_name: bool, from_text: bool) -> bool:
    """An underskrift line: a name, or (``after_name``) a title under one. Word's
    headings are never underskrifter; in text a short line alone may read as one."""
    kind = read.block.kind
    match kind:
        case BlockKind.PARAGRAPH:
            pass
        case BlockKind.HEADING:
            if not from_text:
                return False
        case BlockKind.NUMBERED | BlockKind.BULLET:  # a name set as a list item
            text = _one_line(read, LIMITS.signature_max_chars)
            return bool(NAME.match(text)) and not ends_sentence(text)
        case BlockKind.TABLE:
            return False
        case _:
            assert_never(kind)
    text = _one_line(read, LIMITS.signature_max_chars)
    if not text or ends_sentence(text):
        return False
    return bool(NAME.match(text)) or after_name


def attachment_like(read: Read, *, from_text: bool) -> bool:
    """A bilaga title: a list item or one short line that is at most one sentence."""
    kind = read.block.kind
    match kind:
        case BlockKind.NUMBERED | BlockKind.BULLET:
            return bool(_one_line(read, 2 * LIMITS.attachment_max_chars))
        case BlockKind.PARAGRAPH:
            pass
        case BlockKind.HEADING:
            if not from_text:
                return False
        case BlockKind.TABLE:
            return False
        case _:
            assert_never(kind)
    text = _one_line(read, LIMITS.attachment_max_chars)
    return bool(text) and not _TWO_SENTENCES.search(text)


def _leading_name(text: str, is_name: Callable[[str], bool]) -> str:
    """The part's name a paragraph begins with when its lines were joined (a TU's text
    made into Word by a converter): "Sammanfattning Förslaget är …"; a name followed by
    a capital, the longest of up to six words."""
    words = text.split(" ", 7)
    for n in range(min(6, len(words) - 1), 0, -1):
        after = words[n]
        if after[:1].isupper() and is_name(" ".join(words[:n])):
            return " ".join(words[:n]) + " "
    return ""


def _split_at(read: Read, at: int) -> list[Read]:
    """``read`` as a heading of its first ``at`` characters (the space or line break that
    ends them left out), then a paragraph of the rest when there is any."""
    head: list[Run] = []
    tail: list[Run] = []
    seen = 0
    for run in read.block.runs:
        if seen >= at:
            tail.append(run)
        elif seen + len(run.text) <= at:
            head.append(run)
        else:  # the cut falls in this run: its footnote stands after its text, in the tail
            cut = at - seen
            head.append(replace(run, text=run.text[:cut], note=""))
            tail.append(replace(run, text=run.text[cut:]))
        seen += len(run.text)
    if head:
        head[-1] = replace(head[-1], text=head[-1].text.rstrip())
    heading = Read(Block(BlockKind.HEADING, tuple(r for r in head if r.text or r.note), level=1))
    body = Read(Block(BlockKind.PARAGRAPH, tuple(r for r in tail if r.text or r.note)))
    return [heading, body] if body.text.strip() else [heading]


def split_named_line(read: Read, is_name: Callable[[str], bool]) -> list[Read]:
    """A paragraph whose first line is a part's name and whose other lines are text
    (a heading typed with Shift+Enter before its text), or that begins with a part's
    name joined to its text by a converter: the name as a heading of its own, then the
    rest. Anything else as it is."""
    if read.block.kind is not BlockKind.PARAGRAPH or read.role is not Role.TEXT:
        return [read]
    first, _sep, rest = read.text.partition("\n")
    if rest.strip() and is_name(first):
        return _split_at(read, len(first) + 1)
    joined = _leading_name(read.text, is_name)
    return _split_at(read, len(joined)) if joined else [read]

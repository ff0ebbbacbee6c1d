"""Comments on a draft: anchored to a range of text in a part, with replies (no Qt)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from beslut.model.fields import ModelValueError, check_int, check_items, wrong
from beslut.model.text import clean_line, clean_text

__all__ = ["Comment", "Reply", "next_comment_id"]

MAX_COMMENT_ID = 40  # characters of a comment's id ("c12", or Word's w:id as "w12")


def _set(obj: object, name: str, value: object) -> None:
    object.__setattr__(obj, name, value)


def _line(obj: object, name: str) -> None:
    value = getattr(obj, name)
    if not isinstance(value, str):
        raise wrong(obj, name, "str", value)
    _set(obj, name, clean_line(value))


def _text(obj: object, name: str) -> None:
    value = getattr(obj, name)
    if not isinstance(value, str):
        raise wrong(obj, name, "str", value)
    _set(obj, name, clean_text(value).strip())


def _created(obj: object, value: object) -> None:
    """A time as ISO 8601 text (aware or naive), from beslut.clock where it is made."""
    if not isinstance(value, str):
        raise wrong(obj, "created", "str", value)
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        raise ModelValueError(
            f"{type(obj).__name__}.created must be an ISO time: {value[:40]!r}"
        ) from None


@dataclass(frozen=True, slots=True)
class Reply:
    """An answer to a comment."""

    author: str
    created: str
    text: str

    def __post_init__(self) -> None:
        _line(self, "author")
        _created(self, self.created)
        _text(self, "text")


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment on characters ``start``..``end`` of one text of the draft.

    The text is addressed as beslut.checks.findings.Location addresses it: ``part`` a
    section key or DECISIONS (or META with ``field`` "title"), ``index`` the block or
    decision point (None for a part's one-line text), ``field`` "" for a block's text
    or a table cell's / footnote's as text_field makes it. An empty range (start ==
    end) is a comment at a point, as on a decision point as a whole.
    """

    id: str
    part: str
    index: int | None
    field: str
    start: int
    end: int
    author: str
    created: str
    text: str
    replies: tuple[Reply, ...] = ()
    resolved: bool = False

    def __post_init__(self) -> None:
        for name in ("id", "part", "field", "author"):
            _line(self, name)
        if not self.id or len(self.id) > MAX_COMMENT_ID:
            raise ModelValueError(f"Comment.id must be 1-{MAX_COMMENT_ID} characters")
        if self.index is not None and check_int(self, "index", self.index) < 0:
            raise ModelValueError(f"Comment.index must not be negative: {self.index}")
        start = check_int(self, "start", self.start)
        end = check_int(self, "end", self.end)
        if not 0 <= start <= end:
            raise ModelValueError(f"Comment range must be 0 <= start <= end: {start}..{end}")
        _created(self, self.created)
        _text(self, "text")
        _set(self, "replies", check_items(self, "replies", self.replies, Reply))
        if self.resolved is not True and self.resolved is not False:
            raise wrong(self, "resolved", "bool", self.resolved)


def next_comment_id(taken: Iterable[str]) -> str:
    """A new comment id, "c" and the next number after those ``taken`` (stable, short)."""
    numbers = [int(i[1:]) for i in taken if i[:1] == "c" and i[1:].isdigit()]
    return f"c{max(numbers, default=0) + 1}"

"""Reading the parts of a draft file: sections, blocks, runs, bilagor and the field
helpers every reader of jsonio uses; each failure names the field (no Qt)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import replace
from enum import StrEnum
from typing import Any, TypeVar

from beslut.errors import DraftFormatError
from beslut.i18n import _
from beslut.model.comments import MAX_COMMENT_ID, Comment, Reply
from beslut.model.draft import (
    LANGUAGES,
    LIST_KINDS,
    MAX_HEADING_LEVEL,
    MAX_LIST_LEVEL,
    MAX_LIST_START,
    Attachment,
    Block,
    BlockKind,
    FileRef,
    Run,
    Section,
    Signatory,
)
from beslut.model.jsonlimits import MAX_ITEMS, MAX_TEXT

_E = TypeVar("_E", bound=StrEnum)
LINK_SCHEMES = ("https://", "http://", "mailto:")  # what a link in a TU may open
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def read_section(obj: Mapping[str, Any], path: str, version: int) -> Section:
    blocks: list[Block] = []
    for i, item in enumerate(get_list(obj, "blocks", path)):
        bpath = f"{path}.blocks[{i}]"
        block = read_block(as_obj(item, bpath), bpath)
        if version == 1 and block.kind is BlockKind.NUMBERED and _restarted_in_v1(blocks):
            block = replace(block, start=1)  # version 1 restarted after any other block
        blocks.append(block)
    return Section(get_str(obj, "key", path), get_str(obj, "heading", path), tuple(blocks))


def _restarted_in_v1(before: list[Block]) -> bool:
    """True when a numbered item after ``before`` began a new list in version 1 (there
    every numbered item after another kind of block started again at 1)."""
    return bool(before) and before[-1].kind is not BlockKind.NUMBERED


def read_block(block: Mapping[str, Any], bpath: str) -> Block:
    kind = as_enum(BlockKind, block.get("kind", "paragraph"), bpath + ".kind")
    if kind is BlockKind.TABLE:
        rows = []
        for r, row in enumerate(get_list(block, "rows", bpath)):
            rpath = f"{bpath}.rows[{r}]"
            if not isinstance(row, list):
                raise bad(rpath, _("en lista väntades"))
            rows.append(tuple(read_runs(cell, f"{rpath}[{c}]") for c, cell in enumerate(row)))
        header = get_int(block, "header_rows", bpath, 0, len(rows), default=0)
        return Block(kind, rows=tuple(rows), header_rows=header)
    runs = read_runs(block.get("runs", []), bpath + ".runs")
    if kind is BlockKind.HEADING:
        level = get_int(block, "level", bpath, 1, MAX_HEADING_LEVEL, default=1)
    elif kind in LIST_KINDS:
        level = get_int(block, "level", bpath, 0, MAX_LIST_LEVEL, default=0)
    else:
        level = 0
    start = None
    if kind is BlockKind.NUMBERED and block.get("start") is not None:
        start = get_int(block, "start", bpath, 1, MAX_LIST_START, default=1)
    return Block(kind, runs, level=level, start=start)


def read_runs(value: object, path: str) -> tuple[Run, ...]:
    if not isinstance(value, list):
        raise bad(path, _("en lista väntades"))
    runs = []
    for j, run_item in enumerate(value):
        rpath = f"{path}[{j}]"
        run = as_obj(run_item, rpath)
        runs.append(
            Run(
                get_str(run, "text", rpath),
                get_bool(run, "bold", rpath),
                get_bool(run, "italic", rpath),
                link=_link(run, rpath),
                note=get_str(run, "note", rpath),
            )
        )
    return tuple(runs)


def _link(run: Mapping[str, Any], path: str) -> str:
    link = get_str(run, "link", path).strip()
    if link and not link.lower().startswith(LINK_SCHEMES):
        raise bad(
            join_path(path, "link"), _("en länk ska börja med https://, http:// eller mailto:")
        )
    return link


def get_int(
    obj: Mapping[str, Any], key: str, path: str, low: int, high: int, *, default: int
) -> int:
    value = obj.get(key, default)
    if value is None:
        return default
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        message = _("ett heltal från {low} till {high} väntades")
        raise bad(join_path(path, key), message.format(low=low, high=high))
    return value


def read_signatory(obj: Mapping[str, Any], path: str) -> Signatory:
    return Signatory(get_str(obj, "name", path), get_str(obj, "title", path))


def read_attachment(obj: Mapping[str, Any], path: str) -> Attachment:
    raw = obj.get("file")
    ref = None
    if raw is not None:
        fpath = path + ".file"
        fobj = as_obj(raw, fpath)
        size = fobj.get("size")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise bad(fpath + ".size", _("storleken är inget heltal"))
        sha = get_str(fobj, "sha256", fpath)
        if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
            raise bad(fpath + ".sha256", _("kontrollsumman är inte en sha256 i hex"))
        ref = FileRef(get_str(fobj, "name", fpath), size, sha)
    return Attachment(get_str(obj, "title", path), ref)


# --- field helpers: every failure names the field -------------------------------------


def read_language(value: object) -> str:
    if value not in LANGUAGES:
        raise bad("meta.language", _("ska vara ”sv” eller ”en”"))
    return str(value)


def bad(path: str, what: str) -> DraftFormatError:
    message = _("Utkastet kan inte läsas: {field}: {problem}.")
    return DraftFormatError(message.format(field=path or _("filen"), problem=what), path)


def as_obj(value: object, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise bad(path, _("ett objekt väntades"))
    return value


def get_list(obj: Mapping[str, Any], key: str, path: str) -> list[Any]:
    value = obj.get(key, [])
    if not isinstance(value, list):
        raise bad(join_path(path, key), _("en lista väntades"))
    return value


def as_str(value: object, path: str, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise bad(path, _("text väntades"))
    if len(value) > limit:
        message = _("texten är längre än {limit} tecken")
        raise bad(path, message.format(limit=f"{limit:,}".replace(",", " ")))
    return value


def get_str(obj: Mapping[str, Any], key: str, path: str) -> str:
    value = obj.get(key)
    return "" if value is None else as_str(value, join_path(path, key))


def get_bool(obj: Mapping[str, Any], key: str, path: str) -> bool:
    value = obj.get(key, False)
    if not isinstance(value, bool):
        raise bad(join_path(path, key), _("true eller false väntades"))
    return value


def get_date(obj: Mapping[str, Any], key: str, path: str) -> dt.date | None:
    value = obj.get(key)
    if value is None or value == "":
        return None
    text = as_str(value, join_path(path, key))
    try:
        # fromisoformat alone also takes 20261201 and 2026-W49-2: only ÅÅÅÅ-MM-DD is the format.
        if not _ISO_DATE.fullmatch(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise bad(join_path(path, key), _("ett datum som ÅÅÅÅ-MM-DD väntades")) from exc


def as_enum(cls: type[_E], value: object, path: str) -> _E:
    try:
        return cls(as_str(value, path))
    except ValueError as exc:
        allowed = ", ".join(m.value for m in cls)
        raise bad(path, _("ett av {allowed} väntades").format(allowed=allowed)) from exc


def join_path(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def read_comment(obj: Mapping[str, Any], path: str) -> Comment:
    """A comment with its replies (format 3), each field checked as the model wants it."""
    ident = get_str(obj, "id", path).strip()
    if not 1 <= len(ident) <= MAX_COMMENT_ID:
        raise bad(
            join_path(path, "id"),
            _("ett id på 1–{limit} tecken väntades").format(limit=MAX_COMMENT_ID),
        )
    index = None
    if obj.get("index") is not None:
        index = get_int(obj, "index", path, 0, MAX_ITEMS, default=0)
    start = get_int(obj, "start", path, 0, MAX_TEXT, default=0)
    end = get_int(obj, "end", path, start, MAX_TEXT, default=start)
    replies = []
    for i, item in enumerate(get_list(obj, "replies", path)):
        rpath = f"{path}.replies[{i}]"
        reply = as_obj(item, rpath)
        replies.append(
            Reply(
                get_str(reply, "author", rpath),
                _time(reply, rpath),
                get_str(reply, "text", rpath),
            )
        )
    return Comment(
        ident,
        get_str(obj, "part", path),
        index,
        get_str(obj, "field", path),
        start,
        end,
        get_str(obj, "author", path),
        _time(obj, path),
        get_str(obj, "text", path),
        tuple(replies),
        get_bool(obj, "resolved", path),
    )


def _time(obj: Mapping[str, Any], path: str) -> str:
    text = get_str(obj, "created", path)
    try:
        dt.datetime.fromisoformat(text)
    except ValueError as exc:
        message = _("en tidpunkt som ÅÅÅÅ-MM-DDTtt:mm:ss väntades")
        raise bad(join_path(path, "created"), message) from exc
    return text

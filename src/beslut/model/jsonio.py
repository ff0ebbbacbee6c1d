"""The draft file format: a draft as JSON with a format version (docs/draft-format.md)."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import replace
from enum import StrEnum
from typing import Any, TypeVar

from beslut.errors import DraftFormatError, NewerFormatError
from beslut.i18n import _
from beslut.model.draft import (
    LANGUAGES,
    LIST_KINDS,
    MAX_HEADING_LEVEL,
    MAX_LIST_LEVEL,
    MAX_LIST_START,
    Attachment,
    Block,
    BlockKind,
    Draft,
    FileRef,
    Metadata,
    Person,
    Run,
    Section,
    Signatory,
    Status,
)
from beslut.model.jsonlimits import MAX_FILE_BYTES, MAX_TEXT, check_written_size, load_json

_E = TypeVar("_E", bound=StrEnum)
LINK_SCHEMES = ("https://", "http://", "mailto:")  # what a link in a TU may open
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# base64 as mail programs and editors wrap it (RFC 2045 lines): the breaks are not data.
_BASE64_BREAKS = str.maketrans("", "", " \t\r\n")

FORMAT_NAME = "beslut-draft"
FORMAT_VERSION = 2  # 2: tables, list and heading levels, numbering starts, notes, links


# --- writing -------------------------------------------------------------------------


def draft_to_dict(draft: Draft, files: Mapping[str, bytes] | None = None) -> dict[str, Any]:
    """The draft as JSON-ready data; ``files`` (sha256 -> bytes) are embedded as base64."""
    meta = draft.meta
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "meta": {
            "title": meta.title,
            "subtitle": meta.subtitle,
            "doctype": meta.doctype,
            "namnd": meta.namnd,
            "meeting_date": _date_out(meta.meeting_date),
            "dnr": meta.dnr,
            "date": _date_out(meta.date),
            "forvaltning": meta.forvaltning,
            "avdelning": meta.avdelning,
            "handlaggare": {
                "name": meta.handlaggare.name,
                "telefon": meta.handlaggare.telefon,
                "epost": meta.handlaggare.epost,
            },
            "status": meta.status.value,
            "language": meta.language,
        },
        "decisions": list(draft.decisions),
        "sections": [
            {"key": s.key, "heading": s.heading, "blocks": [_block_out(b) for b in s.blocks]}
            for s in draft.sections
        ],
        "attachments": [_attachment_out(a, files) for a in draft.attachments],
        "signatories": [{"name": s.name, "title": s.title} for s in draft.signatories],
    }


def dumps(draft: Draft, files: Mapping[str, bytes] | None = None) -> str:
    """The draft as a JSON document (UTF-8 text, readable indentation). A document that
    would be too large to be read again (its bilaga files) raises DraftFormatError."""
    text = json.dumps(draft_to_dict(draft, files), ensure_ascii=False, indent=2) + "\n"
    if len(text) > MAX_FILE_BYTES // 4:  # a character is at most four bytes
        check_written_size(len(text.encode("utf-8")))
    return text


def body_json(draft: Draft) -> str:
    """The draft as compact JSON without file contents (how the store keeps it)."""
    return json.dumps(draft_to_dict(draft), ensure_ascii=False, separators=(",", ":"))


def _date_out(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _runs_out(runs: tuple[Run, ...]) -> list[dict[str, Any]]:
    out = []
    for run in runs:
        item: dict[str, Any] = {"text": run.text}
        if run.bold:
            item["bold"] = True
        if run.italic:
            item["italic"] = True
        if run.link:
            item["link"] = run.link
        if run.note:
            item["note"] = run.note
        out.append(item)
    return out


def _block_out(block: Block) -> dict[str, Any]:
    """A block as JSON: only what differs from the defaults, as a hand-written file has it."""
    if block.kind is BlockKind.TABLE:
        return {
            "kind": "table",
            "header_rows": block.header_rows,
            "rows": [[_runs_out(cell) for cell in row] for row in block.rows],
        }
    out: dict[str, Any] = {"kind": block.kind.value, "runs": _runs_out(block.runs)}
    if block.level and not (block.kind is BlockKind.HEADING and block.level == 1):
        out["level"] = block.level
    if block.start is not None:
        out["start"] = block.start
    return out


def _attachment_out(att: Attachment, files: Mapping[str, bytes] | None) -> dict[str, Any]:
    out: dict[str, Any] = {"title": att.title, "file": None}
    if att.file is not None:
        ref = att.file
        out["file"] = {"name": ref.name, "size": ref.size, "sha256": ref.sha256}
        if files is not None and ref.sha256 in files:
            out["file"]["data"] = base64.b64encode(files[ref.sha256]).decode("ascii")
    return out


# --- reading -------------------------------------------------------------------------


def loads(text: str | bytes) -> tuple[Draft, dict[str, bytes]]:
    """Read a draft file; returns the draft and the embedded files (sha256 -> bytes).
    The file is read within the limits of jsonlimits.py (size, depth, items, digits)."""
    try:
        data = load_json(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DraftFormatError(
            _("Filen är inte ett utkast från beslut: den är inte giltig JSON."), str(exc)
        ) from exc
    return draft_from_dict(data), files_from_dict(data)


def draft_from_dict(data: object) -> Draft:
    """Build a draft from JSON data, checking every field; unknown fields are ignored."""
    root = _obj(data, "")
    _check_version(root)
    meta = _obj(root.get("meta", {}), "meta")
    person = _obj(meta.get("handlaggare", {}), "meta.handlaggare")
    metadata = Metadata(
        title=_str(meta, "title", "meta"),
        subtitle=_str(meta, "subtitle", "meta"),
        doctype=_str(meta, "doctype", "meta") or "beslutsarende",
        namnd=_str(meta, "namnd", "meta"),
        meeting_date=_date(meta, "meeting_date", "meta"),
        dnr=_str(meta, "dnr", "meta"),
        date=_date(meta, "date", "meta"),
        forvaltning=_str(meta, "forvaltning", "meta"),
        avdelning=_str(meta, "avdelning", "meta"),
        handlaggare=Person(
            name=_str(person, "name", "meta.handlaggare"),
            telefon=_str(person, "telefon", "meta.handlaggare"),
            epost=_str(person, "epost", "meta.handlaggare"),
        ),
        status=_enum(Status, meta.get("status", "utkast"), "meta.status"),
        language=_language(meta.get("language", "sv")),
    )
    decisions = [
        _as_str(item, f"decisions[{i}]") for i, item in enumerate(_list(root, "decisions", ""))
    ]
    version = root["format_version"]
    sections = [
        _section(_obj(item, f"sections[{i}]"), f"sections[{i}]", version)
        for i, item in enumerate(_list(root, "sections", ""))
    ]
    attachments = [
        _attachment(_obj(item, f"attachments[{i}]"), f"attachments[{i}]")
        for i, item in enumerate(_list(root, "attachments", ""))
    ]
    signatories = [
        _signatory(_obj(item, f"signatories[{i}]"), f"signatories[{i}]")
        for i, item in enumerate(_list(root, "signatories", ""))
    ]
    return Draft(
        metadata, tuple(decisions), tuple(sections), tuple(attachments), tuple(signatories)
    )


def files_from_dict(data: object) -> dict[str, bytes]:
    """The files embedded in a draft file, each checked against its size and sha256."""
    files: dict[str, bytes] = {}
    root = _obj(data, "")
    for i, item in enumerate(_list(root, "attachments", "")):
        ref = _obj(item, f"attachments[{i}]").get("file")
        if not isinstance(ref, dict) or "data" not in ref:
            continue
        path = f"attachments[{i}].file"
        try:
            text = _as_str(ref["data"], path + ".data", MAX_FILE_BYTES).translate(_BASE64_BREAKS)
            content = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise _bad(path + ".data", _("innehållet är inte giltig base64")) from exc
        digest = hashlib.sha256(content).hexdigest()
        if digest != ref.get("sha256") or len(content) != ref.get("size"):
            problem = _("filens innehåll stämmer inte med dess storlek och kontrollsumma")
            raise _bad(path, problem)
        files[digest] = content
    return files


def _check_version(root: Mapping[str, Any]) -> None:
    if root.get("format") != FORMAT_NAME:
        raise DraftFormatError(
            _('Filen är inte ett utkast från beslut (fältet "format" saknas eller är fel).'),
            f"format={root.get('format')!r}",
        )
    version = root.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _bad("format_version", _("formatversionen saknas eller är inget heltal"))
    if version > FORMAT_VERSION:
        message = _(
            "Utkastet är sparat av en nyare version av beslut (format {version}; den här "
            "versionen läser format {supported}). Uppdatera beslut för att öppna det."
        )
        raise NewerFormatError(
            message.format(version=version, supported=FORMAT_VERSION),
            f"format_version {version} > {FORMAT_VERSION}",
        )


def _section(obj: Mapping[str, Any], path: str, version: int) -> Section:
    blocks: list[Block] = []
    for i, item in enumerate(_list(obj, "blocks", path)):
        bpath = f"{path}.blocks[{i}]"
        block = _block(_obj(item, bpath), bpath)
        if version == 1 and block.kind is BlockKind.NUMBERED and _restarted_in_v1(blocks):
            block = replace(block, start=1)  # version 1 restarted after any other block
        blocks.append(block)
    return Section(_str(obj, "key", path), _str(obj, "heading", path), tuple(blocks))


def _restarted_in_v1(before: list[Block]) -> bool:
    """True when a numbered item after ``before`` began a new list in version 1 (there
    every numbered item after another kind of block started again at 1)."""
    return bool(before) and before[-1].kind is not BlockKind.NUMBERED


def _block(block: Mapping[str, Any], bpath: str) -> Block:
    kind = _enum(BlockKind, block.get("kind", "paragraph"), bpath + ".kind")
    if kind is BlockKind.TABLE:
        rows = []
        for r, row in enumerate(_list(block, "rows", bpath)):
            rpath = f"{bpath}.rows[{r}]"
            if not isinstance(row, list):
                raise _bad(rpath, _("en lista väntades"))
            rows.append(tuple(_runs(cell, f"{rpath}[{c}]") for c, cell in enumerate(row)))
        header = _int(block, "header_rows", bpath, 0, len(rows), default=0)
        return Block(kind, rows=tuple(rows), header_rows=header)
    runs = _runs(block.get("runs", []), bpath + ".runs")
    if kind is BlockKind.HEADING:
        level = _int(block, "level", bpath, 1, MAX_HEADING_LEVEL, default=1)
    elif kind in LIST_KINDS:
        level = _int(block, "level", bpath, 0, MAX_LIST_LEVEL, default=0)
    else:
        level = 0
    start = None
    if kind is BlockKind.NUMBERED and block.get("start") is not None:
        start = _int(block, "start", bpath, 1, MAX_LIST_START, default=1)
    return Block(kind, runs, level=level, start=start)


def _runs(value: object, path: str) -> tuple[Run, ...]:
    if not isinstance(value, list):
        raise _bad(path, _("en lista väntades"))
    runs = []
    for j, run_item in enumerate(value):
        rpath = f"{path}[{j}]"
        run = _obj(run_item, rpath)
        runs.append(
            Run(
                _str(run, "text", rpath),
                _bool(run, "bold", rpath),
                _bool(run, "italic", rpath),
                link=_link(run, rpath),
                note=_str(run, "note", rpath),
            )
        )
    return tuple(runs)


def _link(run: Mapping[str, Any], path: str) -> str:
    link = _str(run, "link", path).strip()
    if link and not link.lower().startswith(LINK_SCHEMES):
        raise _bad(_join(path, "link"), _("en länk ska börja med https://, http:// eller mailto:"))
    return link


def _int(obj: Mapping[str, Any], key: str, path: str, low: int, high: int, *, default: int) -> int:
    value = obj.get(key, default)
    if value is None:
        return default
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        message = _("ett heltal från {low} till {high} väntades")
        raise _bad(_join(path, key), message.format(low=low, high=high))
    return value


def _signatory(obj: Mapping[str, Any], path: str) -> Signatory:
    return Signatory(_str(obj, "name", path), _str(obj, "title", path))


def _attachment(obj: Mapping[str, Any], path: str) -> Attachment:
    raw = obj.get("file")
    ref = None
    if raw is not None:
        fpath = path + ".file"
        fobj = _obj(raw, fpath)
        size = fobj.get("size")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise _bad(fpath + ".size", _("storleken är inget heltal"))
        sha = _str(fobj, "sha256", fpath)
        if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
            raise _bad(fpath + ".sha256", _("kontrollsumman är inte en sha256 i hex"))
        ref = FileRef(_str(fobj, "name", fpath), size, sha)
    return Attachment(_str(obj, "title", path), ref)


# --- field helpers: every failure names the field -------------------------------------


def _language(value: object) -> str:
    if value not in LANGUAGES:
        raise _bad("meta.language", _("ska vara ”sv” eller ”en”"))
    return str(value)


def _bad(path: str, what: str) -> DraftFormatError:
    message = _("Utkastet kan inte läsas: {field}: {problem}.")
    return DraftFormatError(message.format(field=path or _("filen"), problem=what), path)


def _obj(value: object, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _bad(path, _("ett objekt väntades"))
    return value


def _list(obj: Mapping[str, Any], key: str, path: str) -> list[Any]:
    value = obj.get(key, [])
    if not isinstance(value, list):
        raise _bad(_join(path, key), _("en lista väntades"))
    return value


def _as_str(value: object, path: str, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise _bad(path, _("text väntades"))
    if len(value) > limit:
        message = _("texten är längre än {limit} tecken")
        raise _bad(path, message.format(limit=f"{limit:,}".replace(",", " ")))
    return value


def _str(obj: Mapping[str, Any], key: str, path: str) -> str:
    value = obj.get(key)
    return "" if value is None else _as_str(value, _join(path, key))


def _bool(obj: Mapping[str, Any], key: str, path: str) -> bool:
    value = obj.get(key, False)
    if not isinstance(value, bool):
        raise _bad(_join(path, key), _("true eller false väntades"))
    return value


def _date(obj: Mapping[str, Any], key: str, path: str) -> dt.date | None:
    value = obj.get(key)
    if value is None or value == "":
        return None
    text = _as_str(value, _join(path, key))
    try:
        # fromisoformat alone also takes 20261201 and 2026-W49-2: only ÅÅÅÅ-MM-DD is the format.
        if not _ISO_DATE.fullmatch(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise _bad(_join(path, key), _("ett datum som ÅÅÅÅ-MM-DD väntades")) from exc


def _enum(cls: type[_E], value: object, path: str) -> _E:
    try:
        return cls(_as_str(value, path))
    except ValueError as exc:
        allowed = ", ".join(m.value for m in cls)
        raise _bad(path, _("ett av {allowed} väntades").format(allowed=allowed)) from exc


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key

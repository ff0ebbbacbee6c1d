"""The draft file format: a draft as JSON with a format version (docs/draft-format.md)."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from beslut.errors import DraftFormatError, NewerFormatError
from beslut.i18n import _
from beslut.model.comments import Comment
from beslut.model.draft import (
    Attachment,
    Block,
    BlockKind,
    Draft,
    Metadata,
    Person,
    Run,
    Status,
)
from beslut.model.jsonlimits import MAX_FILE_BYTES, check_written_size, load_json
from beslut.model.jsonread import (
    LINK_SCHEMES,
    as_enum,
    as_obj,
    as_str,
    bad,
    get_date,
    get_list,
    get_str,
    read_attachment,
    read_block,
    read_comment,
    read_language,
    read_section,
    read_signatory,
)

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "LINK_SCHEMES",
    "block_from_json",
    "block_json",
    "body_json",
    "draft_from_dict",
    "draft_to_dict",
    "dumps",
    "files_from_dict",
    "loads",
]

# base64 as mail programs and editors wrap it (RFC 2045 lines): the breaks are not data.
_BASE64_BREAKS = str.maketrans("", "", " \t\r\n")

FORMAT_NAME = "beslut-draft"
# 2: tables, list and heading levels, numbering starts, notes, links; 3: comments (a
# file of version 2 reads as a draft without comments).
FORMAT_VERSION = 3


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
        "comments": [_comment_out(c) for c in draft.comments],
    }


def dumps(
    draft: Draft,
    files: Mapping[str, bytes] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> str:
    """The draft as a JSON document (UTF-8 text, readable indentation), with the
    top-level fields ``extra`` beside it (readers ignore fields they do not know). A
    document that would be too large to be read again (its bilaga files) raises
    DraftFormatError."""
    root = draft_to_dict(draft, files)
    root.update(extra or {})
    text = json.dumps(root, ensure_ascii=False, indent=2) + "\n"
    if len(text) > MAX_FILE_BYTES // 4:  # a character is at most four bytes
        check_written_size(len(text.encode("utf-8")))
    return text


def body_json(draft: Draft) -> str:
    """The draft as compact JSON without file contents (how the store keeps it)."""
    return json.dumps(draft_to_dict(draft), ensure_ascii=False, separators=(",", ":"))


def block_json(block: Block) -> str:
    """One block as compact JSON, as the draft file writes it (the phrase index keeps
    each paragraph so, to insert it again with its formatting)."""
    return json.dumps(_block_out(block), ensure_ascii=False, separators=(",", ":"))


def block_from_json(text: str) -> Block:
    """The block ``block_json`` wrote (DraftFormatError when it is not one)."""
    return read_block(as_obj(json.loads(text), "block"), "block")


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


def _comment_out(comment: Comment) -> dict[str, Any]:
    return {
        "id": comment.id,
        "part": comment.part,
        "index": comment.index,
        "field": comment.field,
        "start": comment.start,
        "end": comment.end,
        "author": comment.author,
        "created": comment.created,
        "text": comment.text,
        "replies": [
            {"author": r.author, "created": r.created, "text": r.text} for r in comment.replies
        ],
        "resolved": comment.resolved,
    }


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
    draft, files, _root = loads_with_root(text)
    return draft, files


def loads_with_root(text: str | bytes) -> tuple[Draft, dict[str, bytes], dict[str, Any]]:
    """loads(), and the file's top-level JSON object (fields other readers ignore)."""
    try:
        data = load_json(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DraftFormatError(
            _("Filen är inte ett utkast från beslut: den är inte giltig JSON."), str(exc)
        ) from exc
    root = data if isinstance(data, dict) else {}
    return draft_from_dict(data), files_from_dict(data), root


def draft_from_dict(data: object) -> Draft:
    """Build a draft from JSON data, checking every field; unknown fields are ignored."""
    root = as_obj(data, "")
    _check_version(root)
    meta = as_obj(root.get("meta", {}), "meta")
    person = as_obj(meta.get("handlaggare", {}), "meta.handlaggare")
    metadata = Metadata(
        title=get_str(meta, "title", "meta"),
        subtitle=get_str(meta, "subtitle", "meta"),
        doctype=get_str(meta, "doctype", "meta") or "beslutsarende",
        namnd=get_str(meta, "namnd", "meta"),
        meeting_date=get_date(meta, "meeting_date", "meta"),
        dnr=get_str(meta, "dnr", "meta"),
        date=get_date(meta, "date", "meta"),
        forvaltning=get_str(meta, "forvaltning", "meta"),
        avdelning=get_str(meta, "avdelning", "meta"),
        handlaggare=Person(
            name=get_str(person, "name", "meta.handlaggare"),
            telefon=get_str(person, "telefon", "meta.handlaggare"),
            epost=get_str(person, "epost", "meta.handlaggare"),
        ),
        status=as_enum(Status, meta.get("status", "utkast"), "meta.status"),
        language=read_language(meta.get("language", "sv")),
    )
    decisions = [
        as_str(item, f"decisions[{i}]") for i, item in enumerate(get_list(root, "decisions", ""))
    ]
    version = root["format_version"]
    sections = [
        read_section(as_obj(item, f"sections[{i}]"), f"sections[{i}]", version)
        for i, item in enumerate(get_list(root, "sections", ""))
    ]
    attachments = [
        read_attachment(as_obj(item, f"attachments[{i}]"), f"attachments[{i}]")
        for i, item in enumerate(get_list(root, "attachments", ""))
    ]
    signatories = [
        read_signatory(as_obj(item, f"signatories[{i}]"), f"signatories[{i}]")
        for i, item in enumerate(get_list(root, "signatories", ""))
    ]
    comments = [
        read_comment(as_obj(item, f"comments[{i}]"), f"comments[{i}]")
        for i, item in enumerate(get_list(root, "comments", "") if version >= 3 else [])
    ]
    return Draft(
        metadata,
        tuple(decisions),
        tuple(sections),
        tuple(attachments),
        tuple(signatories),
        tuple(comments),
    )


def files_from_dict(data: object) -> dict[str, bytes]:
    """The files embedded in a draft file, each checked against its size and sha256."""
    files: dict[str, bytes] = {}
    root = as_obj(data, "")
    for i, item in enumerate(get_list(root, "attachments", "")):
        ref = as_obj(item, f"attachments[{i}]").get("file")
        if not isinstance(ref, dict) or "data" not in ref:
            continue
        path = f"attachments[{i}].file"
        try:
            text = as_str(ref["data"], path + ".data", MAX_FILE_BYTES).translate(_BASE64_BREAKS)
            content = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise bad(path + ".data", _("innehållet är inte giltig base64")) from exc
        digest = hashlib.sha256(content).hexdigest()
        if digest != ref.get("sha256") or len(content) != ref.get("size"):
            problem = _("filens innehåll stämmer inte med dess storlek och kontrollsumma")
            raise bad(path, problem)
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
        raise bad("format_version", _("formatversionen saknas eller är inget heltal"))
    if version > FORMAT_VERSION:
        message = _(
            "Utkastet är sparat av en nyare version av beslut (format {version}; den här "
            "versionen läser format {supported}). Uppdatera beslut för att öppna det."
        )
        raise NewerFormatError(
            message.format(version=version, supported=FORMAT_VERSION),
            f"format_version {version} > {FORMAT_VERSION}",
        )

"""The decision points and paragraphs of the stored drafts, indexed for reuse (no Qt).

Table ``phrases`` holds one row a point or block with text: the draft, the part
("decisions" for Förslag till beslut, else the section's key), its place, its text, the
block as JSON (NULL for a point, and for a paragraph without formatting, which is its
text), the draft's nämnd, and two 64-bit keys: ``norm`` of
the text normalised (normalise(): case, punctuation and whitespace ignored), which
counts duplicates, and ``digest`` of everything the row holds, which tells a save what
changed. ``phrases_fts`` indexes text and part (FTS_TOKENIZE), kept by triggers.

Drafts in the trash have no rows: moving a draft to the trash takes them out, restoring
it puts them back. A save replaces only the rows of the saved draft that changed.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from beslut.parts import DECISIONS
from beslut.store.connection import Connection, guarded
from beslut.store.records import fts_phrase, fts_query

if TYPE_CHECKING:
    from beslut.model.draft import Block, Draft

# (part, idx, text, block or None for a point, digest)
Item = tuple[str, int, str, "Block | None", int]

_COLUMNS = "part, idx, text, block, namnd, norm, digest"
# The normal form's punctuation: ASCII other than letters, digits and _ (bytes.translate
# of the UTF-8, in C), and the Latin-1 signs, general punctuation (”, –, …), arrows and
# symbols, and CJK punctuation (a short character class: str.translate or \W cost two
# to three times as much for the same 100 KB).
_ASCII_PUNCTUATION = bytes(
    b if chr(b).isalnum() or b == 0x5F or b >= 0x80 else 0x20 for b in range(256)
)
_OTHER_PUNCTUATION = re.compile(
    "[\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u2190-\u2bff\u3000-\u303f]+"
)
WINDOW = 6  # phrase_candidates reads at most this many times the rows it keeps
EXPORT_LABELS = ("Exporterad till%", "Exported to%")  # workflow/versions.py: made_by


def normalise(text: str) -> str:
    """``text`` as duplicates are compared: lower case, no punctuation, single spaces."""
    ascii_done = text.casefold().encode("utf-8", "surrogatepass").translate(_ASCII_PUNCTUATION)
    return " ".join(
        _OTHER_PUNCTUATION.sub(" ", ascii_done.decode("utf-8", "surrogatepass")).split()
    )


def _key(text: str) -> int:
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def norm_key(text: str) -> int:
    """The ``norm`` column of a row with ``text``."""
    return _key(normalise(text))


def phrase_items(draft: Draft) -> list[Item]:
    """What the rows of ``draft`` hold: each decision point and each block with text,
    with the key of all a row holds (its block's formatting too); cheap, as every save
    makes them."""
    namnd = draft.meta.namnd
    items: list[Item] = []
    for idx, point in enumerate(draft.decisions):
        if point.strip():
            items.append((DECISIONS, idx, point, None, _key(f"{DECISIONS}\0{namnd}\0\0{point}")))
    for section in draft.sections:
        key = section.key
        for idx, block in enumerate(section.blocks):
            text = block.text
            if text.strip():
                digest = _key(f"{key}\0{namnd}\0{_shape(block)}\0{text}")
                items.append((key, idx, text, block, digest))
    return items


def _shape(block: Block) -> str:
    """All of ``block`` but its text, as a string (with the text: the whole block)."""
    if block.kind == "table":
        from beslut.model.jsonio import block_json

        return block_json(block)
    runs = "".join(
        f"{len(r.text)}:{r.bold:d}{r.italic:d}:{r.link}\x1f{r.note}\x1e" for r in block.runs
    )
    return f"{block.kind.value}/{block.level}/{block.start}/{runs}"


def _plain(block: Block) -> bool:
    """True for a paragraph of one run without formatting: its row keeps no JSON (the
    text is the block), which halves the table for the usual paragraph."""
    if block.kind != "paragraph" or len(block.runs) != 1:
        return False
    run = block.runs[0]
    return not (run.bold or run.italic or run.link or run.note)


def index_draft(conn: sqlite3.Connection, draft_id: int, items: Sequence[Item], namnd: str) -> None:
    """Make the draft's rows ``items`` (phrase_items) of nämnd ``namnd``, writing only
    what changed (in the caller's transaction): a row kept whole stays, at most with
    its new place."""
    from beslut.model.jsonio import block_json

    stored: dict[int, list[tuple[int, int]]] = {}
    for row_id, idx, digest in conn.execute(
        "SELECT id, idx, digest FROM phrases WHERE draft_id = ?", (draft_id,)
    ):
        stored.setdefault(digest, []).append((row_id, idx))
    new: list[tuple[object, ...]] = []
    moved: list[tuple[int, int]] = []
    for part, idx, text, block, digest in items:
        same = stored.get(digest)
        if same:
            row_id, was = same.pop()
            if was != idx:
                moved.append((idx, row_id))
            continue
        as_json = None if block is None or _plain(block) else block_json(block)
        new.append((draft_id, part, idx, text, as_json, namnd, norm_key(text), digest))
    gone = [(row_id,) for left in stored.values() for row_id, _idx in left]
    if gone:
        conn.executemany("DELETE FROM phrases WHERE id = ?", gone)
    if moved:
        conn.executemany("UPDATE phrases SET idx = ? WHERE id = ?", moved)
    if new:
        conn.executemany(
            f"INSERT INTO phrases (draft_id, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new
        )


def unindex_draft(conn: sqlite3.Connection, draft_id: int) -> None:
    """Take the draft's rows out (in the caller's transaction)."""
    conn.execute("DELETE FROM phrases WHERE draft_id = ?", (draft_id,))


def reindex_draft(conn: sqlite3.Connection, draft_id: int) -> None:
    """Index the stored draft ``draft_id`` again (restored from the trash)."""
    body = "SELECT id, body FROM drafts WHERE id = ?"
    index_stored(conn, conn.execute(body, (draft_id,)).fetchall())


def index_stored(conn: sqlite3.Connection, bodies: Iterable[tuple[int, str]]) -> None:
    """Index drafts from their stored bodies (the migration; restoring from the trash).
    A body that cannot be read is left out: it is not offered, nothing else breaks."""
    import json

    from beslut.errors import BeslutError
    from beslut.model.jsonio import draft_from_dict

    for draft_id, body in bodies:
        try:
            draft = draft_from_dict(json.loads(body))
        except (BeslutError, ValueError, TypeError):
            continue
        index_draft(conn, draft_id, phrase_items(draft), draft.meta.namnd)


@dataclass(frozen=True, slots=True)
class StoredPhrase:
    """A candidate row with what ranking it needs of its draft."""

    id: int
    draft_id: int
    text: str
    block: str | None
    norm: int
    title: str
    namnd: str
    doctype: str
    status: str
    modified: str
    exported: bool


class PhraseIndex(Connection):
    """Finding candidates for reuse in the phrase index."""

    @guarded
    def phrase_candidates(
        self, part: str, text: str, *, namnd: str = "", exclude: int | None = None, each: int
    ) -> list[StoredPhrase]:
        """Rows of ``part`` in other drafts than ``exclude`` that hold every word of
        ``text`` as a prefix (any row of the part when ``text`` has no words).

        One walk of the index from the newest row (by when it was written) down, at most
        WINDOW * ``each`` rows, so the cost stays bounded whatever a word's frequency:
        the first ``each`` rows, and up to ``each`` more from drafts of ``namnd``.
        """
        part_term = fts_phrase(part)
        if part_term is None:
            return []
        typed = fts_query(text)
        match = f"part : {part_term}" + ("" if typed is None else f" AND text : ({typed})")
        sql = (
            "SELECT p.id, p.namnd FROM phrases_fts JOIN phrases p ON p.id = phrases_fts.rowid "
            "WHERE phrases_fts MATCH ? AND p.part = ? AND p.draft_id IS NOT ? "
            "ORDER BY phrases_fts.rowid DESC LIMIT ?"
        )
        ids: list[int] = []
        near = 0
        for row_id, row_namnd in self._conn.execute(sql, (match, part, exclude, WINDOW * each)):
            if len(ids) < each:
                ids.append(row_id)
            elif namnd and row_namnd == namnd:
                ids.append(row_id)
                near += 1
                if near == each:
                    break
        return self._stored_phrases(ids)

    def _stored_phrases(self, ids: list[int]) -> list[StoredPhrase]:
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        exported = " OR ".join("r.label LIKE ?" for _ in EXPORT_LABELS)
        sql = (
            "SELECT p.id, p.draft_id, p.text, p.block, p.norm, d.title, d.namnd, d.doctype, "
            "d.status, d.modified, EXISTS (SELECT 1 FROM revisions r "
            f"WHERE r.draft_id = p.draft_id AND ({exported})) "
            # CROSS JOIN: the phrases first (SQLite would otherwise walk every draft).
            "FROM phrases p CROSS JOIN drafts d ON d.id = p.draft_id "
            f"WHERE p.id IN ({marks}) AND d.deleted IS NULL"
        )
        rows = self._conn.execute(sql, (*EXPORT_LABELS, *ids))
        return [_stored_phrase(row) for row in rows]

    @guarded
    def phrase_counts(self, part: str, norms: Iterable[int], exclude: int | None) -> dict[int, int]:
        """How many rows of ``part`` (outside draft ``exclude``) have each of ``norms``."""
        wanted = list(set(norms))
        if not wanted:
            return {}
        marks = ", ".join("?" for _ in wanted)
        rows = self._conn.execute(
            f"SELECT norm, count(*) FROM phrases WHERE part = ? AND norm IN ({marks}) "
            "AND draft_id IS NOT ? GROUP BY norm",
            (part, *wanted, exclude),
        )
        return {norm: count for norm, count in rows}


def _stored_phrase(row: tuple[Any, ...]) -> StoredPhrase:
    row_id, draft_id, text, block, norm, title, namnd, doctype, status, modified, exported = row
    return StoredPhrase(
        row_id, draft_id, text, block, norm, title, namnd, doctype, status, modified, bool(exported)
    )

"""The local store: drafts, revisions, bilaga files and settings in one SQLite file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from beslut.model.draft import Draft, FileRef

from beslut import clock
from beslut.errors import NotFoundError
from beslut.i18n import _
from beslut.store import errors, phrases
from beslut.store.connection import guarded, now
from beslut.store.records import DraftSummary, RevisionInfo, SaveResult, fts_query
from beslut.store.reviews import PendingReviews

__all__ = ["DraftSummary", "RevisionInfo", "SaveResult", "Store", "fts_query", "now"]

TRASH_DAYS = 30
_CHUNK = 1024 * 1024  # bilaga files are read and written in pieces of this size
_LIST_COLUMNS = "id, title, namnd, dnr, status, doctype, created, modified, deleted"


class Store(PendingReviews, phrases.PhraseIndex):
    """One open database: drafts, revisions, bilaga files and settings. Thread-safe:
    every call holds the store's lock (connection.py opens, guards and closes it)."""

    def _after_open(self) -> None:
        from beslut.tempfiles import clean_beside_database

        self._purge_trash()
        clean_beside_database(self.path)  # a killed restore's copy of a backup

    # --- drafts -------------------------------------------------------------------

    @guarded
    def create_drafts(
        self, drafts: Iterable[tuple[Draft, Mapping[str, bytes] | None]]
    ) -> list[int]:
        """Store several new drafts in one transaction: all of them, or none."""
        with self._atomic():
            return [self.create_draft(draft, files) for draft, files in drafts]

    @guarded
    def create_draft(self, draft: Draft, files: Mapping[str, bytes] | None = None) -> int:
        """Store a new draft (and the bilaga files it brings); returns its id."""
        stamp = now()
        items = phrases.phrase_items(draft)
        with self._atomic():
            self._put_files(draft, files)
            cursor = self._conn.execute(
                "INSERT INTO drafts (title, namnd, dnr, status, doctype, created, modified, "
                "body, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*_columns(draft), stamp, stamp, _body(draft), draft.search_text()),
            )
            assert cursor.lastrowid is not None
            phrases.index_draft(self._conn, cursor.lastrowid, items, draft.meta.namnd)
        return cursor.lastrowid

    @guarded
    def save_draft(
        self,
        draft_id: int,
        draft: Draft,
        files: Mapping[str, bytes] | None = None,
        *,
        expected_change: int | None = None,
    ) -> SaveResult:
        """Replace the stored draft ``draft_id`` with ``draft``, counting the change.

        With ``expected_change``, the save is refused (StoreConflictError, nothing
        written) when the stored draft's change counter is another: someone else saved
        it since it was read at that counter.
        """
        stamp = now()
        body, text = _body(draft), draft.search_text()  # serialised before the write begins
        items = phrases.phrase_items(draft)
        with self._atomic():
            row = self._conn.execute(
                "SELECT change, title, deleted FROM drafts WHERE id = ?", (draft_id,)
            ).fetchone()
            if row is None:
                raise _no_draft(draft_id)
            stored, title, deleted = row
            if expected_change is not None and stored != expected_change:
                raise errors.conflict(draft_id, draft.meta.title or title, expected_change, stored)
            self._put_files(draft, files)
            self._conn.execute(
                "UPDATE drafts SET title = ?, namnd = ?, dnr = ?, status = ?, doctype = ?, "
                "modified = ?, body = ?, text = ?, change = ? WHERE id = ?",
                (*_columns(draft), stamp, body, text, stored + 1, draft_id),
            )
            if deleted is None:  # a draft in the trash has no phrases to offer
                phrases.index_draft(self._conn, draft_id, items, draft.meta.namnd)
        return SaveResult(stamp, stored + 1)

    @guarded
    def load_draft(self, draft_id: int) -> Draft:
        """The stored draft ``draft_id`` (also from the trash)."""
        row = self._conn.execute("SELECT body FROM drafts WHERE id = ?", (draft_id,)).fetchone()
        if row is None:
            raise _no_draft(draft_id)
        return _draft(row[0])

    @guarded
    def load_draft_and_change(self, draft_id: int) -> tuple[Draft, int]:
        """The stored draft ``draft_id`` and its change counter, read together."""
        row = self._conn.execute(
            "SELECT body, change FROM drafts WHERE id = ?", (draft_id,)
        ).fetchone()
        if row is None:
            raise _no_draft(draft_id)
        return _draft(row[0]), row[1]

    @guarded
    def draft_change(self, draft_id: int) -> int:
        """The change counter of draft ``draft_id``: how many times it was saved."""
        row = self._conn.execute("SELECT change FROM drafts WHERE id = ?", (draft_id,)).fetchone()
        if row is None:
            raise _no_draft(draft_id)
        change: int = row[0]
        return change

    @guarded
    def summary(self, draft_id: int) -> DraftSummary:
        """The list entry of draft ``draft_id``."""
        row = self._conn.execute(
            f"SELECT {_LIST_COLUMNS} FROM drafts WHERE id = ?", (draft_id,)
        ).fetchone()
        if row is None:
            raise _no_draft(draft_id)
        return DraftSummary(*row)

    @guarded
    def list_drafts(self, search: str | None = None, *, trash: bool = False) -> list[DraftSummary]:
        """The drafts (or those in the trash), newest first; ``search`` filters by any text."""
        where = "deleted IS NOT NULL" if trash else "deleted IS NULL"
        if search is None or not search.strip():
            order = "ORDER BY modified DESC, id DESC"
            sql = f"SELECT {_LIST_COLUMNS} FROM drafts WHERE {where} {order}"
            return [DraftSummary(*row) for row in self._conn.execute(sql)]
        query = fts_query(search)
        if query is None:
            return []
        # The full-text index drives the query, so a rare word reads only its drafts.
        columns = ", ".join(f"drafts.{c.strip()}" for c in _LIST_COLUMNS.split(","))
        sql = (
            f"SELECT {columns} FROM drafts_fts JOIN drafts ON drafts.id = drafts_fts.rowid "
            f"WHERE drafts_fts MATCH ? AND drafts.{where} "
            "ORDER BY drafts.modified DESC, drafts.id DESC"
        )
        return [DraftSummary(*row) for row in self._conn.execute(sql, (query,))]

    @guarded
    def delete_draft(self, draft_id: int) -> None:
        """Move a draft to the trash; it can be restored for TRASH_DAYS days."""
        self._set_deleted(draft_id, now())

    @guarded
    def restore_draft(self, draft_id: int) -> None:
        """Take a draft back from the trash."""
        self._set_deleted(draft_id, None)

    def _set_deleted(self, draft_id: int, value: str | None) -> None:
        with self._atomic():
            cursor = self._conn.execute(
                "UPDATE drafts SET deleted = ? WHERE id = ?", (value, draft_id)
            )
            if cursor.rowcount == 0:
                raise _no_draft(draft_id)
            # Text from the trash is never offered for reuse.
            (phrases.unindex_draft if value else phrases.reindex_draft)(self._conn, draft_id)

    def _purge_trash(self, days: int = TRASH_DAYS) -> None:
        cutoff = (clock.now() - dt.timedelta(days=days)).isoformat()
        expired = "SELECT 1 FROM drafts WHERE deleted IS NOT NULL AND deleted < ? LIMIT 1"
        if self._conn.execute(expired, (cutoff,)).fetchone() is None:
            return
        with self._atomic():
            old = "SELECT id FROM drafts WHERE deleted IS NOT NULL AND deleted < ?"
            self._conn.execute(f"DELETE FROM revisions WHERE draft_id IN ({old})", (cutoff,))
            self._conn.execute(f"DELETE FROM reviews WHERE draft_id IN ({old})", (cutoff,))
            self._conn.execute(f"DELETE FROM phrases WHERE draft_id IN ({old})", (cutoff,))
            self._conn.execute(
                "DELETE FROM drafts WHERE deleted IS NOT NULL AND deleted < ?", (cutoff,)
            )

    # --- revisions ----------------------------------------------------------------

    @guarded
    def add_revision(self, draft_id: int, label: str = "", draft: Draft | None = None) -> int:
        """Snapshot draft ``draft_id``; returns the revision id.

        The revision holds ``draft`` when given (e.g. the draft an export actually wrote),
        else the stored draft as it is now.
        """
        given = None if draft is None else _body(draft)  # serialised before the write begins
        with self._atomic():
            row = self._conn.execute("SELECT body FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if row is None:
                raise _no_draft(draft_id)
            cursor = self._conn.execute(
                "INSERT INTO revisions (draft_id, created, label, body) VALUES (?, ?, ?, ?)",
                (draft_id, now(), label, row[0] if given is None else given),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    @guarded
    def list_revisions(self, draft_id: int) -> list[RevisionInfo]:
        """The revisions of a draft, newest first."""
        rows = self._conn.execute(
            "SELECT id, draft_id, created, label FROM revisions WHERE draft_id = ? "
            "ORDER BY created DESC, id DESC",
            (draft_id,),
        )
        return [RevisionInfo(r[0], r[1], r[2], r[3] or "") for r in rows]

    @guarded
    def load_revision(self, revision_id: int) -> Draft:
        """The draft as it was in revision ``revision_id``."""
        row = self._conn.execute(
            "SELECT body FROM revisions WHERE id = ?", (revision_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(
                _("Versionen {id} finns inte.").format(id=revision_id),
                f"revision {revision_id} not found",
            )
        return _draft(row[0])

    # --- files --------------------------------------------------------------------

    @guarded
    def put_file(self, name: str, data: bytes) -> FileRef:
        """Keep ``data`` in the database; returns the reference a bilaga holds."""
        from beslut.model.draft import FileRef

        ref = FileRef(name, len(data), _sha256(data))
        with self._atomic():
            self._insert_file(ref.sha256, data)
        return ref

    def put_file_from(self, path: Path, name: str | None = None) -> FileRef:
        """Keep the file at ``path`` in the database, read in pieces: memory stays small
        whatever its size. Raises OSError when the file cannot be read."""
        import hashlib

        from beslut.model.draft import FileRef
        from beslut.store.ownfiles import refuse_database_file

        refuse_database_file(path, self.path)  # reading it here would drop its locks
        digest, size = hashlib.sha256(), 0
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
        ref = FileRef(name or path.name, size, digest.hexdigest())
        self._stream_file(ref, path)
        return ref

    @guarded
    def _stream_file(self, ref: FileRef, path: Path) -> None:
        with self._atomic():
            exists = "SELECT 1 FROM files WHERE sha256 = ?"
            if self._conn.execute(exists, (ref.sha256,)).fetchone() is not None:
                return  # stored already: files are kept by their content
            cursor = self._conn.execute(
                "INSERT INTO files (sha256, size, created, data) VALUES (?, ?, ?, zeroblob(?))",
                (ref.sha256, ref.size, now(), ref.size),
            )
            rowid = cursor.lastrowid
            if not ref.size or rowid is None:
                return
            with (
                self._conn.blobopen("files", "data", rowid) as blob,
                path.open("rb") as handle,
            ):
                import hashlib

                digest, left = hashlib.sha256(), ref.size
                while left and (chunk := handle.read(min(_CHUNK, left))):
                    blob.write(chunk)
                    digest.update(chunk)
                    left -= len(chunk)
                changed = left or handle.read(1) or digest.hexdigest() != ref.sha256
                if changed:  # rolled back by _atomic: nothing is kept
                    raise OSError(f"{path} changed while it was being stored")

    @guarded
    def get_file(self, sha256: str) -> bytes:
        """The content of a stored file."""
        row = self._conn.execute("SELECT data FROM files WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None:
            message = _("En bifogad fil saknas i databasen.")
            raise NotFoundError(message, f"file {sha256} not found")
        return bytes(row[0])

    @guarded
    def has_files(self, hashes: Iterable[str]) -> set[str]:
        """Those of ``hashes`` whose files are stored."""
        wanted = list(set(hashes))
        if not wanted:
            return set()
        marks = ", ".join("?" for _ in wanted)
        rows = self._conn.execute(f"SELECT sha256 FROM files WHERE sha256 IN ({marks})", wanted)
        return {row[0] for row in rows}

    def files_for(self, draft: Draft) -> dict[str, bytes]:
        """The stored files a draft's bilagor point at (missing ones are left out)."""
        present = self.has_files(ref.sha256 for ref in draft.file_refs())
        return {sha: self.get_file(sha) for sha in present}

    def _put_files(self, draft: Draft, files: Mapping[str, bytes] | None) -> None:
        if not files:
            return
        for ref in draft.file_refs():
            data = files.get(ref.sha256)
            if data is not None and _sha256(data) == ref.sha256:
                self._insert_file(ref.sha256, data)

    def _insert_file(self, sha256: str, data: bytes) -> None:
        self._conn.execute(
            "INSERT OR IGNORE INTO files (sha256, size, created, data) VALUES (?, ?, ?, ?)",
            (sha256, len(data), now(), data),
        )

    # --- settings -----------------------------------------------------------------

    @guarded
    def get_setting(self, key: str, default: Any = None) -> Any:
        """A stored setting (any JSON value), or ``default``."""
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        import json  # only for a stored setting: start-up time

        return json.loads(row[0])

    @guarded
    def set_setting(self, key: str, value: Any) -> None:
        """Store a setting (any JSON value)."""
        with self._atomic():
            self._put_setting(key, value)

    @guarded
    def set_settings(self, values: Mapping[str, Any]) -> None:
        """Store several settings (JSON values) at once: all of them or, on failure, none."""
        with self._atomic():
            for key, value in values.items():
                self._put_setting(key, value)

    def _put_setting(self, key: str, value: Any) -> None:
        import json

        self._conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, ensure_ascii=False)),
        )


def _sha256(data: bytes) -> str:
    import hashlib  # with the first bilaga file, not at start-up

    return hashlib.sha256(data).hexdigest()


# The model loads with the first draft read or written, not when the store opens: the
# draft list at start-up needs only the summaries (start-up time).
def _body(draft: Draft) -> str:
    from beslut.model.jsonio import body_json

    return body_json(draft)


def _draft(body: str) -> Draft:
    import json

    from beslut.model.jsonio import draft_from_dict

    return draft_from_dict(json.loads(body))


def _columns(draft: Draft) -> tuple[str, str, str, str, str]:
    meta = draft.meta
    return (meta.title, meta.namnd, meta.dnr, meta.status.value, meta.doctype)


def _no_draft(draft_id: int) -> NotFoundError:
    message = _("Utkastet {id} finns inte.").format(id=draft_id)
    return NotFoundError(message, f"draft {draft_id} not found")

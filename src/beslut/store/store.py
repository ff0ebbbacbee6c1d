"""The local store: drafts, revisions, bilaga files and settings in one SQLite file."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

if TYPE_CHECKING:
    from beslut.model.draft import Draft, FileRef
    from beslut.store.writers import WritersLock

from beslut import clock
from beslut.errors import NotFoundError
from beslut.i18n import _
from beslut.store import errors
from beslut.store.connect import (
    applied_migrations,
    check_existing,
    connect,
    journal_mode,
    writable,
)
from beslut.store.loose import FileWatch, Loose, abandon
from beslut.store.paths import check_path, expand
from beslut.store.versions import MIGRATION_NAMES

TRASH_DAYS = 30
WRITERS_WAIT = 30.0  # seconds a writer waits for a restore to finish
_CHUNK = 1024 * 1024  # bilaga files are read and written in pieces of this size
_LIST_COLUMNS = "id, title, namnd, dnr, status, doctype, created, modified, deleted"
_WORD = re.compile(r"\w+")

log = logging.getLogger(__name__)
_P = ParamSpec("_P")
_T = TypeVar("_T")


def now() -> str:
    """The current time as the store writes it: ISO 8601 in UTC, microseconds."""
    return clock.stamp()


@dataclass(frozen=True, slots=True)
class DraftSummary:
    """What the list of drafts shows about one draft."""

    id: int
    title: str
    namnd: str
    dnr: str
    status: str
    doctype: str
    created: str
    modified: str
    deleted: str | None = None

    def as_json(self) -> dict[str, Any]:
        """The summary as JSON-ready data."""
        return {
            "id": self.id,
            "title": self.title,
            "namnd": self.namnd,
            "dnr": self.dnr,
            "status": self.status,
            "doctype": self.doctype,
            "created": self.created,
            "modified": self.modified,
            "deleted": self.deleted,
        }


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What a save stored: when, and the draft's change counter after it."""

    stamp: str
    change: int


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    """A stored snapshot of a draft."""

    id: int
    draft_id: int
    created: str
    label: str


def fts_query(text: str) -> str | None:
    """A safe FTS5 query from what a person typed: each word quoted, as a prefix.

    Only word characters reach FTS5, so no input can be a syntax error; None when the
    input has no words at all.
    """
    words = _WORD.findall(text)
    return " ".join(f'"{word}"*' for word in words) if words else None


class _CameLoose(Exception):
    """The connection no longer writes to the files on disk (found before writing)."""

    def __init__(self, loose: Loose) -> None:
        super().__init__(loose.reason)
        self.loose = loose


def _guarded(method: Callable[_P, _T]) -> Callable[_P, _T]:
    """Serialise access to the connection and turn SQLite failures into StoreErrors.

    A connection that has come loose from the files on disk (store/loose.py) is replaced
    by a fresh one before the call, and when a write finds it loose before writing, the
    call runs again on the fresh one.
    """

    @functools.wraps(method)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        store = args[0]
        assert isinstance(store, Store)
        with store._lock:
            try:
                store._reattach_if_loose()
                try:
                    return method(*args, **kwargs)
                except _CameLoose as came:
                    store._reattach(came.loose)
                    return method(*args, **kwargs)
            except sqlite3.Error as exc:
                typed = errors.translate(exc, store.path)
                if typed is None:
                    raise
                raise typed from exc

    return wrapper


class Store:
    """One open database. Thread-safe: every call holds the store's lock."""

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self._conn = conn
        self._lock = threading.RLock()
        self._watch: FileWatch | None = None  # the files a writing connection opened
        self._writers: WritersLock | None = None  # held shared while the store may write
        self.reconnections = 0  # how often the connection came loose and was replaced
        self._gone: errors.StoreCameLooseError | None = None  # the file itself went away

    # --- opening ------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        seed: Callable[[Store], object] | None = None,
        read_only: bool = False,
        on_wait: Callable[[], None] | None = None,
    ) -> Store:
        """Open (or create) the database at ``path``, migrating it to this version.

        ``seed`` runs once, on a database this call created. A database written by a
        newer beslut, or a file that is not a database, is refused and left unchanged.
        A file the user cannot write is opened read-only. A path that cannot be a
        database (a folder, a FIFO, "") is refused before anything is opened. A store
        that may write holds the database's writers lock shared until it closes
        (store/writers.py), waiting up to WRITERS_WAIT seconds while a restore replaces
        the file (``on_wait`` is called once when it has to wait).
        """
        path = expand(path)
        check_path(path)
        created = not path.exists()
        try:
            if created:
                path.parent.mkdir(parents=True, exist_ok=True)
            else:
                check_existing(path)
                read_only = read_only or not writable(path)
            writers = None if read_only else _writers_lock(path, on_wait)
            try:
                conn = connect(path, read_only)
            except BaseException:
                if writers is not None:
                    writers.release()
                raise
        except sqlite3.Error as exc:
            raise errors.translate(exc, path) or exc from exc
        except OSError as exc:
            message = _("Databasen {path} kan inte skapas eller öppnas: {why}.")
            raise errors.StoreUnavailableError(
                message.format(path=path, why=exc.strerror), str(exc)
            ) from exc
        store = cls(conn, path, read_only)
        store._writers = writers
        try:
            store._prepare()
            if created and seed is not None:
                seed(store)
        except BaseException:
            store.close()
            raise
        return store

    @_guarded
    def _prepare(self) -> None:
        pending = set(MIGRATION_NAMES) - applied_migrations(self._conn)
        if self.read_only:
            if pending:
                message = _(
                    "Databasen {path} är skrivskyddad och behöver uppdateras till den "
                    "här versionen av beslut. Öppna den med skrivbehörighet en gång."
                )
                raise errors.StoreReadOnlyError(
                    message.format(path=self.path), "read-only database with pending migrations"
                )
            return
        self._configure(pending)
        self._purge_trash()

    def _configure(self, pending: set[str]) -> None:
        """Set the journal mode, apply ``pending`` migrations, note the files opened."""
        mode = self._conn.execute(f"PRAGMA journal_mode = {journal_mode(self.path)}").fetchone()
        if pending:
            # sqlite-utils costs ~100 ms to import: only when the schema must change.
            from sqlite_utils import Database

            from beslut.store.schema import migrations

            migrations.apply(Database(self._conn))
        wal = bool(mode) and str(mode[0]).lower() == "wal"
        self._watch = FileWatch.of(self.path, wal=wal)

    def _reattach_if_loose(self) -> None:
        if self._gone is not None:
            raise self._gone
        if self._watch is None or self._conn.in_transaction:
            return
        loose = self._watch.loose()
        if loose is not None:
            self._reattach(loose)

    def _reattach(self, loose: Loose) -> None:
        """Replace a connection whose -wal came loose with a fresh one on the same file.

        When the database file itself was moved, removed or replaced, nothing is opened
        by its name: the connection's own log is set aside (so nobody replays it onto
        another file) and every later call raises StoreCameLooseError.
        """
        log.warning("the database connection came loose: %s", loose.reason)
        abandon(self._conn)
        assert self._watch is not None
        if loose.database_gone:
            kept = self._watch.set_aside_own_log(clock.now().strftime("%Y%m%d-%H%M%S"))
            self._gone = errors.database_gone(self.path, loose.reason, kept)
            raise self._gone
        self._conn = connect(self.path, self.read_only, create=False)
        self._configure(set(MIGRATION_NAMES) - applied_migrations(self._conn))
        self.reconnections += 1

    @contextlib.contextmanager
    def _atomic(self) -> Iterator[None]:
        """A transaction, or a savepoint inside one; rolled back on any error."""
        if self._conn.in_transaction:
            self._conn.execute("SAVEPOINT nested")
            try:
                yield
            except BaseException:
                self._conn.execute("ROLLBACK TO nested")
                self._conn.execute("RELEASE nested")
                raise
            self._conn.execute("RELEASE nested")
            return
        self._conn.execute("BEGIN IMMEDIATE")
        loose = None if self._watch is None else self._watch.loose()
        if loose is not None:  # nothing written yet: _guarded runs the call again
            self._conn.execute("ROLLBACK")
            raise _CameLoose(loose)
        try:
            yield
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")
        loose = None if self._watch is None else self._watch.loose()
        if loose is not None:
            self._reattach(loose)
            raise errors.came_loose(self.path, loose.reason)

    def backup_into(self, target: sqlite3.Connection) -> None:
        """Copy the whole database, as committed now, into ``target`` (SQLite's backup API).

        Works while the store is in use (writes wait for it) and on a read-only store.
        SQLite errors are not translated: the caller knows which side it was writing.
        """
        with self._lock:
            self._reattach_if_loose()
            self._conn.backup(target)

    def close(self) -> None:
        """Close the connection (checkpointing the write-ahead log, unless the connection
        came loose from the files on disk: its close would then write an orphaned log)."""
        with self._lock:
            try:
                if self._gone is None:
                    loose = None if self._watch is None else self._watch.loose()
                    if loose is not None:
                        log.warning("closing a loose connection, no checkpoint: %s", loose.reason)
                        abandon(self._conn)
                    else:
                        self._conn.close()
            finally:
                if self._writers is not None:
                    self._writers.release()
                    self._writers = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- drafts -------------------------------------------------------------------

    @_guarded
    def create_drafts(
        self, drafts: Iterable[tuple[Draft, Mapping[str, bytes] | None]]
    ) -> list[int]:
        """Store several new drafts in one transaction: all of them, or none."""
        with self._atomic():
            return [self.create_draft(draft, files) for draft, files in drafts]

    @_guarded
    def create_draft(self, draft: Draft, files: Mapping[str, bytes] | None = None) -> int:
        """Store a new draft (and the bilaga files it brings); returns its id."""
        stamp = now()
        with self._atomic():
            self._put_files(draft, files)
            cursor = self._conn.execute(
                "INSERT INTO drafts (title, namnd, dnr, status, doctype, created, modified, "
                "body, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*_columns(draft), stamp, stamp, _body(draft), draft.search_text()),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    @_guarded
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
        with self._atomic():
            row = self._conn.execute(
                "SELECT change, title FROM drafts WHERE id = ?", (draft_id,)
            ).fetchone()
            if row is None:
                raise _no_draft(draft_id)
            stored, title = row
            if expected_change is not None and stored != expected_change:
                raise errors.conflict(draft_id, draft.meta.title or title, expected_change, stored)
            self._put_files(draft, files)
            self._conn.execute(
                "UPDATE drafts SET title = ?, namnd = ?, dnr = ?, status = ?, doctype = ?, "
                "modified = ?, body = ?, text = ?, change = ? WHERE id = ?",
                (*_columns(draft), stamp, body, text, stored + 1, draft_id),
            )
        return SaveResult(stamp, stored + 1)

    @_guarded
    def load_draft(self, draft_id: int) -> Draft:
        """The stored draft ``draft_id`` (also from the trash)."""
        row = self._conn.execute("SELECT body FROM drafts WHERE id = ?", (draft_id,)).fetchone()
        if row is None:
            raise _no_draft(draft_id)
        return _draft(row[0])

    @_guarded
    def load_draft_and_change(self, draft_id: int) -> tuple[Draft, int]:
        """The stored draft ``draft_id`` and its change counter, read together."""
        row = self._conn.execute(
            "SELECT body, change FROM drafts WHERE id = ?", (draft_id,)
        ).fetchone()
        if row is None:
            raise _no_draft(draft_id)
        return _draft(row[0]), row[1]

    @_guarded
    def draft_change(self, draft_id: int) -> int:
        """The change counter of draft ``draft_id``: how many times it was saved."""
        row = self._conn.execute("SELECT change FROM drafts WHERE id = ?", (draft_id,)).fetchone()
        if row is None:
            raise _no_draft(draft_id)
        change: int = row[0]
        return change

    @_guarded
    def summary(self, draft_id: int) -> DraftSummary:
        """The list entry of draft ``draft_id``."""
        row = self._conn.execute(
            f"SELECT {_LIST_COLUMNS} FROM drafts WHERE id = ?", (draft_id,)
        ).fetchone()
        if row is None:
            raise _no_draft(draft_id)
        return DraftSummary(*row)

    @_guarded
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

    @_guarded
    def delete_draft(self, draft_id: int) -> None:
        """Move a draft to the trash; it can be restored for TRASH_DAYS days."""
        self._set_deleted(draft_id, now())

    @_guarded
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

    def _purge_trash(self, days: int = TRASH_DAYS) -> None:
        cutoff = (clock.now() - dt.timedelta(days=days)).isoformat()
        expired = "SELECT 1 FROM drafts WHERE deleted IS NOT NULL AND deleted < ? LIMIT 1"
        if self._conn.execute(expired, (cutoff,)).fetchone() is None:
            return
        with self._atomic():
            old = "SELECT id FROM drafts WHERE deleted IS NOT NULL AND deleted < ?"
            self._conn.execute(f"DELETE FROM revisions WHERE draft_id IN ({old})", (cutoff,))
            self._conn.execute(
                "DELETE FROM drafts WHERE deleted IS NOT NULL AND deleted < ?", (cutoff,)
            )

    # --- revisions ----------------------------------------------------------------

    @_guarded
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

    @_guarded
    def list_revisions(self, draft_id: int) -> list[RevisionInfo]:
        """The revisions of a draft, newest first."""
        rows = self._conn.execute(
            "SELECT id, draft_id, created, label FROM revisions WHERE draft_id = ? "
            "ORDER BY created DESC, id DESC",
            (draft_id,),
        )
        return [RevisionInfo(r[0], r[1], r[2], r[3] or "") for r in rows]

    @_guarded
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

    @_guarded
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

    @_guarded
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

    @_guarded
    def get_file(self, sha256: str) -> bytes:
        """The content of a stored file."""
        row = self._conn.execute("SELECT data FROM files WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None:
            message = _("En bifogad fil saknas i databasen.")
            raise NotFoundError(message, f"file {sha256} not found")
        return bytes(row[0])

    @_guarded
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

    @_guarded
    def get_setting(self, key: str, default: Any = None) -> Any:
        """A stored setting (any JSON value), or ``default``."""
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        import json  # only for a stored setting: start-up time

        return json.loads(row[0])

    @_guarded
    def set_setting(self, key: str, value: Any) -> None:
        """Store a setting (any JSON value)."""
        with self._atomic():
            self._put_setting(key, value)

    @_guarded
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


def _writers_lock(path: Path, on_wait: Callable[[], None] | None) -> WritersLock:
    from beslut.store.writers import hold_shared

    lock = hold_shared(path, WRITERS_WAIT, on_wait)
    if lock is None:
        message = _(
            "Databasen {path} återställs från en säkerhetskopia just nu. Vänta en stund och "
            "försök igen."
        )
        raise errors.StoreLockedError(message.format(path=path), "writers lock held exclusively")
    return lock


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

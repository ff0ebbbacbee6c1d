"""The store's connection to its SQLite file: opening and migrating it, transactions, the
writers lock, noticing that the connection came loose from the files on disk (loose.py)
and closing it (no Qt)."""

from __future__ import annotations

import contextlib
import functools
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, Self, TypeVar

from beslut import clock
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

if TYPE_CHECKING:
    from beslut.store.writers import WritersLock

WRITERS_WAIT = 30.0  # seconds a writer waits for a restore to finish

log = logging.getLogger(__name__)
_P = ParamSpec("_P")
_T = TypeVar("_T")


def now() -> str:
    """The current time as the store writes it: ISO 8601 in UTC, microseconds."""
    return clock.stamp()


class _CameLoose(Exception):
    """The connection no longer writes to the files on disk (found before writing)."""

    def __init__(self, loose: Loose) -> None:
        super().__init__(loose.reason)
        self.loose = loose


def guarded(method: Callable[_P, _T]) -> Callable[_P, _T]:
    """Serialise access to the connection and turn SQLite failures into StoreErrors.

    A connection that has come loose from the files on disk (store/loose.py) is replaced
    by a fresh one before the call, and when a write finds it loose before writing, the
    call runs again on the fresh one.
    """

    @functools.wraps(method)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        store = args[0]
        assert isinstance(store, Connection)
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


class Connection:
    """One open database file: opening it, its transactions, noticing that it came
    loose, and closing it. Thread-safe: every call holds the lock. Store adds the data."""

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
        seed: Callable[[Self], object] | None = None,
        read_only: bool = False,
        on_wait: Callable[[], None] | None = None,
    ) -> Self:
        """Open (or create) the database at ``path``, migrating it to this version.

        ``seed`` runs once, on a database this call created. A database written by a
        newer beslut, or a file that is not a database, is refused and left unchanged.
        A file the user cannot write is opened read-only. A path that cannot be a
        database (a folder, a FIFO, "") is refused before anything is opened. A store
        that may write holds the database's writers lock shared until it closes
        (store/writers.py), waiting up to WRITERS_WAIT seconds while a restore replaces
        the file (``on_wait`` is called once when it has to wait). Creating, migrating
        and seeding happen under the database's set-up lock, one process at a time.
        """
        path = expand(path)
        check_path(path)
        setup = None if read_only else _set_up_alone(path)
        try:
            return cls._open(path, seed, read_only, on_wait)
        finally:
            if setup is not None:
                setup.release()

    @classmethod
    def _open(
        cls,
        path: Path,
        seed: Callable[[Self], object] | None,
        read_only: bool,
        on_wait: Callable[[], None] | None,
    ) -> Self:
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

    @guarded
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
        self._after_open()

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
                self._roll_back(to_savepoint=True)
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
            self._conn.execute("COMMIT")  # a full disk can fail here too
        except BaseException:
            self._roll_back(to_savepoint=False)
            raise
        loose = None if self._watch is None else self._watch.loose()
        if loose is not None:
            self._reattach(loose)
            raise errors.came_loose(self.path, loose.reason)

    def _roll_back(self, *, to_savepoint: bool) -> None:
        """Undo what failed, keeping the failure itself for the caller. A full disk, an
        I/O error or running out of memory makes SQLite roll the whole transaction back
        itself; the savepoint is gone then, and saying "no such savepoint" instead of
        "database or disk is full" would hide what the user must know."""
        if not self._conn.in_transaction:
            return
        try:
            if to_savepoint:
                self._conn.execute("ROLLBACK TO nested")
                self._conn.execute("RELEASE nested")
            else:
                self._conn.execute("ROLLBACK")
        except sqlite3.Error as exc:
            log.warning("rolling back after a failure failed too: %s", exc)

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

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _after_open(self) -> None:
        """What a subclass does once a writable database is open and migrated."""


def _set_up_alone(path: Path) -> WritersLock | None:
    from beslut.store.writers import set_up_alone

    return set_up_alone(path)


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

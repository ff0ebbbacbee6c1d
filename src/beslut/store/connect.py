"""Opening the SQLite file: connections, the journal mode, and the checks before writing."""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from pathlib import Path

from beslut.store import errors
from beslut.store.versions import MIGRATION_NAMES, MIGRATION_SET, SCHEMA_VERSION

log = logging.getLogger(__name__)

CHECK_SECONDS = 1.0  # what the check of a large database may add to opening it
FULL_CHECK_BYTES = 8_000_000  # below this size the full integrity_check is cheap (~50 ms)
_CORRUPT, _NOTADB = 11, 26


def connect(path: Path, read_only: bool, *, create: bool = True) -> sqlite3.Connection:
    """A connection for the store: shared between threads under its lock, autocommit;
    without ``create``, a missing file is an error rather than a new database."""
    if read_only:
        conn = sqlite3.connect(read_uri(path), uri=True, check_same_thread=False)
    elif not create:
        uri = f"{path.resolve().as_uri()}?mode=rw"
        conn = sqlite3.connect(uri, uri=True, timeout=5.0, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, timeout=5.0, check_same_thread=False)
    conn.isolation_level = None  # transactions only where the store opens them
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def writable(path: Path) -> bool:
    """Whether this user may change the database: the file, and the folder it is in.

    SQLite writes its -wal and -shm files (or the -journal) beside the database, so a
    file in a folder the user may not write cannot be changed either.
    """
    return os.access(path, os.W_OK) and os.access(path.resolve().parent, os.W_OK)


def read_uri(path: Path) -> str:
    """The URI that opens ``path`` read-only, in a read-only folder too.

    A WAL database is read through its -shm file, which SQLite creates beside the file
    when it is missing; in a folder the user may not write it cannot, and the open fails
    (https://sqlite.org/wal.html, "Read-Only Databases"). When neither -wal nor -shm
    exists, the last writer closed cleanly and everything is in the file itself, so it
    is opened ``immutable=1``: no side files, no locks. That is safe only while nobody
    writes the file, and a writer would have made a -wal and -shm (or a -journal) beside
    it; when one exists the file is read the ordinary way.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    folder = path.resolve().parent
    suffixes = ("-wal", "-shm", "-journal")  # a hot journal must not be read around either
    side_files = any(Path(f"{path.resolve()}{suffix}").exists() for suffix in suffixes)
    if not side_files and not os.access(folder, os.W_OK):
        log.info("%s is in a folder that cannot be written: opened immutable", path)
        return uri + "&immutable=1"
    return uri


def journal_mode(path: Path) -> str:
    """WAL, unless the file has several names (hard links).

    SQLite names the -wal and -shm files after the name a database was opened by, so
    connections through two names would each keep their own log and miss (or corrupt)
    each other's writes. A rollback journal locks the file itself, whatever its name.
    """
    try:
        links = path.stat().st_nlink
    except OSError:
        links = 1
    return "DELETE" if links > 1 else "WAL"


def check_existing(path: Path) -> None:
    """Refuse, without writing a byte, a file that is no database, a newer or a damaged one."""
    conn = sqlite3.connect(read_uri(path), uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        applied = applied_migrations(conn)
        unknown = applied - set(MIGRATION_NAMES)
        if version > SCHEMA_VERSION or unknown:
            raise errors.newer_version(
                path, f"user_version {version} > {SCHEMA_VERSION}; unknown {sorted(unknown)}"
            )
        wal = Path(f"{path.resolve()}-wal")
        size = path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
        problem = damage(conn, size)
    finally:
        conn.close()
    if problem is not None:
        raise errors.damaged(path, problem)


def damage(conn: sqlite3.Connection, size: int, seconds: float = CHECK_SECONDS) -> str | None:
    """What SQLite's own check finds wrong in the database (for the log), or None.

    A damaged page is otherwise only noticed when a query happens to read it, and every
    write in between builds on the damage. A small file gets the full integrity_check;
    a large one the quicker quick_check (no index contents), stopped after ``seconds``
    so that opening stays fast: a check cut short finds nothing, and says so in the log.
    """
    pragma = "integrity_check" if size < FULL_CHECK_BYTES else "quick_check"
    deadline = time.monotonic() + seconds
    cut_short = False

    def progress() -> int:
        nonlocal cut_short
        cut_short = time.monotonic() > deadline
        return int(cut_short)  # non-zero interrupts the statement

    conn.set_progress_handler(progress, 1000)
    started = time.monotonic()
    try:
        rows = conn.execute(f"PRAGMA {pragma}(10)").fetchall()
    except sqlite3.DatabaseError as exc:
        if cut_short:
            log.warning("%s cut short after %.1f s: the database is not checked", pragma, seconds)
            return None
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code in (_CORRUPT, _NOTADB):
            return f"{pragma}: {exc}"
        raise
    finally:
        conn.set_progress_handler(None, 0)
    log.debug("%s took %.3f s", pragma, time.monotonic() - started)
    found = [row[0] for row in rows]
    return None if found == ["ok"] else f"{pragma}: " + "; ".join(found)


def applied_migrations(conn: sqlite3.Connection) -> set[str]:
    """The names of beslut's migrations recorded in the database."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if not exists:
        return set()
    rows = conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (MIGRATION_SET,)
    )
    return {row[0] for row in rows}

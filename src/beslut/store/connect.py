"""Opening the SQLite file: connections, the journal mode, and the checks before writing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from beslut.store import errors
from beslut.store.versions import MIGRATION_NAMES, MIGRATION_SET, SCHEMA_VERSION


def connect(path: Path, read_only: bool) -> sqlite3.Connection:
    """A connection for the store: shared between threads under its lock, autocommit."""
    if read_only:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
    else:
        conn = sqlite3.connect(path, timeout=5.0, check_same_thread=False)
    conn.isolation_level = None  # transactions only where the store opens them
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


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
    """Refuse, without writing a byte, a file that is no database or a newer one."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        applied = applied_migrations(conn)
    finally:
        conn.close()
    unknown = applied - set(MIGRATION_NAMES)
    if version > SCHEMA_VERSION or unknown:
        raise errors.newer_version(
            path, f"user_version {version} > {SCHEMA_VERSION}; unknown {sorted(unknown)}"
        )


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

"""A full disk is said as a full disk, whatever SQLite has undone by itself.

On a real full disk SQLite rolls the whole transaction back itself, so the savepoint of
a nested write is gone; the user must still read "Disken är full", not "no such
savepoint". The real case runs on an 8 MB tmpfs in a private mount namespace where
unshare(1) allows it; the same state is also made directly, which runs everywhere.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from beslut.store import Store
from beslut.store.connection import guarded
from beslut.store.errors import StoreFullError
from beslut.store.seed import seed_example

SRC = Path(__file__).resolve().parents[2] / "src"


class _RolledBackBySqlite(Store):
    @guarded
    def fill(self) -> None:
        with self._atomic(), self._atomic():
            self._conn.execute("INSERT INTO settings (key, value) VALUES ('x', '1')")
            self._conn.execute("ROLLBACK")  # what SQLite does itself when the disk is full
            full = sqlite3.OperationalError("database or disk is full")
            full.sqlite_errorcode = 13
            full.sqlite_errorname = "SQLITE_FULL"
            raise full


def test_a_transaction_sqlite_undid_itself_still_says_the_disk_is_full(tmp_path: Path) -> None:
    store = _RolledBackBySqlite.open(tmp_path / "b.db")
    try:
        with pytest.raises(StoreFullError) as caught:
            store.fill()
        assert "Disken är full" in caught.value.user_message
        store.set_setting("after", 1)  # the connection is usable again
        assert store.get_setting("after") == 1
        assert store.get_setting("x") is None
    finally:
        store.close()


def test_a_database_at_its_page_limit_says_the_disk_is_full(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "b.db", seed=seed_example)
    try:
        draft = store.load_draft(1)
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        big = dataclasses.replace(draft, meta=dataclasses.replace(draft.meta, title="x" * 50_000))
        with pytest.raises(StoreFullError):
            store.create_drafts([(draft, None), (big, None)])
        with pytest.raises(StoreFullError):
            store.save_draft(1, big)
        assert [d.id for d in store.list_drafts()] == [1]  # all of it or nothing
        assert store.load_draft(1) == draft
    finally:
        store.close()


_ON_TMPFS = """
import dataclasses, json, os, random, sys
from pathlib import Path
from beslut.store import Store
from beslut.store.seed import seed_example
folder = Path(sys.argv[1])
store = Store.open(folder / "b.db", seed=seed_example)
draft = store.load_draft(1)
def big():
    title = random.randbytes(150_000).hex()
    return dataclasses.replace(draft, meta=dataclasses.replace(draft.meta, title=title)), None
out = {}
try:
    store.create_drafts([big() for _ in range(40)])
except Exception as exc:
    out = {"type": type(exc).__name__, "message": getattr(exc, "user_message", str(exc))}
out["after"] = [d.id for d in store.list_drafts()]
store.close()
print(json.dumps(out))
"""


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("unshare") is None,
    reason="needs Linux and unshare(1) to mount a small tmpfs",
)
def test_a_real_full_disk_on_a_small_tmpfs(tmp_path: Path) -> None:
    folder = tmp_path / "small"
    folder.mkdir()
    script = tmp_path / "fill.py"
    script.write_text(_ON_TMPFS, encoding="utf-8")
    mount = f'mount -t tmpfs -o size=8m tmpfs "{folder}"'
    shell = f'{mount} && exec "{sys.executable}" "{script}" "{folder}"'
    command = ["unshare", "--map-root-user", "--mount", "sh", "-c", shell]
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    if done.returncode != 0 and "mount" in done.stderr + done.stdout and not done.stdout:
        pytest.skip(f"no private tmpfs here: {done.stderr.strip()[:200]}")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["type"] == "StoreFullError"
    assert "Disken är full" in result["message"]
    assert result["after"] == [1]

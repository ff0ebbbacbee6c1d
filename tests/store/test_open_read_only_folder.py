"""A database in a folder the user may not write opens read-only: it can be read, not changed.

Root may write any folder whatever its mode bits, so when the tests run as root the
check runs in a child process as the user ``nobody`` (the real permission check of the
kernel, no monkeypatching); as any other user it runs in this process.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from beslut.model import Draft, Metadata
from beslut.store import Store

pwd = pytest.importorskip("pwd", reason="POSIX users and mode bits (Windows has neither)")

# What a user who may read but not write the folder does, in a process of its own.
_CHECK = """
import json, sys
from beslut.model import Draft
from beslut.store import Store, StoreError
out = {}
with Store.open(sys.argv[1]) as store:
    out["read_only"] = store.read_only
    out["titles"] = [d.title for d in store.list_drafts()]
    try:
        store.create_draft(Draft())
    except StoreError as exc:
        out["refused"] = exc.user_message
print(json.dumps(out))
"""


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def folder() -> Iterator[Path]:
    """A folder that another user can reach (pytest's tmp_path is private to root)."""
    made = Path(tempfile.mkdtemp(prefix="beslut-ro-"))
    made.chmod(0o755)
    try:
        yield made
    finally:
        made.chmod(0o755)
        shutil.rmtree(made)


def _run(args: list[str], folder: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python args`` as a user who cannot write ``folder`` (nobody, when we are root)."""
    env = {**os.environ, "HOME": str(folder), "XDG_DATA_HOME": str(folder / "data")}
    if os.geteuid() != 0:
        return subprocess.run(
            [sys.executable, *args], capture_output=True, encoding="utf-8", env=env, timeout=60
        )
    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("running as root, and there is no user 'nobody' to run the check as")
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        user=nobody.pw_uid,
        group=nobody.pw_gid,
        extra_groups=[],
    )


@pytest.mark.slow
@pytest.mark.parametrize("owner", ["user", "root"], ids=["own file", "other's file"])
def test_a_database_in_a_read_only_folder_opens_read_only(folder: Path, owner: str) -> None:
    db = folder / "beslut.db"
    with Store.open(db) as store:
        store.create_draft(Draft(Metadata(title="Läsbar")))
    if owner == "user" and os.geteuid() == 0:  # the file itself writable, only the folder not
        nobody = pwd.getpwnam("nobody")
        os.chown(db, nobody.pw_uid, nobody.pw_gid)
    elif owner == "root":
        db.chmod(0o444)
    before = _digest(db)
    folder.chmod(0o555)
    done = _run(["-c", _CHECK, str(db)], folder)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["read_only"] is True
    assert out["titles"] == ["Läsbar"]
    assert "skrivskyddad" in out["refused"]
    done = _run(["-m", "beslut", "--db", str(db), "list"], folder)
    assert done.returncode == 0, done.stderr
    assert "Läsbar" in done.stdout
    assert sorted(p.name for p in folder.iterdir()) == ["beslut.db"]
    assert _digest(db) == before


@pytest.mark.slow
def test_a_read_only_folder_with_a_log_beside_the_file_reads_the_log(folder: Path) -> None:
    """A -wal and -shm beside the file (a writer crashed): read through them, not around."""
    db = folder / "beslut.db"
    with Store.open(db) as store:
        store.create_draft(Draft(Metadata(title="Första")))
    keep = Path(tempfile.mkdtemp(prefix="beslut-wal-"))
    try:
        writer = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sqlite3, sys, time\n"
                "c = sqlite3.connect(sys.argv[1])\n"
                "c.execute(\"UPDATE drafts SET title = 'I loggen'\")\n"
                "c.commit()\n"
                "import shutil\n"
                "for s in ('-wal', '-shm'): shutil.copy(sys.argv[1] + s, sys.argv[2] + s)\n"
                "shutil.copy(sys.argv[1], sys.argv[2])\n"
                "import os; os._exit(0)\n",  # no close: the log stays as after a crash
                str(db),
                str(keep / "beslut.db"),
            ]
        )
        assert writer.wait(60) == 0
        for name in ("beslut.db", "beslut.db-wal", "beslut.db-shm"):
            shutil.copy(keep / name, folder / name)
            (folder / name).chmod(0o644)
    finally:
        shutil.rmtree(keep)
    folder.chmod(0o555)
    done = _run(["-c", _CHECK, str(db)], folder)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["titles"] == ["I loggen"]

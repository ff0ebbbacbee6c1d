"""Temporary files a killed export or restore left behind are removed on the next start.

Each test kills a real process in the middle of writing (os._exit skips every cleanup),
then starts again: only files of beslut's own naming whose writer is gone go.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from beslut.export.safe_write import clean_stale_temps
from beslut.store import Store
from beslut.tempfiles import MIN_AGE, process_alive

SRC = Path(__file__).resolve().parents[1] / "src"


def _killed_while(code: str) -> None:
    """Run ``code`` in a new Python that is killed (exit 9) in the middle of it."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run([sys.executable, "-c", code], env=env, timeout=60, check=False)
    assert done.returncode == 9


def test_a_killed_exports_temporary_file_goes_on_the_next_export(tmp_path: Path) -> None:
    target = tmp_path / "tu.docx"
    _killed_while(
        "import os\nfrom pathlib import Path\nfrom beslut.export.safe_write import write_with\n"
        f"write_with(Path({str(target)!r}), lambda h: (h.write(b'x' * 4096), os._exit(9)))\n"
    )
    (left,) = [p for p in tmp_path.iterdir()]
    assert left.name.startswith(".beslut-") and left.name.endswith(".tmp")
    assert not target.exists()
    (tmp_path / "mine.tmp").write_bytes(b"the user's")
    (tmp_path / ".beslut-backup-tu.db-wal.tmp").write_bytes(b"set aside, kept")
    assert clean_stale_temps(tmp_path) == [left]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".beslut-backup-tu.db-wal.tmp",
        "mine.tmp",
    ]


def test_a_running_writers_file_and_a_fresh_one_without_owner_are_kept(tmp_path: Path) -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        assert process_alive(sleeper.pid)
        running = tmp_path / f".beslut-{sleeper.pid}-abcd_123.tmp"
        running.write_bytes(b"being written")
        fresh = tmp_path / ".beslut-k3j9x_2a.tmp"  # an older beslut's name: no process id
        fresh.write_bytes(b"")
        now = time.time()  # the files' times as the system clock has them (faketime too)
        for written in (running, fresh):
            os.utime(written, (now, now))
        old = tmp_path / ".beslut-zz9x_2ab.tmp"
        old.write_bytes(b"")
        an_hour_ago = time.time() - MIN_AGE - 3600
        os.utime(old, (an_hour_ago, an_hour_ago))
        assert clean_stale_temps(tmp_path) == [old]
        assert running.exists() and fresh.exists()
    finally:
        sleeper.kill()
        sleeper.wait()
    assert not process_alive(sleeper.pid)
    assert clean_stale_temps(tmp_path) == [running]


def test_a_killed_restores_copy_goes_when_the_database_is_next_opened(tmp_path: Path) -> None:
    db = tmp_path / "beslut.db"
    Store.open(db).close()
    backup = tmp_path / "kopia.db"
    backup.write_bytes(db.read_bytes())
    _killed_while(
        "import os\nfrom pathlib import Path\nfrom beslut.store import backups\n"
        f"backups.temp_copy(Path({str(backup)!r}), Path({str(tmp_path)!r}))\nos._exit(9)\n"
    )
    left = [p for p in tmp_path.iterdir() if p.name.startswith(".beslut-backup-")]
    assert len(left) == 1 and left[0].stat().st_size == backup.stat().st_size
    Store.open(db).close()
    assert not left[0].exists()
    assert backup.exists() and db.exists()

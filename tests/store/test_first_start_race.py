"""Commands started at once on a database that does not exist yet: each succeeds, and
the new database holds the example draft exactly once (creating, migrating and seeding
happen under the database's set-up lock, one process at a time)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from beslut.store import Store

_CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from beslut.store import Store
    from beslut.store.seed import seed_example

    go = Path(sys.argv[2])
    while not go.exists():  # all start their open together
        time.sleep(0.001)
    with Store.open(sys.argv[1], seed=seed_example) as store:
        print(len(store.list_drafts()))
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("attempt", range(3))
def test_four_first_starts_at_once_leave_one_example(tmp_path: Path, attempt: int) -> None:
    db, go = tmp_path / "ny" / "b.db", tmp_path / "go"
    root = Path(__file__).resolve().parents[2]
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(db), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            encoding="utf-8",
            cwd=root,
        )
        for _ in range(4)
    ]
    go.touch()
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert int(out.strip()) >= 0
    with Store.open(db) as store:
        assert len(store.list_drafts()) == 1

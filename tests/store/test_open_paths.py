"""Paths that cannot be a database are refused at once, in Swedish, creating nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from beslut.store import Store, StoreError, resolve_db_path


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def _fifo(tmp_path: Path) -> str:
    if not hasattr(os, "mkfifo"):
        pytest.skip("Windows has no FIFO among files (its named pipes live in \\\\.\\pipe\\)")
    path = tmp_path / "rör.db"
    os.mkfifo(path)
    return str(path)


def _folder(tmp_path: Path) -> str:
    (tmp_path / "mapp.db").mkdir()
    return str(tmp_path / "mapp.db")


NO_LINKS = "symbolic links need a privilege on Windows, and Wine's behave otherwise"


def _dangling(tmp_path: Path) -> str:
    if sys.platform == "win32":
        pytest.skip(NO_LINKS)
    (tmp_path / "länk.db").symlink_to(tmp_path / "finns-inte" / "x.db")
    return str(tmp_path / "länk.db")


def _empty(tmp_path: Path) -> str:
    return ""


def _no_user(tmp_path: Path) -> str:
    return "~ingenanvandaremeddetnamnet/x.db"


def _file_as_folder(tmp_path: Path) -> str:
    (tmp_path / "fil").write_text("x")
    return str(tmp_path / "fil" / "x.db")


CASES: dict[str, tuple[Callable[[Path], str], str]] = {
    "fifo": (_fifo, "ingen vanlig fil"),
    "folder": (_folder, "är en mapp"),
    "dangling link": (_dangling, "som inte finns"),
    "empty": (_empty, "sökvägen är tom"),
    "no such user": (_no_user, "ingen användare"),
    "file as folder": (_file_as_folder, "är en fil, inte en mapp"),
}


def _open_in_thread(value: str, fifo: Path | None) -> BaseException | None:
    """Store.open(value) with a time limit: a FIFO would otherwise block the suite."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            Store.open(value).close()
        except BaseException as exc:  # handed to the test
            outcome.append(exc)
        else:
            outcome.append(None)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(10)
    if thread.is_alive():
        if fifo is not None:  # let the blocked open() return
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(5)
        pytest.fail(f"Store.open({value!r}) hung")
    return outcome[0]


@pytest.mark.parametrize("case", CASES)
def test_store_open_refuses_at_once(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    make, words = CASES[case]
    value = make(tmp_path)
    before = _listing(tmp_path)
    exc = _open_in_thread(value, tmp_path / "rör.db" if case == "fifo" else None)
    assert isinstance(exc, StoreError), exc
    assert words in exc.user_message
    assert _listing(tmp_path) == before


@pytest.mark.skipif(sys.platform == "win32", reason=NO_LINKS)
def test_a_dangling_link_whose_folder_exists_makes_the_database(tmp_path: Path) -> None:
    link = tmp_path / "länk.db"
    link.symlink_to(tmp_path / "ny.db")
    Store.open(link).close()
    assert (tmp_path / "ny.db").is_file()


def test_an_empty_db_value_is_no_wish_for_the_default() -> None:
    with pytest.raises(StoreError) as info:
        resolve_db_path("", {"BESLUT_DB": "/env/b.db"}, "linux")
    assert "sökvägen är tom" in info.value.user_message
    assert resolve_db_path(None, {"BESLUT_DB": ""}, "linux").name == "beslut.db"


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES)
def test_command_line_refuses_at_once(case: str, tmp_path: Path) -> None:
    make, words = CASES[case]
    value = make(tmp_path)
    default = tmp_path / "standard" / "beslut.db"
    env = {**os.environ, "BESLUT_DB": str(default)}
    before = _listing(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "beslut", "--db", value, "list"],
        capture_output=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        timeout=30,
    )
    assert done.returncode == 1, done.stderr
    assert words in done.stderr
    assert "Traceback" not in done.stderr and "oväntat fel" not in done.stderr
    assert _listing(tmp_path) == before  # the default database was not made either


@pytest.mark.slow
def test_restoring_over_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    good = tmp_path / "bra.db"
    Store.open(good).close()
    fifo = _fifo(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "beslut", "--db", fifo, "backup", "restore", str(good)],
        capture_output=True,
        encoding="utf-8",
        timeout=30,
    )
    assert done.returncode == 1, done.stderr
    assert "ingen vanlig fil" in done.stderr


def test_a_user_without_a_home_folder_is_no_home(tmp_path: Path) -> None:
    """Windows makes up C:\\Users\\NAME for any ~NAME; only a home folder that exists
    counts. Here: Debian's nobody, whose home is /nonexistent (skipped elsewhere)."""
    home = Path("~nobody").expanduser()
    if sys.platform == "win32" or str(home).startswith("~") or home.is_dir():
        pytest.skip("needs a user whose home folder does not exist")
    exc = _open_in_thread("~nobody/x.db", None)
    assert isinstance(exc, StoreError), exc
    assert "ingen användare" in exc.user_message
    assert not home.exists()

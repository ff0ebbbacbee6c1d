"""Tests for beslut.store.paths: where the database lives."""

from __future__ import annotations

from pathlib import Path

from beslut.store.paths import data_dir, resolve_db_path


def test_windows_uses_appdata() -> None:
    env = {"APPDATA": r"C:\Users\asa\AppData\Roaming"}
    assert data_dir(env, "win32") == Path(r"C:\Users\asa\AppData\Roaming") / "beslut"


def test_linux_uses_xdg_data_home() -> None:
    assert data_dir({"XDG_DATA_HOME": "/x/data"}, "linux") == Path("/x/data/beslut")


def test_precedence_cli_then_env_then_default() -> None:
    env = {"BESLUT_DB": "/env/b.db", "XDG_DATA_HOME": "/x"}
    assert resolve_db_path("/cli/b.db", env, "linux") == Path("/cli/b.db")
    assert resolve_db_path(None, env, "linux") == Path("/env/b.db")
    assert resolve_db_path(None, {"XDG_DATA_HOME": "/x"}, "linux") == Path("/x/beslut/beslut.db")

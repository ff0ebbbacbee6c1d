"""Where the database lives: --db, then BESLUT_DB, then the platform's data folder."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "beslut"
DB_NAME = "beslut.db"


def data_dir(env: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """The per-user application-data folder (%APPDATA%\\beslut on Windows)."""
    env = os.environ if env is None else env
    platform = platform or sys.platform
    if platform.startswith("win"):
        base = env.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / APP_NAME
    if platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_NAME


def resolve_db_path(
    cli_value: str | None = None,
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
) -> Path:
    """The database to use: the command-line value wins over BESLUT_DB over the default."""
    env = os.environ if env is None else env
    if cli_value:
        return Path(cli_value).expanduser()
    if env.get("BESLUT_DB"):
        return Path(env["BESLUT_DB"]).expanduser()
    return data_dir(env, platform) / DB_NAME

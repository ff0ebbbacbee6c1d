"""Where the database lives (--db, then BESLUT_DB, then the data folder), and what may be one."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Mapping
from pathlib import Path

from beslut.i18n import _
from beslut.store import errors

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
    """The database to use: the command-line value wins over BESLUT_DB over the default.

    Raises StoreUnavailableError for an empty --db or a ``~user`` with no such user.
    """
    env = os.environ if env is None else env
    if cli_value is not None:  # --db "" is a mistake, not a wish for the default
        return expand(cli_value)
    if env.get("BESLUT_DB"):
        return expand(env["BESLUT_DB"])
    return data_dir(env, platform) / DB_NAME


def expand(value: Path | str) -> Path:
    """``value`` as a path, ``~`` and ``~user`` expanded; a clear error for "" or no such user."""
    text = str(value)
    if not text.strip():
        message = _("Ingen databas angavs: sökvägen är tom. Ange en fil med --db FIL.")
        raise errors.StoreUnavailableError(message, "empty database path")
    user = text[1:].split("/", 1)[0].split("\\", 1)[0] if text.startswith("~") else ""
    try:
        expanded = Path(text).expanduser()
        # Windows makes up C:\Users\NAME for any ~NAME; only a home folder that exists
        # is one (on POSIX an unknown user already raised).
        if user and not Path(f"~{user}").expanduser().is_dir():
            raise RuntimeError(f"no home folder for ~{user}")
    except RuntimeError as exc:  # ~nouser, or no home folder at all
        message = _(
            "Sökvägen {path} börjar med ~{user}, men det finns ingen användare som heter "
            "”{user}” (eller ingen hemmapp). Ange hela sökvägen till databasen."
        ).format(path=text, user=user)
        raise errors.StoreUnavailableError(message, f"{text}: {exc}") from exc
    return expanded


def check_path(path: Path) -> None:
    """Refuse, before anything is opened or created, a path that cannot be a database file.

    Only a regular file, or nothing (a new database), will do: SQLite would open a FIFO and
    wait forever, and a folder or a device gives an error that names neither. A symbolic
    link counts as what it points to; one that points nowhere is accepted only when the
    file it names can be created (its folder exists).
    """
    try:
        link = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return _check_folder(path, path.parent)
    except OSError as exc:
        raise _unusable(path, exc) from exc
    if stat.S_ISLNK(link.st_mode):
        try:
            info = os.stat(path)
        except FileNotFoundError as exc:
            target = Path(os.path.realpath(path))
            if target.parent.is_dir():
                return None
            message = _(
                "Databasen {path} är en länk till {target}, som inte finns, och mappen den "
                "skulle ligga i finns inte heller. Ange en annan databas."
            ).format(path=path, target=target)
            detail = f"{path}: dangling link to {target}"
            raise errors.StoreUnavailableError(message, detail) from exc
        except OSError as exc:  # a loop of links, say
            raise _unusable(path, exc) from exc
    else:
        info = link
    if stat.S_ISREG(info.st_mode):
        return None
    if stat.S_ISDIR(info.st_mode):
        message = _("{path} är en mapp, inte en databasfil. Ange en fil, till exempel {example}.")
        example = path / DB_NAME
        raise errors.StoreUnavailableError(
            message.format(path=path, example=example), f"{path}: a directory"
        )
    message = _(
        "{path} är ingen vanlig fil (utan till exempel en namngiven pipe eller en enhet), så "
        "den kan inte vara en databas. Ange en annan fil."
    ).format(path=path)
    raise errors.StoreUnavailableError(message, f"{path}: mode {oct(info.st_mode)}")


def _check_folder(path: Path, folder: Path) -> None:
    """A new database's folder: it may be missing (it is created), but not a file."""
    for parent in (folder, *folder.parents):
        if parent.exists():
            if parent.is_dir():
                return
            message = _(
                "Databasen {path} kan inte skapas: {parent} är en fil, inte en mapp."
            ).format(path=path, parent=parent)
            raise errors.StoreUnavailableError(message, f"{path}: {parent} is no folder")


def _unusable(path: Path, exc: OSError) -> errors.StoreUnavailableError:
    message = _("Databasen {path} kan inte öppnas: {why}.")
    return errors.StoreUnavailableError(
        message.format(path=path, why=exc.strerror or exc), f"{path}: {exc}"
    )

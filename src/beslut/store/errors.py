"""SQLite failures as typed errors that carry a message for the user."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from beslut.errors import BeslutError
from beslut.i18n import _


class StoreError(BeslutError):
    """The local database cannot do what was asked."""


class StoreLockedError(StoreError):
    """Another program holds a lock on the database."""


class StoreReadOnlyError(StoreError):
    """The database file or its folder cannot be written."""


class StoreFullError(StoreError):
    """The disk is full."""


class StoreCorruptError(StoreError):
    """The file is not a SQLite database, or it is damaged."""


class StoreUnavailableError(StoreError):
    """The database file cannot be opened or read at all."""


class StoreNewerVersionError(StoreError):
    """The database was written by a newer version of beslut."""


class StoreConflictError(StoreError):
    """A save was refused: the draft was saved elsewhere since it was read."""

    def __init__(self, user_message: str, detail: str, draft_id: int, stored_change: int) -> None:
        super().__init__(user_message, detail)
        self.draft_id = draft_id
        self.stored_change = stored_change


class StoreCameLooseError(StoreError):
    """The database's files changed under a write, which may or may not have landed."""


def came_loose(path: Path | str, detail: str) -> StoreCameLooseError:
    message = _(
        "Ett annat program ändrade databasfilen {path} medan beslut sparade. beslut har "
        "öppnat den på nytt; kontrollera att den senaste ändringen finns kvar."
    )
    return StoreCameLooseError(message.format(path=path), detail)


def database_gone(path: Path | str, detail: str, kept: list[Path]) -> StoreCameLooseError:
    message = _(
        "Databasfilen {path} flyttades, togs bort eller byttes ut medan beslut hade den "
        "öppen, så ingenting mer sparas i den. Din text sparas i en återställningsfil. "
        "Stäng beslut och starta det igen."
    ).format(path=path)
    if kept:
        names = ", ".join(str(p) for p in kept)
        message += " " + _("Det som inte hann skrivas in i filen finns kvar i {names}.").format(
            names=names
        )
    return StoreCameLooseError(message, f"{path}: {detail}")


class BackupError(StoreError):
    """A backup could not be written, listed or put back."""


class BackupInvalidError(StoreCorruptError):
    """A file offered as a backup is not a sound database from beslut."""


# SQLite's primary result codes (extended codes carry them in the low byte).
_BUSY, _LOCKED, _CORRUPT, _IOERR, _FULL, _CANTOPEN, _READONLY, _NOTADB = 5, 6, 11, 10, 13, 14, 8, 26


def translate(exc: sqlite3.Error, path: Path | str) -> StoreError | None:
    """The typed error for a SQLite failure that is not a bug, or None for a bug."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    detail = f"{path}: {exc} ({getattr(exc, 'sqlite_errorname', '?')})"
    if primary in (_BUSY, _LOCKED):
        return StoreLockedError(
            _(
                "Databasen används av ett annat program just nu. Vänta en stund och försök "
                "igen. Din text finns kvar."
            ),
            detail,
        )
    if primary == _READONLY:
        message = _(
            "Databasen {path} är skrivskyddad, så ändringar kan inte sparas. Kontrollera "
            "behörigheten till filen och mappen, eller välj en annan databas."
        )
        return StoreReadOnlyError(message.format(path=path), detail)
    if primary == _FULL:
        return StoreFullError(
            _(
                "Disken är full, så ändringarna kunde inte sparas. Frigör utrymme och försök "
                "igen. Det som redan var sparat är oförändrat."
            ),
            detail,
        )
    if primary in (_NOTADB, _CORRUPT):
        message = _(
            "Filen {path} är inte en databas från beslut, eller så är den skadad. Filen "
            "har inte ändrats. Välj en annan databas eller återställ en säkerhetskopia."
        )
        return StoreCorruptError(message.format(path=path), detail)
    if primary in (_CANTOPEN, _IOERR):
        message = _(
            "Databasen {path} kan inte öppnas eller läsas. Kontrollera att filen och "
            "mappen finns och att du har behörighet."
        )
        return StoreUnavailableError(message.format(path=path), detail)
    return None


def newer_version(path: Path | str, detail: str) -> StoreNewerVersionError:
    """The refusal of a database written by a newer beslut."""
    message = _(
        "Databasen {path} är skapad av en nyare version av beslut och kan inte öppnas med "
        "den här versionen. Uppdatera beslut. Filen har inte ändrats."
    )
    return StoreNewerVersionError(message.format(path=path), detail)


def damaged(path: Path | str, detail: str) -> StoreCorruptError:
    """The refusal of a database whose pages SQLite's own check finds damaged."""
    message = _(
        "Databasen {path} är skadad: SQLite:s kontroll av filen hittade fel. Ingenting har "
        "skrivits till den, så att skadan inte sprids. Återställ en säkerhetskopia."
    )
    return StoreCorruptError(message.format(path=path), f"{path}: {detail}")


def conflict(draft_id: int, title: str, expected: int, stored: int) -> StoreConflictError:
    """The refusal of a save over a draft that changed since it was read."""
    if title.strip():
        message = _(
            "Utkastet ”{title}” har ändrats i ett annat fönster eller av ett annat program "
            "sedan du öppnade det."
        ).format(title=title.strip())
    else:
        message = _(
            "Utkastet {id} har ändrats i ett annat fönster eller av ett annat program sedan "
            "du öppnade det."
        ).format(id=draft_id)
    detail = f"draft {draft_id}: expected change {expected}, stored change {stored}"
    return StoreConflictError(message, detail, draft_id, stored)

"""Recovery files: a draft whose save failed, kept outside the database until the next start.

When the app cannot store a draft (full disk, read-only or damaged database, a bug), the
draft as the user sees it is written as a draft file (docs/draft-format.md, without the
bilaga files: they stay in the database by their sha256) with a top-level ``recovery``
object saying which database and draft it belongs to. It goes to a ``recovery`` folder
beside the database, else to the user's data folder, else to the temporary folder; one
file per draft, a newer failure replacing the older file. The files are private to the
user (mode 600), and ``beslut import-json`` reads them like any draft file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from beslut import clock
from beslut.errors import BeslutError, NotFoundError
from beslut.i18n import _

if TYPE_CHECKING:
    from beslut.model.draft import Draft
    from beslut.store.store import Store

log = logging.getLogger(__name__)

FOLDER = "recovery"
TEMP_FOLDER = "beslut-recovery"
KEY = "recovery"  # the top-level key of a recovery file that the draft format ignores
_SUFFIX = ".json"
_TEMP_PREFIX = ".beslut-recovery-"


class RecoveryError(BeslutError):
    """A recovery file could not be written or removed."""


@dataclass(frozen=True, slots=True)
class Recovery:
    """A draft kept in a recovery file."""

    path: Path
    draft_id: int | None  # None: a draft that was never stored
    base_change: int | None  # the change counter the text was based on, when known
    written: dt.datetime  # aware (UTC)
    draft: Draft
    title: str
    database: str = ""
    reason: str = ""


def recovery_dir(db_path: Path | str) -> Path:
    """The folder beside the database ``db_path`` that recovery files go to first."""
    return Path(db_path).absolute().parent / FOLDER


def recovery_dirs(db_path: Path | str) -> list[Path]:
    """Every folder a recovery file of ``db_path`` may be in, in the order they are tried."""
    from beslut.store.paths import data_dir

    folders = [
        recovery_dir(db_path),
        data_dir() / FOLDER,
        Path(tempfile.gettempdir()) / TEMP_FOLDER,
    ]
    unique: list[Path] = []
    for folder in folders:
        if folder not in unique:
            unique.append(folder)
    return unique


def write_recovery(
    db_path: Path | str,
    draft_id: int | None,
    draft: Draft,
    *,
    base_change: int | None = None,
    reason: str = "",
) -> Path:
    """Keep ``draft`` (draft ``draft_id`` of ``db_path``) in a recovery file; returns its path.

    Tries each of ``recovery_dirs`` in turn; raises RecoveryError only when none can be
    written. A draft without id gets a new file each time.
    """
    from beslut.model.jsonio import draft_to_dict

    db_path = Path(db_path)
    written = clock.now()
    data: dict[str, Any] = draft_to_dict(draft)
    data[KEY] = {
        "draft_id": draft_id,
        "base_change": base_change,
        "written": written.isoformat(timespec="microseconds"),
        "database": str(db_path.resolve()),
        "reason": reason,
    }
    payload = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    name = _file_name(db_path, draft_id, written)
    problems = []
    for folder in recovery_dirs(db_path):
        try:
            _write_private(folder / name, payload)
        except OSError as exc:
            log.warning("cannot write the recovery file in %s: %s", folder, exc)
            problems.append(f"{folder}: {exc}")
            continue
        for other in recovery_dirs(db_path):  # the older file of this draft, elsewhere
            if other != folder:
                with contextlib.suppress(OSError):
                    (other / name).unlink(missing_ok=True)
        log.info("kept draft %s of %s in %s", draft_id, db_path, folder / name)
        return folder / name
    message = _(
        "Texten kunde inte sparas någonstans, inte heller som återställningsfil. Kopiera "
        "den till ett annat program innan du stänger beslut."
    )
    raise RecoveryError(message, "; ".join(problems))


def pending_recoveries(db_path: Path | str) -> list[Recovery]:
    """The recovery files of the database ``db_path``, newest first.

    A file that cannot be read is skipped (and logged); this never raises.
    """
    identity = _identity(db_path)
    found = []
    for folder in recovery_dirs(db_path):
        try:
            paths = sorted(folder.glob(f"*{_SUFFIX}"))
        except OSError as exc:
            log.warning("cannot look for recovery files in %s: %s", folder, exc)
            continue
        for path in paths:
            recovery = read_recovery(path)
            if recovery is not None and _identity(recovery.database) == identity:
                found.append(recovery)
    found.sort(key=lambda r: r.written, reverse=True)
    return found


def read_recovery(path: Path) -> Recovery | None:
    """The recovery file ``path``, or None (logged) when it cannot be read as one."""
    from beslut.model.jsonio import draft_from_dict
    from beslut.model.jsonlimits import load_json

    try:
        data = load_json(path.read_bytes())  # within the limits of any draft file
        info = data[KEY]
        draft = draft_from_dict(data)
        written = dt.datetime.fromisoformat(info["written"])
        database = info["database"]
        draft_id, base_change = info.get("draft_id"), info.get("base_change")
        if not (isinstance(database, str) and _is_id(draft_id) and _is_id(base_change)):
            raise ValueError("database, draft_id or base_change of the wrong type")
    except (OSError, ValueError, KeyError, TypeError, BeslutError) as exc:
        log.warning("skipping the recovery file %s: %s", path, exc)
        return None
    if written.tzinfo is None:
        written = written.replace(tzinfo=dt.UTC)
    reason = info.get("reason")
    return Recovery(
        path,
        draft_id,
        base_change,
        written,
        draft,
        draft.meta.title,
        database,
        reason if isinstance(reason, str) else "",
    )


def restore_recovery(store: Store, recovery: Recovery) -> int:
    """Put the recovered draft into ``store``; returns its id, and removes the file.

    A draft that still exists keeps what is stored now as a revision ("Före
    återställning") and gets the recovered text (also out of the trash); one that does
    not is created anew.
    """
    draft_id = recovery.draft_id
    deleted: str | None = None
    exists = False
    if draft_id is not None:
        try:
            deleted = store.summary(draft_id).deleted
            exists = True
        except NotFoundError:
            pass
    if exists and draft_id is not None:
        store.add_revision(draft_id, _("Före återställning"))
        store.save_draft(draft_id, recovery.draft)
        if deleted is not None:
            store.restore_draft(draft_id)
    else:
        draft_id = store.create_draft(recovery.draft)
    try:
        discard_recovery(recovery)
    except RecoveryError as exc:  # restored all the same; it is offered again next time
        log.warning("%s", exc)
    return draft_id


def discard_recovery(recovery: Recovery) -> None:
    """Delete the recovery file (the user does not want the text back)."""
    _remove(recovery.path)


def clear_recovery(db_path: Path | str, draft_id: int) -> None:
    """Delete the recovery file of draft ``draft_id``, whose text is now stored."""
    name = _file_name(Path(db_path), draft_id, None)
    for folder in recovery_dirs(db_path):
        _remove(folder / name)


# --- helpers ----------------------------------------------------------------------------


def _file_name(db_path: Path, draft_id: int | None, written: dt.datetime | None) -> str:
    """One name per database and draft; the database's name and a hash of its path."""
    digest = hashlib.sha256(_identity(db_path).encode("utf-8")).hexdigest()[:10]
    if draft_id is not None:
        which = f"utkast-{draft_id}"
    else:
        stamp = (written or clock.now()).strftime("%Y%m%d-%H%M%S-%f")
        which = f"nytt-{stamp}"
    return f"{db_path.stem}-{digest}-{which}{_SUFFIX}"


def _identity(db_path: Path | str) -> str:
    return os.path.normcase(str(Path(db_path).resolve()))


def _is_id(value: object) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


def _write_private(target: Path, payload: bytes) -> None:
    """Write ``target`` readable by the user alone, in one step: all or nothing."""
    folder = target.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if hasattr(os, "getuid") and folder.stat().st_uid != os.getuid():
        # A shared folder (the temporary one) that someone else made: not for our text.
        raise PermissionError(f"{folder} belongs to another user")
    fd, name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".tmp", dir=folder)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except (FileNotFoundError, NotADirectoryError):
        return  # nothing there, or not even its folder
    except OSError as exc:
        message = _("Återställningsfilen {path} kan inte tas bort: {why}.")
        raise RecoveryError(message.format(path=path, why=exc.strerror), str(exc)) from exc

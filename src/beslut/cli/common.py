"""What the command line's commands share: exit codes, the store, a draft by id or file,
and the notices and times they print (no Qt)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from beslut.errors import BeslutError
from beslut.i18n import _
from beslut.store import Store, resolve_db_path
from beslut.store.seed import seed_example

if TYPE_CHECKING:
    from beslut.model.draft import Draft

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2

Command = Callable[[argparse.Namespace], int]


def open_store(args: argparse.Namespace) -> Store:
    """The store chosen by --db / BESLUT_DB / the default, created with the example."""
    path = resolve_db_path(getattr(args, "db", None))
    return Store.open(path, seed=seed_example, on_wait=_tell_waiting_for_restore)


def _tell_waiting_for_restore() -> None:
    message = _("Väntar på att databasen ska återställas klart från en säkerhetskopia …")
    print(message, file=sys.stderr, flush=True)


def load_draft_source(
    source: str, args: argparse.Namespace, store: Store | None = None
) -> tuple[Draft, dict[str, bytes]]:
    """A draft and its bilaga files, from a store id ("12") or a draft file ("x.json").

    An open ``store`` is used for an id; without one the store is opened for it.
    """
    if source.isdigit():
        if store is None:
            with open_store(args) as opened:
                return load_draft_source(source, args, opened)
        draft = store.load_draft(int(source))
        return draft, store.files_for(draft)
    path = Path(source)
    if not path.is_file():
        message = _("”{source}” är varken numret på ett utkast eller en fil som finns.")
        raise BeslutError(message.format(source=source), f"no draft id or file: {source}")
    return read_draft_file(path, None if store is None else store.path)


def read_draft_file(path: Path, database: Path | None) -> tuple[Draft, dict[str, bytes]]:
    """Read a draft file, naming the file in any message (as the app reads one); never
    one of the files of ``database``."""
    from beslut.workflow.files import read_draft_file as read

    return read(path, database)


def notices(notices: Sequence[str]) -> None:
    """What the user should know (a fallback template folder or type), on stderr."""
    for notice in notices:
        print(f"beslut: {notice}", file=sys.stderr)


def local_time(stamp: str) -> str:
    try:
        return dt.datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp

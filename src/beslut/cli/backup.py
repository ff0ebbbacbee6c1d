"""The command line's backup commands, and the way back from a damaged database."""

from __future__ import annotations

import argparse
import sys

from beslut.errors import BeslutError
from beslut.i18n import _
from beslut.store import BackupInvalidError, StoreCorruptError, resolve_db_path


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``backup list``, ``backup create`` and ``backup restore FILE`` to ``sub``."""
    p = sub.add_parser("backup", help=_("säkerhetskopior av databasen"))
    commands = p.add_subparsers(dest="backup_command", metavar=_("KOMMANDO"), required=True)
    q = commands.add_parser("list", help=_("lista säkerhetskopiorna, den nyaste först"))
    q.set_defaults(func=cmd_backup_list)
    q = commands.add_parser("create", help=_("gör en säkerhetskopia nu"))
    q.set_defaults(func=cmd_backup_create)
    q = commands.add_parser(
        "restore", help=_("ersätt databasen med en säkerhetskopia (stäng beslut först)")
    )
    q.add_argument(
        "file",
        metavar=_("FIL"),
        help=_("säkerhetskopian: en sökväg, eller ett namn som backup list visar"),
    )
    q.set_defaults(func=cmd_backup_restore)


def cmd_backup_list(args: argparse.Namespace) -> int:
    """List the backups of the database, newest first."""
    from beslut.store.backups import backup_dir
    from beslut.workflow.backups import backups as list_backups
    from beslut.workflow.backups import size_text

    db_path = resolve_db_path(args.db)
    backups = list_backups(db_path)
    folder = backup_dir(db_path)
    if not backups:
        print(_("Det finns inga säkerhetskopior i {folder}.").format(folder=folder))
        return 0
    print(_("Säkerhetskopior i {folder}, den nyaste först:").format(folder=folder))
    for backup in backups:
        when = backup.created.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        note = "  " + _("(skadad databas, sparad som den var)") if backup.damaged else ""
        print(f"  {when}  {size_text(backup.size):>9}  {backup.path.name}{note}")
    return 0


def cmd_backup_create(args: argparse.Namespace) -> int:
    """Back up the database now, as the app's Skapa säkerhetskopia nu does."""
    from beslut.store import Store
    from beslut.workflow.backups import backup_now

    with Store.open(resolve_db_path(args.db)) as store:
        made = backup_now(store)
    print(_("Säkerhetskopian är sparad som {path}.").format(path=made))
    return 0


def cmd_backup_restore(args: argparse.Namespace) -> int:
    """Replace the database with a backup, keeping the current one as a backup first."""
    from beslut.workflow.backups import find_backup, restore

    db_path = resolve_db_path(args.db)
    source = find_backup(db_path, args.file)  # a path, or a bare name from backup list
    from beslut.store.lock import InstanceLock, lock_database

    lock = InstanceLock()
    if not lock_database(lock, db_path):
        message = _(
            "Databasen {db} är öppen i beslut. Stäng beslut och återställ sedan säkerhetskopian."
        ).format(db=db_path)
        raise BeslutError(message, f"{db_path} is locked by a running beslut")
    try:
        kept = restore(db_path, source, on_wait=_tell_waiting_for_writers)
    finally:
        lock.release()
    print(_("Databasen {db} är återställd från {backup}.").format(db=db_path, backup=source))
    if kept is None:
        print(_("Det fanns ingen databas där förut, så ingenting behövde sparas."))
    else:
        print(_("Den tidigare databasen är sparad som {path}.").format(path=kept))
    return 0


def _tell_waiting_for_writers() -> None:
    print(
        _("Väntar på att ett annat beslut-kommando ska skriva klart i databasen …"),
        file=sys.stderr,
        flush=True,
    )


def damaged_database_hint(exc: BeslutError, db: str | None) -> str | None:
    """For a damaged database: which backup to restore, and the exact command; else None."""
    if not isinstance(exc, StoreCorruptError) or isinstance(exc, BackupInvalidError):
        return None
    from beslut.store.backups import newest_backup

    db_path = resolve_db_path(db).absolute()
    backup = newest_backup(db_path)
    if backup is None:
        return None
    command = f"beslut --db {quoted(str(db_path))} backup restore {quoted(str(backup.path))}"
    message = _(
        "Den senaste säkerhetskopian är från {time}: {path}\n"
        "Stäng beslut och återställ den med:\n  {command}"
    )
    when = backup.created.astimezone().strftime("%Y-%m-%d %H:%M")
    return message.format(time=when, path=backup.path, command=command)


def quoted(argument: str) -> str:
    """``argument`` quoted for the shell of this platform."""
    if sys.platform.startswith("win"):
        import subprocess

        return subprocess.list2cmdline([argument])
    import shlex

    return shlex.quote(argument)

"""Which automatic backups to keep: the newest of each of the last days, and a few of today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from beslut.store.backups import BackupInfo

DAYS = 7  # the newest backup of each of this many days is kept
TODAY = 3  # and this many of today's, newest first


def local_day(backup: BackupInfo) -> dt.date:
    """The date, where the user is, on which ``backup`` was made."""
    return backup.created.astimezone().date()


def to_keep(backups: Sequence[BackupInfo], today: dt.date) -> set[Path]:
    """The backups (of ``backups``, newest first) that pruning leaves.

    Every close makes a backup, so a count alone would let a few restarts in one day push
    out every earlier day. Kept are the newest backup of each of the DAYS latest days
    that have one (days without beslut in use do not count, so a holiday does not empty
    the folder), and the newest TODAY backups of ``today``. Damaged copies are always kept.
    """
    keep = {b.path for b in backups if b.damaged}
    sound = [b for b in backups if not b.damaged]
    keep.update(b.path for b in [b for b in sound if local_day(b) == today][:TODAY])
    days: set[dt.date] = set()
    for backup in sound:
        day = local_day(backup)
        if day in days:
            continue
        if len(days) == DAYS:
            break
        days.add(day)
        keep.add(backup.path)
    return keep

"""Which backups pruning keeps: the newest of each of the last 7 days, and 3 of today."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from tests.today import TODAY

from beslut.store import Store
from beslut.store.backups import backup_dir, list_backups, make_backup, prune


def _name(day: dt.date, hour: int, minute: int = 0, *, damaged: bool = False) -> str:
    """The name of a backup made at ``hour``:``minute`` local time on ``day`` (UTC inside)."""
    local = dt.datetime(day.year, day.month, day.day, hour, minute).astimezone()
    stamp = local.astimezone(dt.UTC).strftime("%Y%m%d-%H%M%S")
    return f"beslut-{stamp}{'-skadad' if damaged else ''}.db"


def _folder_with(db_path: Path, names: list[str]) -> Path:
    with Store.open(db_path) as store:
        template = make_backup(store)
    folder = backup_dir(db_path)
    for name in names:
        shutil.copy(template, folder / name)
    template.unlink()
    return folder


def _day(days_ago: int) -> dt.date:
    return TODAY - dt.timedelta(days=days_ago)


def test_prune_keeps_one_per_day_for_seven_days_and_three_of_today(tmp_path: Path) -> None:
    db_path = tmp_path / "beslut.db"
    names = [_name(_day(ago), hour) for ago in range(1, 15) for hour in (8, 12, 16)]
    names += [_name(TODAY, 7, minute) for minute in range(0, 50, 10)]  # five of today
    names.append(_name(_day(30), 9, damaged=True))
    folder = _folder_with(db_path, names)
    removed = prune(db_path)
    expected = {
        *[_name(TODAY, 7, minute) for minute in (20, 30, 40)],  # today's newest three
        *[_name(_day(ago), 16) for ago in range(1, 7)],  # the newest of six earlier days
        _name(_day(30), 9, damaged=True),  # never pruned
    }
    assert {p.name for p in folder.iterdir()} == expected
    assert len(removed) == len(names) - len(expected)


def test_days_without_a_backup_do_not_count(tmp_path: Path) -> None:
    """After a holiday the backups from before it are still there."""
    db_path = tmp_path / "beslut.db"
    days = [_day(ago) for ago in (40, 35, 30, 25, 20, 15, 10, 5)]
    names = [_name(day, hour) for day in days for hour in (9, 15)]
    folder = _folder_with(db_path, names)
    prune(db_path)
    assert {p.name for p in folder.iterdir()} == {_name(day, 15) for day in days[1:]}


def test_seven_closes_in_one_day_keep_yesterdays_backup(tmp_path: Path) -> None:
    db_path = tmp_path / "beslut.db"
    yesterday = [_name(_day(1), 17), _name(_day(2), 17)]
    folder = _folder_with(db_path, yesterday)
    with Store.open(db_path) as store:
        for _ in range(7):  # seven starts and closes today, each with its backup
            make_backup(store)
    backups = list_backups(db_path)
    assert [b.path.name for b in backups[3:]] == yesterday
    assert all(b.created.astimezone().date() == TODAY for b in backups[:3])
    assert len(list(folder.iterdir())) == 5

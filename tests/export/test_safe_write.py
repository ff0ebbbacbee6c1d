"""Tests for beslut.export.safe_write: never half a file, never the old version lost."""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO

import pytest

from beslut.export import DiskFullError, FolderNotWritableError, TargetLockedError, WriteError
from beslut.export.safe_write import TEMP_PREFIX, copy_file, write_bytes, write_with


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_writes_and_replaces_without_leaving_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "tu.docx"
    write_bytes(target, b"first")
    write_bytes(target, b"second")
    assert target.read_bytes() == b"second"
    assert _leftovers(tmp_path) == []


def test_a_full_disk_keeps_the_old_version(tmp_path: Path) -> None:
    target = tmp_path / "tu.docx"
    target.write_bytes(b"old version")

    def fill_the_disk(handle: BinaryIO) -> None:
        handle.write(b"half a document")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(DiskFullError) as caught:
        write_with(target, fill_the_disk)
    assert "Disken är full" in caught.value.user_message
    assert "tu.docx" in caught.value.user_message
    assert target.read_bytes() == b"old version"
    assert _leftovers(tmp_path) == []


def test_a_target_open_in_word_gives_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "tu.docx"
    target.write_bytes(b"old version")

    def locked(src: object, dst: object) -> None:
        # What Windows raises when Word holds the file open.
        raise PermissionError(errno.EACCES, "The process cannot access the file", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(TargetLockedError) as caught:
        write_bytes(target, b"new")
    assert "öppen i Word" in caught.value.user_message
    assert target.read_bytes() == b"old version"
    assert _leftovers(tmp_path) == []


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(FolderNotWritableError) as caught:
        write_bytes(tmp_path / "finns-inte" / "tu.docx", b"x")
    assert "finns inte" in caught.value.user_message


def test_a_folder_without_permission_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(**kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied", str(kwargs.get("dir")))

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(FolderNotWritableError) as caught:
        write_bytes(tmp_path / "tu.docx", b"x")
    assert str(tmp_path) in caught.value.user_message
    assert "behörighet" in caught.value.user_message


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root and Windows ignore mode bits"
)
def test_a_read_only_folder_for_real(tmp_path: Path) -> None:
    folder = tmp_path / "låst"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(FolderNotWritableError):
            write_bytes(folder / "tu.docx", b"x")
    finally:
        folder.chmod(stat.S_IRWXU)


def test_a_folder_with_the_target_name_is_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "tu.docx").mkdir()
    with pytest.raises(WriteError) as caught:
        write_bytes(tmp_path / "tu.docx", b"x")
    assert "mapp" in caught.value.user_message
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_old_files_permissions_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "tu.docx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_bytes(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    fresh = write_bytes(tmp_path / "ny.docx", b"x")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644


def test_copy_file(tmp_path: Path) -> None:
    source = tmp_path / "a.pdf"
    source.write_bytes(b"%PDF" * 100_000)
    assert copy_file(source, tmp_path / "b.pdf").read_bytes() == source.read_bytes()

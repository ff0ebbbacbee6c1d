"""LibreOffice misbehaving: children that outlive it, escape its group or flood its output.

Each fake soffice is a shell script written here; the export must return within the
time limit and a few seconds, with a Swedish message, and leave no process behind.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from beslut.export import PdfConversionError, convert_to_pdf
from beslut.export.proctree import OUTPUT_LIMIT, run_bounded

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="the fake soffice is a POSIX shell script"
)


def _fake(folder: Path, body: str) -> Path:
    script = folder / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    return script


def _docx(folder: Path) -> Path:
    docx = folder / "tu.docx"
    docx.write_bytes(b"docx")
    return docx


def _gone(pid: int) -> bool:
    """The process has ended (a zombie waiting for its reaper counts as ended)."""
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        stat = Path(f"/proc/{pid}/stat")
        if stat.exists() and stat.read_text().rsplit(")", 1)[-1].split()[0] == "Z":
            return True
        time.sleep(0.05)
    return False


def _child(folder: Path) -> int:
    deadline = time.monotonic() + 3
    while not (folder / "child").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return int((folder / "child").read_text())


def test_a_child_in_the_group_holding_the_output_is_ended_at_the_limit(tmp_path: Path) -> None:
    # soffice sleeps; its child sleeps too and keeps stdout open.
    fake = _fake(tmp_path, f'sleep 60 &\necho $! > "{tmp_path}/child"\nsleep 60')
    started = time.monotonic()
    with pytest.raises(PdfConversionError) as caught:
        convert_to_pdf(_docx(tmp_path), soffice=fake, timeout=1.0)
    assert time.monotonic() - started < 1.0 + 4
    assert "avbröts" in caught.value.user_message
    assert "Word-filen är sparad" in caught.value.user_message
    assert _gone(_child(tmp_path))


def test_a_child_left_behind_by_a_finished_soffice_does_not_hold_the_export(
    tmp_path: Path,
) -> None:
    # soffice itself ends at once but its child keeps the output pipe open for a minute.
    fake = _fake(tmp_path, f'sleep 60 &\necho $! > "{tmp_path}/child"\nexit 0')
    started = time.monotonic()
    with pytest.raises(PdfConversionError) as caught:  # no PDF came out
        convert_to_pdf(_docx(tmp_path), soffice=fake, timeout=5.0)
    assert time.monotonic() - started < 5.0
    assert "Word-filen är sparad" in caught.value.user_message
    assert _gone(_child(tmp_path))


@pytest.mark.skipif(shutil.which("setsid") is None, reason="needs setsid(1)")
def test_a_child_that_leaves_the_group_does_not_hold_the_export(tmp_path: Path) -> None:
    # The realistic Windows form (soffice.bin outliving soffice.com), done with setsid.
    escape = f"setsid sh -c 'echo $$ > \"{tmp_path}/child\"; exec sleep 60' &"
    fake = _fake(tmp_path, f"{escape}\nsleep 60")
    started = time.monotonic()
    with pytest.raises(PdfConversionError):
        convert_to_pdf(_docx(tmp_path), soffice=fake, timeout=1.0)
    assert time.monotonic() - started < 1.0 + 4
    if sys.platform.startswith("linux"):  # found by its environment marker
        assert _gone(_child(tmp_path))


def test_a_flooding_soffice_is_read_with_a_limit(tmp_path: Path) -> None:
    fake = _fake(tmp_path, "cat /dev/zero")
    tracemalloc.start()
    try:
        started = time.monotonic()
        with pytest.raises(PdfConversionError) as caught:
            convert_to_pdf(_docx(tmp_path), soffice=fake, timeout=1.5)
        elapsed = time.monotonic() - started
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 1.5 + 4
    assert peak < 8 * 1024 * 1024
    assert "avbröts" in caught.value.user_message


def test_the_output_kept_is_the_first_part(tmp_path: Path) -> None:
    fake = _fake(tmp_path, "echo start; head -c 300000 /dev/zero; exit 3")
    finished = run_bounded([str(fake)], timeout=10)
    assert finished.returncode == 3
    assert not finished.timed_out
    assert finished.output.startswith(b"start\n")
    assert len(finished.output) == OUTPUT_LIMIT

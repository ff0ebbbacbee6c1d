"""LibreOffice misbehaving: children that outlive it, escape its group or flood its output.

Each fake soffice is a small Python program written here (started through a shell
script, or a .bat on Windows); the export must return within the time limit and a few
seconds, with a Swedish message, and leave no process behind.
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
from beslut.tempfiles import process_alive

WINDOWS = sys.platform == "win32"
posix_only = pytest.mark.skipif(WINDOWS, reason="setsid(1) and /bin/sh are POSIX")

# The fake's child: sleeps a minute, holding the output pipe it inherited.
_CHILD = """
import subprocess, sys
from pathlib import Path
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
Path(sys.argv[1], "child").write_text(str(child.pid))
"""


def _fake(folder: Path, body: str) -> Path:
    """A soffice that runs ``body`` (Python; ``folder`` is sys.argv[1]) and ignores its
    own arguments."""
    program = folder / "fake_soffice.py"
    program.write_text(body, encoding="utf-8")
    if WINDOWS:
        script = folder / "soffice.bat"
        script.write_text(f'@"{sys.executable}" "{program}" "{folder}"\r\n', encoding="utf-8")
    else:
        script = folder / "soffice"
        script.write_text(
            f'#!/bin/sh\nexec "{sys.executable}" "{program}" "{folder}"\n', encoding="utf-8"
        )
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
        if not process_alive(pid):
            return True
        stat = Path(f"/proc/{pid}/stat")
        if stat.exists() and stat.read_text().rsplit(")", 1)[-1].split()[0] == "Z":
            return True
        time.sleep(0.05)
    return False


def _child(folder: Path) -> int:
    deadline = time.monotonic() + 5
    while not (folder / "child").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return int((folder / "child").read_text())


def test_a_child_holding_the_output_is_ended_at_the_limit(tmp_path: Path) -> None:
    fake = _fake(tmp_path, _CHILD + "import time\ntime.sleep(60)\n")
    started = time.monotonic()
    with pytest.raises(PdfConversionError) as caught:
        convert_to_pdf(_docx(tmp_path), soffice=fake, timeout=3.0)
    assert time.monotonic() - started < 3.0 + 5
    assert "avbröts" in caught.value.user_message
    assert "Word-filen är sparad" in caught.value.user_message
    assert _gone(_child(tmp_path))


def test_a_child_left_behind_by_a_finished_soffice_does_not_hold_the_export(
    tmp_path: Path,
) -> None:
    # soffice itself ends at once but its child keeps the output pipe open for a minute.
    fake = _fake(tmp_path, _CHILD)
    started = time.monotonic()
    with pytest.raises(PdfConversionError) as caught:  # no PDF came out
        convert_to_pdf(_docx(tmp_path), soffice=fake, timeout=20.0)
    assert time.monotonic() - started < 10.0
    assert "Word-filen är sparad" in caught.value.user_message
    assert _gone(_child(tmp_path))


@posix_only
@pytest.mark.skipif(shutil.which("setsid") is None, reason="needs setsid(1)")
def test_a_child_that_leaves_the_group_does_not_hold_the_export(tmp_path: Path) -> None:
    # The realistic Windows form (soffice.bin outliving soffice.com), done with setsid.
    script = tmp_path / "soffice"
    escape = f"setsid sh -c 'echo $$ > \"{tmp_path}/child\"; exec sleep 60' &"
    script.write_text(f"#!/bin/sh\n{escape}\nsleep 60\n", encoding="utf-8")
    script.chmod(0o755)
    started = time.monotonic()
    with pytest.raises(PdfConversionError):
        convert_to_pdf(_docx(tmp_path), soffice=script, timeout=1.0)
    assert time.monotonic() - started < 1.0 + 4
    if sys.platform.startswith("linux"):  # found by its environment marker
        assert _gone(_child(tmp_path))


def test_a_flooding_soffice_is_read_with_a_limit(tmp_path: Path) -> None:
    fake = _fake(tmp_path, "import sys\nwhile True:\n    sys.stdout.buffer.write(b'x' * 65536)\n")
    tracemalloc.start()
    try:
        started = time.monotonic()
        with pytest.raises(PdfConversionError) as caught:
            convert_to_pdf(_docx(tmp_path), soffice=fake, timeout=2.0)
        elapsed = time.monotonic() - started
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 2.0 + 5
    assert peak < 8 * 1024 * 1024
    assert "avbröts" in caught.value.user_message


def test_the_output_kept_is_the_first_part(tmp_path: Path) -> None:
    body = "import sys\nsys.stdout.buffer.write(b'start\\n' + bytes(300000))\nsys.exit(3)\n"
    fake = _fake(tmp_path, body)
    finished = run_bounded([str(fake)], timeout=20)
    assert finished.returncode == 3
    assert not finished.timed_out
    assert finished.output.startswith(b"start\n")
    assert len(finished.output) == OUTPUT_LIMIT


def test_the_marker_is_in_the_programs_environment(tmp_path: Path) -> None:
    body = "import os, sys\nsys.stdout.write(os.environ.get('BESLUT_CHILD_RUN', ''))\n"
    finished = run_bounded([str(_fake(tmp_path, body))], timeout=20)
    assert len(finished.output.strip()) == 32
    assert os.environ.get("BESLUT_CHILD_RUN") is None

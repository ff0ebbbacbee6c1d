"""Running an outside program (LibreOffice) so that it and everything it starts can be
ended at a time limit, and its output is read with a limit.

POSIX: the program gets its own session (process group); at the deadline the group is
killed, and on Linux also every process that carries this run's marker in its
environment (a child that made itself a new session still inherits it). Windows: a new
process group in a job object that kills its processes when the job is closed, with
``taskkill /T /F`` as the fallback.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from beslut.cancel import Cancelled, cancelled

OUTPUT_LIMIT = 64 * 1024  # bytes of the program's output kept; the rest is read and dropped
MARKER_ENV = "BESLUT_CHILD_RUN"
_CANCEL_POLL = 0.2  # seconds between looks at the user's Avbryt while LibreOffice works
_PIPE_GRACE = 2.0  # seconds to wait for the output's end once the program itself has ended


@dataclass
class Finished:
    """How a run ended: its exit code (None when it was killed at the deadline) and output."""

    returncode: int | None
    output: bytes
    timed_out: bool = False


def run_bounded(command: list[str], timeout: float) -> Finished:
    """Run ``command``; kill it and all it started after ``timeout`` seconds.

    stdout and stderr are read together, keeping the first OUTPUT_LIMIT bytes. Raises
    OSError when the program cannot be started.
    """
    marker = uuid.uuid4().hex
    env = {**os.environ, MARKER_ENV: marker}
    windows = sys.platform == "win32"
    flags = 0
    if windows:
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) | getattr(
            subprocess, "CREATE_NEW_PROCESS_GROUP", 0
        )
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=not windows,
        creationflags=flags,
        env=env,
    )
    job = _windows_job(process) if windows else None
    kept: list[bytes] = []
    reader = threading.Thread(target=_drain, args=(process, kept), daemon=True)
    reader.start()
    ended = _wait(process, timeout)
    if ended:
        _end_stragglers(process, marker, job)
    else:
        kill_tree(process, marker, job)
        if cancelled():  # not the time limit: the user's Avbryt
            reader.join(_PIPE_GRACE)
            raise Cancelled()
    timed_out = not ended
    # A child that escaped may hold the pipe open: never wait for it beyond a grace.
    reader.join(_PIPE_GRACE)
    return Finished(None if timed_out else process.returncode, b"".join(kept), timed_out)


def _wait(process: subprocess.Popen[bytes], timeout: float) -> bool:
    """Wait for ``process`` up to ``timeout`` seconds, or until the work is cancelled;
    True when it ended."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        try:
            process.wait(timeout=max(0.0, min(_CANCEL_POLL, left)))
            return True
        except subprocess.TimeoutExpired:
            if left <= _CANCEL_POLL or cancelled():
                return False


def _drain(process: subprocess.Popen[bytes], kept: list[bytes]) -> None:
    # The thread holds the process and so its pipe: the pipe is never closed under it.
    pipe, size = cast(io.BufferedReader, process.stdout), 0
    with contextlib.suppress(OSError, ValueError):
        while chunk := pipe.read1(65536):
            if size < OUTPUT_LIMIT:
                kept.append(chunk[: OUTPUT_LIMIT - size])
                size += len(kept[-1])


def _end_stragglers(process: subprocess.Popen[bytes], marker: str, job: object) -> None:
    """The program has ended: whatever it left running in its group goes too."""
    if sys.platform == "win32":
        _close_job(job)
        return
    with contextlib.suppress(OSError):
        os.killpg(process.pid, signal.SIGKILL)
    _kill_marked(marker)


def kill_tree(process: subprocess.Popen[bytes], marker: str, job: object = None) -> None:
    """Kill ``process`` and everything it started, then reap it."""
    if sys.platform == "win32":
        _close_job(job)
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(
                ["taskkill", "/T", "/F", "/PID", str(process.pid)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
                timeout=10,
            )
        with contextlib.suppress(OSError):
            process.kill()
    else:
        with contextlib.suppress(OSError):
            os.killpg(process.pid, signal.SIGKILL)
        _kill_marked(marker)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=5)


def _kill_marked(marker: str) -> None:
    """Linux: kill every process of this user whose environment has this run's marker."""
    proc = Path("/proc")
    if not sys.platform.startswith("linux") or not proc.is_dir():
        return
    needle = f"{MARKER_ENV}={marker}".encode()
    own = os.getpid()
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == own:
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:
            continue  # gone, or another user's
        if needle in environ.split(b"\0"):
            with contextlib.suppress(OSError):
                os.kill(int(entry.name), signal.SIGKILL)


def _windows_job(process: subprocess.Popen[bytes]) -> object:
    """A job object holding ``process`` that kills it and its children when closed."""
    if sys.platform != "win32":
        return None
    try:
        return _make_job(process.pid)
    except (OSError, AttributeError):
        return None  # taskkill /T is the fallback


if sys.platform == "win32":
    import ctypes
    from ctypes import wintypes

    _JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x2000
    _JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS = 9
    _PROCESS_SET_QUOTA, _PROCESS_TERMINATE = 0x0100, 0x0001

    class _IoCounters(ctypes.Structure):
        _fields_ = [(name, ctypes.c_ulonglong) for name in (
            "ReadOperationCount", "WriteOperationCount", "OtherOperationCount",
            "ReadTransferCount", "WriteTransferCount", "OtherTransferCount",
        )]  # fmt: skip

    class _BasicLimits(ctypes.Structure):
        _fields_ = [
            ("PerProcessUserTimeLimit", ctypes.c_int64),
            ("PerJobUserTimeLimit", ctypes.c_int64),
            ("LimitFlags", wintypes.DWORD),
            ("MinimumWorkingSetSize", ctypes.c_size_t),
            ("MaximumWorkingSetSize", ctypes.c_size_t),
            ("ActiveProcessLimit", wintypes.DWORD),
            ("Affinity", ctypes.c_size_t),
            ("PriorityClass", wintypes.DWORD),
            ("SchedulingClass", wintypes.DWORD),
        ]

    class _ExtendedLimits(ctypes.Structure):
        _fields_ = [
            ("BasicLimitInformation", _BasicLimits),
            ("IoInfo", _IoCounters),
            ("ProcessMemoryLimit", ctypes.c_size_t),
            ("JobMemoryLimit", ctypes.c_size_t),
            ("PeakProcessMemoryUsed", ctypes.c_size_t),
            ("PeakJobMemoryUsed", ctypes.c_size_t),
        ]

    def _make_job(pid: int) -> object:
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.CreateJobObjectW.restype = wintypes.HANDLE
        kernel32.OpenProcess.restype = wintypes.HANDLE
        job = kernel32.CreateJobObjectW(None, None)
        if not job:
            raise ctypes.WinError(ctypes.get_last_error())
        limits = _ExtendedLimits()
        limits.BasicLimitInformation.LimitFlags = _JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
        ok = kernel32.SetInformationJobObject(
            wintypes.HANDLE(job),
            _JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS,
            ctypes.byref(limits),
            ctypes.sizeof(limits),
        )
        handle = kernel32.OpenProcess(_PROCESS_SET_QUOTA | _PROCESS_TERMINATE, False, pid)
        assigned = (
            ok
            and handle
            and kernel32.AssignProcessToJobObject(wintypes.HANDLE(job), wintypes.HANDLE(handle))
        )
        if handle:
            kernel32.CloseHandle(wintypes.HANDLE(handle))
        if not assigned:
            kernel32.CloseHandle(wintypes.HANDLE(job))
            raise ctypes.WinError(ctypes.get_last_error())
        return job

    def _close_job(job: object) -> None:
        if job:
            kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
            kernel32.CloseHandle(wintypes.HANDLE(job))  # kills what is still in it

else:

    def _make_job(pid: int) -> object:
        raise OSError("job objects exist only on Windows")

    def _close_job(job: object) -> None:
        return None

"""dev.py, the README's two commands: where there is no venv module it installs into the
Python that runs it, once, and runs the tests with that Python."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _dev(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.delenv("BESLUT_EXTRAS", raising=False)  # CI's Windows leg sets it
    spec = importlib.util.spec_from_file_location("dev_under_test", ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    monkeypatch.setattr(dev, "ROOT", tmp_path)  # stamps go to tmp_path/build
    monkeypatch.setattr(dev, "VENV", tmp_path / ".venv")
    monkeypatch.setattr(dev, "STAMP", tmp_path / ".venv" / ".beslut-installed")
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    return dev


def test_without_venv_it_installs_into_this_python_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    dev = _dev(tmp_path, monkeypatch)
    monkeypatch.setattr(dev, "has_venv", lambda: False)
    calls: list[list[str]] = []

    def run(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        calls.append(command)
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(dev.subprocess, "run", run)
    assert dev.ensure_installed() == Path(sys.executable)
    assert len(calls) == 1
    assert calls[0][:4] == [sys.executable, "-m", "pip", "install"]
    assert calls[0][-1] == f"{tmp_path}[test,dev,bench,package]"
    assert "saknar venv" in capsys.readouterr().out
    assert not (tmp_path / ".venv").exists()
    assert dev.ensure_installed() == Path(sys.executable)  # the second time: nothing to do
    assert len(calls) == 1


def test_with_venv_it_still_makes_dot_venv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dev = _dev(tmp_path, monkeypatch)
    if not dev.has_venv():
        pytest.skip("this Python has no venv module (the embeddable Windows Python)")
    made: list[Path] = []

    class Builder:
        def __init__(self, **options: object) -> None:
            pass

        def create(self, where: Path) -> None:
            made.append(where)
            raise OSError("stop here")  # far enough: it chose .venv

    import venv

    monkeypatch.setattr(venv, "EnvBuilder", Builder)
    with pytest.raises(SystemExit):
        dev.ensure_installed()
    assert made == [tmp_path / ".venv"]


def test_beslut_extras_chooses_fewer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BESLUT_EXTRAS", "test,package,nonsense")
    spec = importlib.util.spec_from_file_location("dev_with_extras", ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    assert dev.EXTRAS == ("test", "package")

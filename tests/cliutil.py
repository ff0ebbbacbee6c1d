"""Running the command line in process, as the CLI tests do."""

from __future__ import annotations

import pytest

from beslut.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``beslut ARGS``: its exit code, stdout and stderr."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err

"""Importing beslut.export is cheap: python-docx and babel load only when exporting."""

from __future__ import annotations

import subprocess
import sys


def _loaded(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _heavy(names: tuple[str, ...]) -> str:
    return f"print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in {names!r})))\n"


def test_import_leaves_docx_babel_and_qt_out() -> None:
    assert (
        _loaded("import sys, beslut.export\n" + _heavy(("docx", "lxml", "babel", "PySide6"))) == ""
    )


def test_the_command_line_does_not_load_docx_to_start() -> None:
    assert _loaded("import sys, beslut.cli\n" + _heavy(("docx", "lxml"))) == ""


def test_exporting_needs_no_qt() -> None:
    code = (
        "import sys, datetime\n"
        "from beslut.export.document import render_docx\n"
        "from beslut.model.example import example_draft\n"
        "render_docx(example_draft(datetime.date(2026, 2, 22))[0])\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('PySide6'))))\n"
    )
    assert _loaded(code) == ""

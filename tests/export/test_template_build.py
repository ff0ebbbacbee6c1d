"""The committed city template is what templates/build_template.py builds, and is sound."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path
from types import ModuleType

from docx import Document

from beslut.export.fields import FIELDS
from beslut.export.merge import FIELD_PATTERN

ROOT = Path(__file__).resolve().parents[2]


def _builder() -> ModuleType:
    path = ROOT / "templates" / "build_template.py"
    spec = importlib.util.spec_from_file_location("build_template", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_template_is_up_to_date(template: Path, tmp_path: Path) -> None:
    rebuilt = _builder().build(tmp_path / "stadsmall.docx")
    assert rebuilt.read_bytes() == template.read_bytes(), "run templates/build_template.py"


def test_the_template_is_a4_with_its_own_first_page(template: Path) -> None:
    section = Document(str(template)).sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.different_first_page_header_footer


def test_every_field_in_the_template_is_known(template: Path) -> None:
    with zipfile.ZipFile(template) as archive:
        text = "".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".xml"))
    used = {match.group(1) for match in FIELD_PATTERN.finditer(text)}
    assert used <= set(FIELDS)
    assert {"dnr", "datum_iso", "namnd", "handlaggare", "telefon", "innehall"} <= used
    assert "PAGE" in text and "NUMPAGES" in text

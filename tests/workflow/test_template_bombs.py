"""A hostile Word template in the organisation's folder (stadsmall.docx, or a document
type's own): checked like an imported .docx before python-docx parses it, refused with a
notice naming the file, and the built-in template used instead, in bounded time and
memory. Every hostile file is written here."""

from __future__ import annotations

import shutil
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from beslut.doctypes import default_template_dir
from beslut.export.document import open_template
from beslut.export.errors import TemplateError
from beslut.export.templatecheck import MAX_TEMPLATE_XML, check_template, template_problem
from beslut.settings import Settings, save_settings
from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.workflow.exporting import export_stored
from beslut.workflow.templates import resolve_doctype, template_source

BOUND = 2.0  # seconds, generous: each refusal takes milliseconds
W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PARAGRAPH = b"<w:p><w:r><w:t>aaaa</w:t></w:r></w:p>"


@pytest.fixture
def org(tmp_path: Path) -> Path:
    folder = tmp_path / "org"
    shutil.copytree(default_template_dir(), folder)
    return folder


def _with_part(target: Path, name: str, data: bytes) -> Path:
    """A copy of the shipped template with part ``name`` replaced by ``data``."""
    source = default_template_dir() / "stadsmall.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, data if info.filename == name else old.read(info))
    return target


def _bomb(target: Path) -> Path:
    """A document.xml that unpacks to more than a template's XML part may (5 MB) from a
    file of a few dozen KB; the report's figures are for 148 MB from 438 KB."""
    body = PARAGRAPH * (MAX_TEMPLATE_XML // len(PARAGRAPH) + 1000)
    data = b"<w:document " + W + b"><w:body>" + body + b"</w:body></w:document>"
    return _with_part(target, "word/document.xml", data)


def _deep(target: Path) -> Path:
    data = b"<w:document " + W + b"><w:body>" + b"<w:p>" * 100_000 + b"</w:p>" * 100_000
    return _with_part(target, "word/document.xml", data + b"</w:body></w:document>")


def _refusal(path: Path) -> tuple[str, float, int]:
    tracemalloc.start()
    start = time.perf_counter()
    problem = template_problem(path)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert problem is not None
    return problem, seconds, peak


def test_a_template_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    bomb = _bomb(tmp_path / "stadsmall.docx")
    assert bomb.stat().st_size < 1024 * 1024
    problem, seconds, peak = _refusal(bomb)
    assert "orimligt mycket data" in problem
    assert seconds < BOUND
    assert peak < 2 * 1024 * 1024  # bytes: the part is never unpacked


def test_deeply_nested_xml_is_refused(tmp_path: Path) -> None:
    problem, seconds, _peak = _refusal(_deep(tmp_path / "stadsmall.docx"))
    assert "word/document.xml" in problem and "för många nivåer" in problem
    assert seconds < BOUND


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        ("word/styles.xml", b'<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', "XML-konstruktioner"),
        ("word/settings.xml", b"<w:settings " + W + b"><oj", "kan inte läsas som XML"),
    ],
)
def test_xml_that_beslut_does_not_read_is_refused(
    tmp_path: Path, name: str, data: bytes, why: str
) -> None:
    problem, _seconds, _peak = _refusal(_with_part(tmp_path / "mall.docx", name, data))
    assert name in problem and why in problem


def test_a_file_that_is_not_a_word_document_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "stadsmall.docx"
    fake.write_bytes(b"inte en zip")
    problem, _seconds, _peak = _refusal(fake)
    assert "inte ett Word-dokument" in problem


def test_opening_a_bomb_as_template_is_a_template_error_naming_it(tmp_path: Path) -> None:
    bomb = _bomb(tmp_path / "bomb.docx")
    start = time.perf_counter()
    with pytest.raises(TemplateError) as info:
        open_template(bomb)  # what export --template and the nämnd's documents call
    assert time.perf_counter() - start < BOUND
    assert info.value.user_message.startswith("Wordmallen bomb.docx kan inte användas: ")


def test_the_shipped_template_passes() -> None:
    check_template(default_template_dir() / "stadsmall.docx")


def test_the_organisations_bomb_gives_way_to_the_built_in_template_with_a_notice(
    org: Path, tmp_path: Path, db_path: Path
) -> None:
    _bomb(org / "stadsmall.docx")
    settings = Settings(template_dir=str(org))
    source = template_source(settings)
    assert source.folder == org and source.template is None  # the built-in template
    (notice,) = source.notices
    assert "stadsmall.docx" in notice and "den inbyggda mallen" in notice
    start = time.perf_counter()
    with Store.open(db_path, seed=seed_example) as store:
        save_settings(store, settings)
        exported = export_stored(store, 1, tmp_path / "tu.docx", settings)
    assert time.perf_counter() - start < 10 * BOUND  # a whole export, in the built-in template
    assert (tmp_path / "tu.docx").stat().st_size > 0
    assert notice in exported.notices


def test_a_types_own_bomb_gives_way_to_the_organisations_template(org: Path) -> None:
    _deep(org / "remissvar.docx")
    path = org / "doctypes" / "remissvar.toml"
    path.write_text(
        'template = "remissvar.docx"\n' + path.read_text(encoding="utf-8"), encoding="utf-8"
    )
    resolved = resolve_doctype("remissvar", Settings(template_dir=str(org)))
    assert resolved.template == org / "stadsmall.docx"
    assert any("remissvar.docx" in n and "stadsmall.docx" in n for n in resolved.notices)


def test_many_xml_parts_under_the_part_limit_are_refused_together(tmp_path: Path) -> None:
    from beslut.export.templatecheck import MAX_TEMPLATE_XML_TOTAL

    target = _with_part(tmp_path / "mall.docx", "word/document.xml", b"")
    part = b"<x>" + b"a" * (MAX_TEMPLATE_XML - 100) + b"</x>"
    with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED) as archive:
        for number in range(MAX_TEMPLATE_XML_TOTAL // len(part) + 1):
            archive.writestr(f"customXml/item{number}.xml", part)
    problem, seconds, _peak = _refusal(target)
    assert "orimligt mycket data" in problem
    assert seconds < BOUND

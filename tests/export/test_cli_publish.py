"""``beslut export --publish``: the publication copy is clean in every part of the .docx
and the PDF/A, and the rest of the text is still there."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from tests.cliutil import run_cli
from tests.personaldraft import KEPT, PRIVATE, personal_draft

from beslut.model.jsonio import dumps
from beslut.store import Store

MASK = "[personuppgift borttagen]"


def _draft_file(folder: Path) -> Path:
    path = folder / "utkast.json"
    path.write_text(dumps(personal_draft(), {}), encoding="utf-8")
    return path


def _docx_texts(path: Path) -> str:
    """Every text python-docx reaches: body, tables, headers, footers, footnotes part,
    core properties; and, to be sure, the text of every XML part in the package."""
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header,
                     section.first_page_footer):  # fmt: skip
            texts += [p.text for p in part.paragraphs]
            texts += [c.text for t in part.tables for r in t.rows for c in r.cells]
    props = document.core_properties
    texts += [props.title, props.subject, props.author, props.keywords, props.comments,
              props.identifier, props.category, props.last_modified_by]  # fmt: skip
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                xml = package.read(name).decode("utf-8")
                texts.append("".join(_between_tags(xml)))
                texts.append(xml)
    return "\n".join(t or "" for t in texts)


def _between_tags(xml: str) -> list[str]:
    return re.findall(r">([^<]*)<", xml)


def _clean(text: str) -> None:
    assert [value for value in PRIVATE if value in text] == []
    assert [value for value in KEPT if value not in text] == []
    assert MASK in text


def test_publish_a_draft_file_to_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "publicering.docx"
    code, printed, err = run_cli(
        capsys, "export", str(_draft_file(tmp_path)), "-o", str(out), "--publish", "--force"
    )
    assert code == 0, err
    assert printed.strip() == str(out)
    assert "Publiceringsversion: 16 personuppgifter borttagna, 0 kvar." in err
    text = _docx_texts(out)
    _clean(text)
    notes = zipfile.ZipFile(out).read("word/footnotes.xml").decode("utf-8")
    assert MASK in notes and "Yttrande från" in notes


def test_the_namnds_own_copy_is_not_masked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "namnd.docx"
    code, _out, err = run_cli(
        capsys, "export", str(_draft_file(tmp_path)), "-o", str(out), "--force"
    )
    assert code == 0, err
    text = _docx_texts(out)
    assert MASK not in text and all(value in text for value in PRIVATE)


def test_check_personal_numbers_them_and_keep_keeps_the_named_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = str(_draft_file(tmp_path))
    code, listing, _err = run_cli(capsys, "check", source, "--personal")
    lines = listing.splitlines()
    assert code == 0 and len(lines) == 16
    assert lines[0].split()[0] == "1" and "”Anna Svensson”" in lines[0]
    keep = next(n for n, line in enumerate(lines, 1) if "”Gustav Berg”" in line)
    out = tmp_path / "publicering.docx"
    code, _printed, err = run_cli(
        capsys, "export", source, "-o", str(out), "--publish", "--keep", str(keep), "--force"
    )
    assert code == 0, err
    assert "15 personuppgifter borttagna, 1 kvar" in err
    text = _docx_texts(out)
    assert "Gustav Berg" in text and "Maria Lind" not in text and "0731234567" not in text


def test_publish_refuses_what_it_cannot_mask_and_wrong_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = str(_draft_file(tmp_path)), str(tmp_path / "x.docx")
    code, _o, err = run_cli(capsys, "export", source, "-o", out, "--publish", "--attachments")
    assert code == 1 and "--attachments" in err
    code, _o, err = run_cli(capsys, "export", source, "-o", out, "--keep", "1")
    assert code == 1 and "--keep gäller bara med --publish" in err
    code, _o, err = run_cli(capsys, "export", source, "-o", out, "--publish", "--keep", "40")
    assert code == 1 and "ingen personuppgift nummer 40" in err
    assert not Path(out).exists()


def test_masked_personnummer_do_not_stop_the_export_kept_ones_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = str(_draft_file(tmp_path)), tmp_path / "x.docx"
    # The draft also lacks required sections (fel): the gate names what it found.
    code, _o, err = run_cli(capsys, "export", source, "-o", str(out), "--publish")
    assert code == 1 and "fel" in err and "personnummer" not in err
    code, _o, err = run_cli(capsys, "export", source, "-o", str(out), "--publish", "--keep", "2")
    assert code == 1 and "1 personnummer" in err
    assert not out.exists()


def _need(program: str) -> str:
    found = shutil.which(program)
    if found is None:
        pytest.skip(f"{program} is not installed")
    return found


def test_publish_a_stored_draft_to_pdf_and_keep_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _need("soffice")
    pdftotext, pdfinfo = _need("pdftotext"), _need("pdfinfo")
    code, printed, err = run_cli(capsys, "import-json", str(_draft_file(tmp_path)))
    assert code == 0, err
    draft_id = printed.strip()
    out = tmp_path / "publicering.docx"
    code, printed, err = run_cli(
        capsys, "export", draft_id, "-o", str(out), "--publish", "--pdf", "--force"
    )
    assert code == 0, err
    pdf = out.with_suffix(".pdf")
    assert printed.split() == [str(out), str(pdf)]
    _clean(_docx_texts(out))
    rendered = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True).stdout
    flat = " ".join(rendered.split())
    assert [value for value in PRIVATE if value in flat or value in info] == []
    assert "personuppgift borttagen" in flat and "Karin Perols" in flat
    with Store.open(Path(os.environ["BESLUT_DB"])) as store:
        (version,) = store.list_revisions(int(draft_id))
        assert version.label.startswith("Publiceringsversion exporterad till publicering.docx:")
        assert "16 personuppgifter borttagna" in version.label
        assert store.load_draft(int(draft_id)) == personal_draft()  # never masked

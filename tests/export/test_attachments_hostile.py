"""Bilaga files never replace another file unasked, and never arrive as a program."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pytest

from beslut.cli import main
from beslut.export import export_command
from beslut.export.attachments import existing_names, write_attachments
from beslut.export.filenames import attachment_filename, attachment_name_warning
from beslut.model import Attachment, Draft, FileRef
from beslut.model.jsonio import dumps

Example = tuple[Draft, dict[str, bytes]]
FIRST = "Bilaga 1 – Kostnadsberäkning för avgiftsfri simskola 2027.pdf"


def _with_bilaga(title: str, name: str, data: bytes = b"innehall") -> Example:
    ref = FileRef(name, len(data), hashlib.sha256(data).hexdigest())
    return Draft(attachments=(Attachment(title, ref),)), {ref.sha256: data}


def test_another_tus_bilaga_of_the_same_name_is_kept(example: Example, tmp_path: Path) -> None:
    draft, files = example
    (tmp_path / FIRST).write_bytes(b"another TU's protokollsutdrag")
    said: list[str] = []
    written = export_command(draft, files, tmp_path / "tu.docx", attachments=True, notices=said)
    assert (tmp_path / FIRST).read_bytes() == b"another TU's protokollsutdrag"
    numbered = "Bilaga 1 – Kostnadsberäkning för avgiftsfri simskola 2027 (2).pdf"
    assert written[1].name == numbered
    assert written[1].read_bytes() in files.values()
    assert said == [f"{FIRST} fanns redan, så bilagan sparades som {numbered}."]
    assert existing_names(draft, tmp_path) == [FIRST, written[2].name]


def test_overwrite_replaces_the_bilaga(example: Example, tmp_path: Path) -> None:
    draft, files = example
    (tmp_path / FIRST).write_bytes(b"old")
    said: list[str] = []
    written = export_command(
        draft, files, tmp_path / "tu.docx", attachments=True, overwrite=True, notices=said
    )
    assert written[1] == tmp_path / FIRST
    assert (tmp_path / FIRST).read_bytes() != b"old"
    assert said == []


def test_a_bilaga_never_replaces_the_document_itself(tmp_path: Path) -> None:
    draft, files = _with_bilaga("Rapport", "rapport.docx")
    for overwrite in (False, True):
        (tmp_path / str(overwrite)).mkdir()
        target = tmp_path / str(overwrite) / "Bilaga 1 – Rapport.docx"
        said: list[str] = []
        written = export_command(
            draft, files, target, attachments=True, overwrite=overwrite, notices=said
        )
        assert written[0] == target and target.read_bytes().startswith(b"PK")
        assert written[1].name == "Bilaga 1 – Rapport (2).docx"
        assert written[1].read_bytes() == b"innehall"
        assert len(said) == 1


def test_numbers_go_on_and_ignore_case(tmp_path: Path) -> None:
    (tmp_path / "Bilaga 1 – A.pdf").write_bytes(b"1")
    (tmp_path / "Bilaga 1 – A (2).pdf").write_bytes(b"2")
    said: list[str] = []
    written = write_attachments(
        [("Bilaga 1 – A.pdf", b"new"), ("Bilaga 2 – B.pdf", b"b")],
        tmp_path,
        reserved=["BILAGA 2 – b.PDF"],
        notices=said,
    )
    assert [p.name for p in written] == ["Bilaga 1 – A (3).pdf", "Bilaga 2 – B (2).pdf"]
    assert (tmp_path / "Bilaga 1 – A.pdf").read_bytes() == b"1"
    assert len(said) == 2


@pytest.mark.parametrize(
    ("title", "name", "expected"),
    [
        ("Rapport.pdf", "Rapport.pdf.exe", "Bilaga 1 – Rapport.pdf.exe.bin"),
        ("Rapport", "genväg.LNK", "Bilaga 1 – Rapport.lnk.bin"),
        ("\u202efdp.exe", "x", "Bilaga 1 – fdp.exe.bin"),  # RLO gone, extension from title
        ("Start", "start.bat", "Bilaga 1 – Start.bat.bin"),
        ("Länk", "x.url", "Bilaga 1 – Länk.url.bin"),
        ("Skript", "s.ps1", "Bilaga 1 – Skript.ps1.bin"),
        ("Installera", "s.msi", "Bilaga 1 – Installera.msi.bin"),
        ("Skärm", "s.scr", "Bilaga 1 – Skärm.scr.bin"),
        ("Java", "s.jar", "Bilaga 1 – Java.jar.bin"),
        ("Sida", "s.hta", "Bilaga 1 – Sida.hta.bin"),
        ("Skrivbord", "s.desktop", "Bilaga 1 – Skrivbord.desktop.bin"),
    ],
)
def test_a_program_or_shortcut_is_saved_under_a_safe_name_and_said(
    title: str, name: str, expected: str, tmp_path: Path
) -> None:
    draft, files = _with_bilaga(title, name)
    assert attachment_filename(1, draft.attachments[0]) == expected
    said: list[str] = []
    written = export_command(draft, files, tmp_path / "tu.docx", attachments=True, notices=said)
    assert [p.name for p in tmp_path.iterdir() if p.name != "tu.docx"] == [expected]
    assert written[1].read_bytes() == b"innehall"
    assert len(said) == 1 and expected in said[0] and "kan starta ett program" in said[0]


def test_ordinary_bilagor_are_not_renamed() -> None:
    for name in ("a.pdf", "a.docx", "a.xlsx", "a.jpg", "a.txt", "a.zip", "utan"):
        draft, _files = _with_bilaga("Rapport", name)
        assert attachment_name_warning(1, draft.attachments[0]) is None
        assert not attachment_filename(1, draft.attachments[0]).endswith(".bin")


def test_the_command_line_numbers_unless_forced(
    example: Example, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft, files = example
    draft = dataclasses.replace(draft, attachments=draft.attachments[:1])
    source = tmp_path / "utkast.json"
    source.write_text(dumps(draft, files), encoding="utf-8")
    out = tmp_path / "ut"
    out.mkdir()
    (out / FIRST).write_bytes(b"another TU's")
    assert main(["export", str(source), "-o", str(out / "tu.docx"), "--attachments"]) == 0
    captured = capsys.readouterr()
    assert "fanns redan" in captured.err and "(2).pdf" in captured.err
    assert (out / FIRST).read_bytes() == b"another TU's"
    assert captured.out.splitlines()[-1].endswith("(2).pdf")
    args = ["export", str(source), "-o", str(out / "tu.docx"), "--attachments", "--force"]
    assert main(args) == 0
    assert (out / FIRST).read_bytes() in files.values()
    assert "fanns redan" not in capsys.readouterr().err


def test_the_suggested_name_in_a_folder_replaces_nothing_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "1", "-o", str(tmp_path)]) == 0
    first = Path(capsys.readouterr().out.splitlines()[0])
    first.write_bytes(b"another TU with the same Dnr and title")
    assert main(["export", "1", "-o", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    second = Path(captured.out.splitlines()[0])
    assert second.name == first.name.replace(".docx", " (2).docx")
    assert first.read_bytes() == b"another TU with the same Dnr and title"
    assert f"{first.name} fanns redan" in captured.err and "--force" in captured.err
    assert main(["export", "1", "-o", str(tmp_path), "--force"]) == 0
    assert Path(capsys.readouterr().out.splitlines()[0]) == first
    assert first.read_bytes().startswith(b"PK")

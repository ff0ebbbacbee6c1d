"""The tracked-changes export in LibreOffice: it renders the revisions, and its own
Accept All and Reject All give the new and the old text.

These need soffice (and pdftotext for the rendering) and skip without them. LibreOffice
runs three times, in a profile of the test's own with a small Basic macro that opens a
document, accepts or rejects every change (.uno:AcceptAllTrackedChanges) and saves it.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from tests.export.trackeddraft import NEW_DECISION, REMOVED_BULLET, old_and_new

from beslut.export.document import render_docx
from beslut.export.revisions import Tracked
from beslut.model import Block, BlockKind, Draft, Section

_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
 script:language="StarBasic">
Sub Resolve(source As String, target As String, command As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(source), &quot;_blank&quot;, 0, load())
  helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  frame = doc.getCurrentController().getFrame()
  helper.executeDispatch(frame, &quot;.uno:&quot; &amp; command, &quot;&quot;, 0, Array())
  Dim save(0) As New com.sun.star.beans.PropertyValue
  save(0).Name = &quot;FilterName&quot;
  save(0).Value = &quot;MS Word 2007 XML&quot;
  doc.storeToURL(ConvertToURL(target), save())
  doc.close(True)
End Sub
</script:module>
"""


def _soffice(profile: Path, *args: str) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("soffice is not installed")
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--norestore", *args],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The tracked export, its PDF by LibreOffice, and LibreOffice's accepted and
    rejected versions of it; with the plain exports of the old and the new text."""
    folder = tmp_path_factory.mktemp("tracked")
    old, new = old_and_new()
    when = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)
    tracked = folder / "spårad.docx"
    tracked.write_bytes(render_docx(new, tracked=Tracked(old, "Anna Ek", when)))
    profile = folder / "profile"
    _soffice(profile, "--convert-to", "pdf", "--outdir", str(folder), str(tracked))
    basic = profile / "user" / "basic" / "Standard"
    assert (basic / "Module1.xba").is_file()  # LibreOffice made the profile
    (basic / "Module1.xba").write_text(_MACRO, encoding="utf-8")
    out = {"docx": tracked, "pdf": folder / "spårad.pdf", "profile": profile}
    for name, command in (
        ("accepted", "AcceptAllTrackedChanges"),
        ("rejected", "RejectAllTrackedChanges"),
    ):
        out[name] = folder / f"{name}.docx"
        _resolve(profile, tracked, out[name], command)
    out["old"], out["new"] = _plain(folder / "gammal.docx", old), _plain(folder / "ny.docx", new)
    resaved = folder / "resaved"  # the plain exports as LibreOffice saves them
    _soffice(profile, "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(resaved),
             str(out["old"]), str(out["new"]))  # fmt: skip
    out["old resaved"], out["new resaved"] = resaved / "gammal.docx", resaved / "ny.docx"
    return out


def _resolve(profile: Path, source: Path, target: Path, command: str) -> None:
    _soffice(profile, f'macro:///Standard.Module1.Resolve("{source}","{target}","{command}")')


def _plain(path: Path, draft: Draft) -> Path:
    path.write_bytes(render_docx(draft))
    return path


def _texts(path: Path) -> list[str]:
    """Every paragraph, empty ones too (a deleted paragraph must go, not leave an empty
    one behind), then every table row, as python-docx reads them."""
    document = Document(str(path))
    out = [p.text for p in document.paragraphs]
    for table in document.tables:
        out += ["|".join(cell.text for cell in row.cells) for row in table.rows]
    return out


def test_libreoffice_renders_the_changes(
    rendered: dict[str, Path], run_tool: Callable[..., str]
) -> None:
    text = run_tool("pdftotext", "-layout", rendered["pdf"], "-")
    # Shown, not yet accepted: the deleted words beside the inserted ones.
    assert "avgiftsfrikostnadsfri" in text.replace(" ", "").replace("\n", "")
    assert REMOVED_BULLET in text and NEW_DECISION in text
    assert "Ärendets beredning" in text  # the removed part, struck through


def _styles(path: Path) -> list[tuple[str, str]]:
    """Every paragraph's style and text: a paragraph kept where one before it was
    deleted keeps its own style."""
    return [(p.style.name if p.style else "", p.text) for p in Document(str(path)).paragraphs]


def test_accept_all_in_libreoffice_gives_the_new_text(rendered: dict[str, Path]) -> None:
    assert _texts(rendered["accepted"]) == _texts(rendered["new"])
    assert _styles(rendered["accepted"]) == _styles(rendered["new resaved"])


def test_reject_all_in_libreoffice_gives_the_old_text(rendered: dict[str, Path]) -> None:
    assert _texts(rendered["rejected"]) == _texts(rendered["old"])
    assert _styles(rendered["rejected"]) == _styles(rendered["old resaved"])


def _parts(*parts: tuple[str, str, tuple[str, ...]]) -> Draft:
    """The example with only these parts (key, heading, paragraphs)."""
    old, _new = old_and_new()
    sections = tuple(
        Section(key, heading, tuple(Block.plain(BlockKind.PARAGRAPH, t) for t in texts))
        for key, heading, texts in parts
    )
    return replace(old, decisions=(), signatories=(), attachments=(), sections=sections)


_SUBTITLE = "Svar på uppdrag i nämndens verksamhetsplan"
_FIRST, _LAST = ("Först.",), ("Sista.",)


# LibreOffice joins an insertion at the edge of a paragraph with an inserted paragraph
# beside it, and its Reject All then joined the paragraphs around them (adjacent.py).
@pytest.mark.parametrize(
    ("before", "after"),
    [
        (  # words added at the end of a paragraph, then a new paragraph
            [("arendet", "Ärendet", (*_FIRST, "ett två tre", *_LAST))],
            [("arendet", "Ärendet", (*_FIRST, "ett två tre fyra", "Nytt.", *_LAST))],
        ),
        (  # a new part, then a heading with words added at its start
            [("arendet", "Ärendet", _LAST)],
            [("bakgrund", "Bakgrund", ("Nytt.",)), ("arendet", "Det nya Ärendet", _LAST)],
        ),
        (  # a new part at the very end: the break before it is the inserted mark
            [("bakgrund", "Bakgrund", _LAST)],
            [("bakgrund", "Bakgrund", _LAST), ("arendet", "Ärendet", ("Nytt.",))],
        ),
        (  # a paragraph rewritten: the old deleted, the new inserted
            [("arendet", "Ärendet", (*_FIRST, "Helt annan text.", *_LAST))],
            [("arendet", "Ärendet", (*_FIRST, "Något nytt här.", *_LAST))],
        ),
    ],
)
def test_libreoffice_keeps_paragraphs_apart_beside_an_inserted_one(
    rendered: dict[str, Path],
    tmp_path: Path,
    before: list[tuple[str, str, tuple[str, ...]]],
    after: list[tuple[str, str, tuple[str, ...]]],
) -> None:
    old, new = _parts(*before), _parts(*after)
    tracked = tmp_path / "spårad.docx"
    tracked.write_bytes(render_docx(new, tracked=Tracked(old, "Anna Ek", dt.datetime.now(dt.UTC))))
    for command, draft in (("AcceptAllTrackedChanges", new), ("RejectAllTrackedChanges", old)):
        target = tmp_path / f"{command}.docx"
        _resolve(rendered["profile"], tracked, target, command)
        paragraphs = [p.text for p in Document(str(target)).paragraphs]
        expected = [
            p.text for p in Document(str(_plain(tmp_path / "väntad.docx", draft))).paragraphs
        ]
        assert paragraphs[paragraphs.index(_SUBTITLE) :] == expected[expected.index(_SUBTITLE) :]


def test_libreoffice_accepts_and_rejects_the_first_page_s_facts(
    rendered: dict[str, Path], tmp_path: Path
) -> None:
    """A changed ärendemening and Dnr, and a removed line of facts ("Telefon: ..."):
    accepting gives the new first page, rejecting the old."""
    old, _new = old_and_new()
    meta = old.meta
    person = replace(meta.handlaggare, telefon="")  # a line in the middle of its cell
    meta = replace(meta, title=meta.title + " och vuxna", dnr="IDN 2026/999", handlaggare=person)
    new = replace(old, meta=meta)
    tracked = tmp_path / "spårad.docx"
    tracked.write_bytes(render_docx(new, tracked=Tracked(old, "Anna Ek", dt.datetime.now(dt.UTC))))
    for command, draft in (("AcceptAllTrackedChanges", new), ("RejectAllTrackedChanges", old)):
        target = tmp_path / f"{command}.docx"
        _resolve(rendered["profile"], tracked, target, command)
        assert _texts(target) == _texts(_plain(tmp_path / "väntad.docx", draft)), command

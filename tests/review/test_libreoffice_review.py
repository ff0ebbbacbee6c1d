"""A review done in LibreOffice comes back: beslut exports a TU, LibreOffice opens it,
records changes by two reviewers (its user name set in its own settings), adds
comments, saves it as Word 2007 XML, and ``beslut import FILE.docx --replace ID``
holds it as changes one by one, each by the reviewer LibreOffice wrote.

These need LibreOffice (soffice) and skip without it; the comparison with what the
reviewed file says needs pandoc. LibreOffice starts three times for the module: once
to make its profile (a throwaway one of the module's own), where a Basic module is put,
then once for each of its two reviews; each run is killed, with all it started, at a
time limit.

The macro works on the document model without a window: headless LibreOffice without
its user interface files (Debian's libreoffice-writer-nogui) aborts when a comment is
added to a document that has a view (its comment window is built from them), and its
search finds nothing in a document without one; so the macro finds its text by walking
the paragraphs.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from beslut import clock
from beslut.export.pdf import find_soffice
from beslut.export.proctree import run_bounded
from beslut.model.draft import Draft
from beslut.settings import Settings
from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.workflow.exporting import export_stored
from tests.cliutil import run_cli
from tests.today import START

pytestmark = pytest.mark.slow

TIMEOUT = 120.0  # seconds for one LibreOffice run
ANNA, BO = "Anna Chef", "Bo Kollega"  # LibreOffice's user name while each one edits
KOSTNAD = "Kostnaden ryms inom nämndens budget"
BEDOMER = "Förvaltningen bedömer att en avgiftsfri simskola"
STADENS = " Stadens uppföljning visar att 24 procent av eleverna inte når målet."
NEW_SENTENCE = " Simlärarna anställs av förvaltningen."
NEW_PARAGRAPH = "Nämnden har inte tidigare erbjudit simskola."

# Two reviewers in turn. Anna Chef (tracked): a word replaced in a decision point and
# one in the text, a sentence deleted, a sentence and a paragraph inserted. Bo Kollega
# (tracked): a whole paragraph deleted, a comment on "200 meter" and a resolved one on
# "tio lektioner"; then, with recording off, a word changed (by whoever saved last).
# DeleteBeforeHeading: only the last paragraph of a part deleted, the heading after it.
_BASIC = """Private missing As String

Sub Review(source As String, target As String, logPath As String)
  On Error GoTo Failed
  SetAuthor("Anna", "Chef")
  doc = Opened(source)
  doc.RecordChanges = True
  At(doc, "omedelbart").setString("vid nästa sammanträde")
  At(doc, "e-tjänst").setString("webbtjänst")
  At(doc, "STADENS").setString("")
  c = At(doc, "tio lektioner per termin.")
  c.collapseToEnd()
  c.getText().insertString(c, "NEW_SENTENCE", False)
  c = At(doc, "ökar simkunnigheten bland yngre barn.")
  c.collapseToEnd()
  c.getText().insertControlCharacter(c, com.sun.star.text.ControlCharacter.PARAGRAPH_BREAK, False)
  c.getText().insertString(c, "NEW_PARAGRAPH", False)
  SetAuthor("Bo", "Kollega")
  DeleteParagraph(doc, "BEDOMER")
  Dim asked As New com.sun.star.util.DateTime
  asked.Year = 2027
  asked.Month = 1
  asked.Day = 4
  asked.Hours = 9
  asked.Minutes = 30
  Annotate(doc, "200 meter", "Stämmer siffran?", asked, False)
  Annotate(doc, "tio lektioner", "Klart.", asked, True)
  doc.RecordChanges = False
  At(doc, "simglasögon").setString("simdynor")
  Stored(doc, target)
  Exit Sub
Failed:
  Report(logPath, doc)
End Sub

Sub DeleteBeforeHeading(source As String, target As String, logPath As String)
  On Error GoTo Failed
  SetAuthor("Bo", "Kollega")
  doc = Opened(source)
  doc.RecordChanges = True
  DeleteParagraph(doc, "KOSTNAD")
  Stored(doc, target)
  Exit Sub
Failed:
  Report(logPath, doc)
End Sub

Function Opened(source As String) As Object
  doc = createUnoService("com.sun.star.text.TextDocument")
  Dim media(1) As New com.sun.star.beans.PropertyValue
  media(0).Name = "URL"
  media(0).Value = ConvertToURL(source)
  media(1).Name = "FilterName"
  media(1).Value = "MS Word 2007 XML"
  doc.load(media())
  Opened = doc
End Function

Sub Stored(doc As Object, target As String)
  Dim save(0) As New com.sun.star.beans.PropertyValue
  save(0).Name = "FilterName"
  save(0).Value = "MS Word 2007 XML"
  doc.storeToURL(ConvertToURL(target), save())
  doc.close(True)
End Sub

Sub Report(logPath As String, doc)
  n = FreeFile()
  Open logPath For Output As #n
  Print #n, "line " & Erl & ": " & Error$ & " " & missing
  Close #n
  If Not IsNull(doc) And Not IsEmpty(doc) Then doc.close(True)
End Sub

Sub SetAuthor(given As String, family As String)
  provider = createUnoService("com.sun.star.configuration.ConfigurationProvider")
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "nodepath"
  args(0).Value = "/org.openoffice.UserProfile/Data"
  node = provider.createInstanceWithArguments( _
    "com.sun.star.configuration.ConfigurationUpdateAccess", args())
  node.givenname = given
  node.sn = family
  node.commitChanges()
End Sub

Function At(doc As Object, what As String) As Object
  paragraphs = doc.getText().createEnumeration()
  Do While paragraphs.hasMoreElements()
    p = paragraphs.nextElement()
    If p.supportsService("com.sun.star.text.Paragraph") Then
      i = InStr(1, p.getString(), what, 0)
      If i > 0 Then
        c = p.getText().createTextCursorByRange(p.getStart())
        c.goRight(i - 1, False)
        c.goRight(Len(what), True)
        At = c
        Exit Function
      End If
    End If
  Loop
  missing = "not found: " & what
End Function

Sub DeleteParagraph(doc As Object, start As String)
  c = At(doc, start)
  c.gotoStartOfParagraph(False)
  c.gotoEndOfParagraph(True)
  c.goRight(1, True)
  c.setString("")
End Sub

Sub Annotate(doc As Object, quoted As String, content As String, when, done As Boolean)
  c = At(doc, quoted)
  note = doc.createInstance("com.sun.star.text.textfield.Annotation")
  note.Author = "Bo Kollega"
  note.Content = content
  note.DateTimeValue = when
  note.Resolved = done
  c.getText().insertTextContent(c, note, True)
End Sub
"""
_MODULE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
 script:language="StarBasic">{code}</script:module>
"""


def _macro() -> str:
    """The Basic module, with the texts it looks for, as LibreOffice stores one."""
    text = _BASIC
    for name, value in (
        ("STADENS", STADENS),
        ("NEW_SENTENCE", NEW_SENTENCE),
        ("NEW_PARAGRAPH", NEW_PARAGRAPH),
        ("BEDOMER", BEDOMER),
        ("KOSTNAD", KOSTNAD),
    ):
        text = text.replace(f'"{name}"', f'"{value}"')
    return _MODULE.format(code=escape(text, {'"': "&quot;"}))


def _soffice(soffice: Path, profile: Path, *args: str) -> str:
    command = [
        str(soffice),
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--invisible",
        "--nologo",
        "--norestore",
        "--nolockcheck",
        *args,
    ]
    finished = run_bounded(command, TIMEOUT)
    output = finished.output.decode(errors="replace")
    assert not finished.timed_out, f"LibreOffice did not finish in {TIMEOUT:.0f} s: {output}"
    assert finished.returncode == 0, output
    return output


@contextmanager
def _as_in_a_test(folder: Path) -> Iterator[None]:
    """The suite's pinned clock and a data folder of its own, as conftest.py gives every
    test (a module's fixture comes before them)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(clock.ENV, START.isoformat())
        patch.setenv("XDG_DATA_HOME", str(folder / "data"))
        patch.setenv("APPDATA", str(folder / "appdata"))
        patch.setenv("BESLUT_DB", str(folder / "beslut.db"))
        old = clock.set_clock(clock.TickingClock(START))
        try:
            yield
        finally:
            clock.set_clock(old)


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example draft's database ("db"), its export ("exported") and LibreOffice's
    reviews of that export, by the macro's name ("Review", "DeleteBeforeHeading")."""
    soffice = find_soffice()
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("libreoffice")
    db = folder / "t.db"
    with _as_in_a_test(folder), Store.open(db, seed=seed_example) as store:
        exported = export_stored(store, 1, folder / "tu.docx", Settings()).written[0]
    profile = folder / "profile"
    _soffice(soffice, profile, "--terminate_after_init")
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    assert module.is_file()  # LibreOffice made the profile, with its Standard library
    module.write_text(_macro(), encoding="utf-8")
    out = {"db": db, "exported": exported}
    for name in ("Review", "DeleteBeforeHeading"):
        target, log = folder / f"{name}.docx", folder / f"{name}.log"
        output = _soffice(
            soffice, profile, f'macro:///Standard.Module1.{name}("{exported}","{target}","{log}")'
        )
        failure = log.read_text(encoding="utf-8") if log.exists() else ""
        assert target.is_file() and not failure, f"{name}: {failure} {output}"
        out[name] = target
    return out


def _fresh(reviewed: dict[str, Path], tmp_path: Path) -> tuple[Path, Draft]:
    """A copy of the database, and its draft as it was exported."""
    db = tmp_path / "t.db"
    shutil.copy(reviewed["db"], db)
    with Store.open(db) as store:
        return db, store.load_draft(1)


def _document(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def _rows(capsys: pytest.CaptureFixture[str], db: Path) -> list[tuple[str, str, str, str]]:
    code, out, err = run_cli(capsys, "--db", str(db), "changes", "1", "--json")
    assert code == 0, err
    return [(r["kind"], r["old"], r["new"], r["author"]) for r in json.loads(out)]


def test_libreoffice_recorded_the_changes_by_each_reviewer(reviewed: dict[str, Path]) -> None:
    """The file is what LibreOffice makes of a review, not beslut's own markup."""
    path = reviewed["Review"]
    with zipfile.ZipFile(path) as archive:
        app = archive.read("docProps/app.xml").decode("utf-8")
        comments = archive.read("word/comments.xml").decode("utf-8")
    assert "LibreOffice" in app
    document = _document(path)
    for author in (ANNA, BO):
        marks = re.findall(rf'<w:(ins|del) w:id="\d+" w:author="{author}"', document)
        assert {"ins", "del"} <= set(marks), author
    assert "<w:commentRangeStart " in document
    assert f'w:author="{BO}"' in comments


def test_a_review_done_in_libreoffice_waits_as_changes_with_their_authors(
    reviewed: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, before = _fresh(reviewed, tmp_path)
    path = reviewed["Review"]
    code, out, err = run_cli(capsys, "--db", str(db), "import", str(path), "--replace", "1")
    assert code == 0, err
    assert "väntar med" in out and "2 kommentarer från filen" in out
    with Store.open(db) as store:
        draft = store.load_draft(1)
    assert draft.sections == before.sections and draft.decisions == before.decisions
    rows = _rows(capsys, db)
    assert ("replace", "omedelbart", "vid nästa sammanträde", ANNA) in rows
    assert ("replace", "e-tjänst", "webbtjänst", ANNA) in rows
    # The word diff may place a deletion or insertion a word over: the same change.
    deleted = [r for r in rows if r[0] == "delete" and "Stadens uppföljning" in r[1]]
    assert [(r[1].strip(), r[3]) for r in deleted] == [(STADENS.strip(), ANNA)]
    inserted = [r for r in rows if r[0] == "insert" and "Simlärarna" in r[2]]
    assert [(r[2].strip(), r[3]) for r in inserted] == [(NEW_SENTENCE.strip(), ANNA)]
    assert ("insert_block", "", NEW_PARAGRAPH, ANNA) in rows
    gone = [r for r in rows if r[0] == "delete_block" and r[1].startswith(BEDOMER)]
    assert [r[3] for r in gone] == [BO]
    # Changed with recording off: by who saved the file last, LibreOffice's user.
    assert ("replace", "simglasögon", "simdynor", BO) in rows
    assert len(rows) == 7, rows
    comments = {c.text: c for c in draft.comments}
    asked, done = comments["Stämmer siffran?"], comments["Klart."]
    assert (asked.author, asked.resolved, asked.created[:16]) == (BO, False, "2027-01-04T09:30")
    assert (done.author, done.resolved) == (BO, True)
    for comment, quoted in ((asked, "200 meter"), (done, "tio lektioner")):
        section = draft.section(comment.part)
        assert section is not None and comment.index is not None
        assert section.blocks[comment.index].text[comment.start : comment.end] == quoted


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc reads the reviewed file")
def test_accepting_all_gives_what_pandoc_reads_and_rejecting_all_the_draft_as_it_was(
    reviewed: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = reviewed["Review"]
    db, before = _fresh(reviewed, tmp_path)
    assert run_cli(capsys, "--db", str(db), "import", str(path), "--replace", "1")[0] == 0
    assert run_cli(capsys, "--db", str(db), "accept", "1", "--all")[0] == 0
    with Store.open(db) as store:
        accepted = export_stored(store, 1, tmp_path / "godtagen.docx", Settings()).written[0]
    assert _pandoc(accepted) == _pandoc(path)

    (tmp_path / "avvisad").mkdir()
    db, before = _fresh(reviewed, tmp_path / "avvisad")
    assert run_cli(capsys, "--db", str(db), "import", str(path), "--replace", "1")[0] == 0
    assert run_cli(capsys, "--db", str(db), "reject", "1", "--all")[0] == 0
    with Store.open(db) as store:
        after = store.load_draft(1)
    assert (after.meta, after.decisions, after.sections) == (
        before.meta,
        before.decisions,
        before.sections,
    )


# A numbered list item's number as pandoc writes it. LibreOffice saves a list as one
# w:num for its first item (restarting at 1) and another for the rest, of the same
# abstract list: LibreOffice reads that back as 1, 2, 3, pandoc as 1, 1, 2.
_NUMBER = re.compile(r"^\d+\.\s+")


def _pandoc(path: Path) -> list[str]:
    """The paragraphs pandoc reads with every tracked change accepted, a numbered list
    item without its number."""
    out = subprocess.run(
        ["pandoc", "--track-changes=accept", "-t", "plain", "--wrap=none", str(path)],
        check=True, capture_output=True, text=True, timeout=TIMEOUT,
    ).stdout  # fmt: skip
    return [_NUMBER.sub("", " ".join(p.split())) for p in out.split("\n\n") if p.strip()]


def test_a_paragraph_deleted_before_a_heading_is_the_reviewer_s_and_can_be_rejected(
    reviewed: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The last paragraph of a part deleted whole, the Bilagor heading after it.
    LibreOffice 7.4 saves the heading with the deleted paragraph's style (its own
    document still shows a heading; reading the file back it shows body text, as pandoc
    does), so what the file holds is the paragraph replaced by a line "Bilagor": the
    change is the reviewer's, and rejecting it gives the draft as it was."""
    path = reviewed["DeleteBeforeHeading"]
    db, before = _fresh(reviewed, tmp_path)
    assert run_cli(capsys, "--db", str(db), "import", str(path), "--replace", "1")[0] == 0
    rows = _rows(capsys, db)
    assert [r for r in rows if r[1].startswith(KOSTNAD)] and {r[3] for r in rows} == {BO}
    assert run_cli(capsys, "--db", str(db), "reject", "1", "--all")[0] == 0
    with Store.open(db) as store:
        after = store.load_draft(1)
    assert (after.meta, after.decisions, after.sections) == (
        before.meta,
        before.decisions,
        before.sections,
    )

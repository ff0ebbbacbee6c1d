"""User text is never taken for template markup: every marker the template has, typed
into every field and part of a TU, is exported as the literal text it is, and the body
goes where the template's own {{ innehall }} paragraph stands (issue 22)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from beslut.export.document import default_template, render_docx
from beslut.export.merge import FIELD_PATTERN
from beslut.export.revisions import Tracked
from beslut.export.trackedfields import Delimiters, placeholders
from beslut.model import Attachment, Block, BlockKind, Draft, Person, Run, Section, Signatory
from beslut.model.example import example_draft

TODAY = dt.date(2026, 2, 22)
WHEN = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)
TOKEN = "QQQ"  # a harmless stand-in for the marker, in the reference export


def _template_markers() -> list[str]:
    """Every marker written in the shipped template's parts, and the spelled-out variant."""
    found: set[str] = set()
    with zipfile.ZipFile(default_template()) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                text = re.sub(r"<[^>]+>", "", archive.read(name).decode("utf-8"))
                found |= {m.group(0) for m in FIELD_PATTERN.finditer(text)}
    assert "{{ innehall }}" in found  # the test reads the real markers
    return sorted(found | {"{{ Innehåll }}", "{{innehall}}", "{{ INNEHALL }}"})


MARKERS = _template_markers()


def _typed(value: str) -> Draft:
    """The example TU with ``value`` in every field a user types into."""
    base, _files = example_draft(TODAY)
    meta = dataclasses.replace(
        base.meta,
        title=value,
        subtitle=value,
        namnd=value,
        dnr=value,
        forvaltning=value,
        avdelning=value,
        handlaggare=Person(value, value, value),
    )
    sections = list(base.sections)
    sections[0] = Section(
        sections[0].key,
        value,
        (
            Block.plain(BlockKind.PARAGRAPH, value),
            Block(BlockKind.PARAGRAPH, (Run(value, bold=True), Run(" "), Run(value, note=value))),
            Block.plain(BlockKind.BULLET, value),
            Block.table([[value, value], [value, "x"]]),
        ),
    )
    heading = Block.plain(BlockKind.HEADING, value)
    sections[1] = Section(sections[1].key, sections[1].heading, (heading,))
    return dataclasses.replace(
        base,
        meta=meta,
        decisions=(value, f"Nämnden beslutar {value}"),
        sections=tuple(sections),
        attachments=(Attachment(value),),
        signatories=(Signatory(value, value),),
    )


def _paragraphs(data: bytes) -> list[tuple[str, list[str]]]:
    """The text of every paragraph of every part that holds text, kept text only (a
    tracked export read as if its changes were accepted)."""
    document = docx.Document(io.BytesIO(data))
    out = []
    for part in document.part.package.iter_parts():
        element = getattr(part, "element", None)
        if element is None or not str(part.partname).startswith("/word/"):
            continue
        texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in element.iter(qn("w:p"))]
        out.append((str(part.partname), texts))
    return sorted(out)


def _render(draft: Draft, tracked_from: Draft | None) -> bytes:
    if tracked_from is None:
        return render_docx(draft)
    return render_docx(draft, tracked=Tracked(tracked_from, "Anna Ek", WHEN))


@pytest.mark.parametrize("tracked", [False, True], ids=["plain", "changes-since"])
@pytest.mark.parametrize("marker", MARKERS)
def test_a_marker_typed_anywhere_stays_literal_text(marker: str, tracked: bool) -> None:
    old = example_draft(TODAY)[0] if tracked else None
    reference = _paragraphs(_render(_typed(TOKEN), old))
    typed = _paragraphs(_render(_typed(marker), old))
    # The same document as with a harmless word, the marker in its place, literally.
    expected = [(name, [t.replace(TOKEN, marker) for t in texts]) for name, texts in reference]
    assert typed == expected
    # No marker anywhere but where it was typed: the template's own are all filled.
    assert all(FIELD_PATTERN.search(t) is None for _, texts in reference for t in texts)
    body = dict(typed)["/word/document.xml"]
    # The body stands where the template's marker stood: after the title and subtitle.
    at = body.index("Förvaltningens förslag till beslut")
    assert body[at - 2 : at] == [marker, marker]
    assert body.count(marker) >= 10


def test_the_body_marker_as_title_does_not_move_the_body() -> None:
    base, _files = example_draft(TODAY)
    meta = dataclasses.replace(base.meta, title="{{ innehall }}", forvaltning="{{ Innehåll }}")
    draft = dataclasses.replace(base, meta=meta)
    body = dict(_paragraphs(render_docx(draft)))["/word/document.xml"]
    assert body[0] == "{{ Innehåll }}"  # the förvaltning, first on the page
    assert body.count("{{ innehall }}") == 1
    assert body.index("{{ innehall }}") == body.index("Förvaltningens förslag till beslut") - 2
    assert body[-1] != "{{ innehall }}"


def test_a_changed_field_that_reads_like_a_placeholder_is_not_one() -> None:
    """The tracked export's placeholders use characters no value holds."""
    old = {"titel": "\ue100dnr\ue101", "dnr": "1"}
    new = {"titel": "\ue100dnr\ue101", "dnr": "2", "undertitel": "\ue102\ue103"}
    delimiters = Delimiters.unused_in(old, new)
    assert not {delimiters.open, delimiters.close} & set("".join([*old.values(), *new.values()]))
    values, changes = placeholders(old, new, delimiters)
    assert values["titel"] == "\ue100dnr\ue101"
    assert set(changes) == {"dnr", "undertitel"}
    assert delimiters.pattern.findall("".join(values.values())) == ["dnr", "undertitel"]


def test_without_a_marker_in_the_template_a_typed_one_is_not_taken_for_it(
    tmp_path: Path,
) -> None:
    """A template without {{ innehall }} gets the body at its end, even when the title
    reads "{{ innehall }}" (it was once the first paragraph that read so)."""
    template = tmp_path / "utan.docx"
    with zipfile.ZipFile(default_template()) as source, zipfile.ZipFile(template, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"{{ innehall }}", "Slut på mallen".encode())
            out.writestr(info, data)
    base, _files = example_draft(TODAY)
    meta = dataclasses.replace(base.meta, title="{{ innehall }}", subtitle="{{ Innehåll }}")
    body = dict(_paragraphs(render_docx(dataclasses.replace(base, meta=meta), template=template)))
    text = body["/word/document.xml"]
    at = text.index("Slut på mallen")
    assert text[at - 2 : at] == ["{{ innehall }}", "{{ Innehåll }}"]
    assert text[at + 1] == "Förvaltningens förslag till beslut"

"""Any Unicode a person can paste exports without error and reads back as cleaned."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from beslut.doctypes import load_doctype
from beslut.export.body import ordered_sections
from beslut.export.document import render_docx
from beslut.model import (
    Attachment,
    Block,
    BlockKind,
    Draft,
    Metadata,
    Person,
    Run,
    Section,
    Signatory,
)

DOCTYPE = load_doctype("beslutsarende")

SPECIAL = [
    "\x00",
    "\x07",
    "\x0b",
    "\x0c",
    "\x1f",
    "\x7f",
    "\x85",
    "\r",
    "\r\n",
    "\n",
    "\t",
    "\u2028",
    "\u202e",
    "\u200b",
    "\ufeff",
    "\ufffe",
    "\uffff",
    "\ud800",
    "\udfff",
    "😀",
    "👩‍👩‍👧",
    "🇸🇪",
    "שלום",
    "مرحبا بكم",
    "&",
    "<",
    ">",
    "]]>",
    "{{ dnr }}",
    "{{",
    " ",
]
# Pieces: any code point (surrogates and controls included) or a tricky string.
PIECES = st.one_of(st.characters(exclude_categories=()), st.sampled_from(SPECIAL))
TEXT = st.lists(PIECES, max_size=16).map("".join)


@st.composite
def blocks(draw: st.DrawFn) -> Block:
    runs = draw(
        st.lists(st.builds(Run, TEXT, bold=st.booleans(), italic=st.booleans()), max_size=3)
    )
    return Block(draw(st.sampled_from(list(BlockKind))), tuple(runs))


@st.composite
def drafts(draw: st.DrawFn) -> Draft:
    keys = st.sampled_from(["sammanfattning", "bakgrund", "arendet", "eget", ""])
    section_blocks = st.lists(blocks(), max_size=4).map(tuple)
    sections = draw(st.lists(st.builds(Section, keys, TEXT, section_blocks)))
    return Draft(
        meta=Metadata(
            title=draw(TEXT),
            subtitle=draw(TEXT),
            namnd=draw(TEXT),
            dnr=draw(TEXT),
            handlaggare=Person(draw(TEXT), draw(TEXT)),
        ),
        decisions=tuple(draw(st.lists(TEXT, max_size=4))),
        sections=tuple(sections),
        attachments=tuple(draw(st.lists(st.builds(Attachment, TEXT), max_size=3))),
        signatories=tuple(draw(st.lists(st.builds(Signatory, TEXT, TEXT), max_size=2))),
    )


def expected_texts(draft: Draft) -> list[str]:
    """The cleaned input, in document order, leaving out section headings and blanks."""
    texts = [draft.meta.title, draft.meta.subtitle, *draft.decisions]
    for person in draft.signatories:
        texts += [person.name, person.title]
    for _, section in ordered_sections(draft, DOCTYPE):
        texts += [block.text for block in section.blocks]
    texts += [a.title for a in draft.attachments]
    return [text for text in texts if text.strip()]


def read_back(data: bytes) -> Any:
    return Document(io.BytesIO(data))


def content_texts(document: Any) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name != "Heading 1"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts())
def test_any_text_exports_and_reads_back_as_cleaned(draft: Draft) -> None:
    document = read_back(render_docx(draft, doctype=DOCTYPE))
    assert content_texts(document) == expected_texts(draft)
    # The first page's facts are a layout table at the top of the body.
    cells = [p.text for t in document.tables for c in t._cells for p in c.paragraphs]
    if draft.meta.namnd.strip():
        assert f"Till {draft.meta.namnd}" in cells
    assert document.core_properties.title == draft.meta.title[:255]


def test_a_paragraph_of_one_megabyte_exports() -> None:
    big = "Långt stycke med å, ä, ö & <tecken> 😀. " * 26_000
    assert len(big.encode("utf-8")) > 1_000_000
    draft = Draft(
        meta=Metadata(title="Stort"),
        sections=(Section("arendet", "Ärendet", (Block.plain(BlockKind.PARAGRAPH, big),)),),
    )
    document = read_back(render_docx(draft, doctype=DOCTYPE))
    assert content_texts(document) == ["Stort", big]

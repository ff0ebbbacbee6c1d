"""Tests for the model's type checks: a wrong value fails at construction, naming its field."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from beslut.model import (
    Attachment,
    Block,
    BlockKind,
    Comment,
    Draft,
    FileRef,
    Metadata,
    ModelTypeError,
    ModelValueError,
    Person,
    Reply,
    Run,
    Section,
    Signatory,
    Status,
)
from beslut.model.jsonio import body_json

CLASSES: tuple[type[Any], ...] = (
    Run,
    Block,
    Section,
    FileRef,
    Attachment,
    Signatory,
    Person,
    Metadata,
    Draft,
    Reply,
    Comment,
)


def valid(cls: type[Any]) -> dict[str, Any]:
    """Every field of ``cls`` with a value of the right type."""
    ref = FileRef("karta.pdf", 3, "a" * 64)
    table: dict[type[Any], dict[str, Any]] = {
        Run: {"text": "Nämnden", "bold": True, "italic": False, "link": "", "note": "Se ovan."},
        Block: {"kind": BlockKind.BULLET, "runs": (Run("Punkt"),), "level": 1},
        Section: {
            "key": "arendet",
            "heading": "Ärendet",
            "blocks": (Block.plain("paragraph", "T"),),
        },
        FileRef: {"name": "karta.pdf", "size": 3, "sha256": "a" * 64},
        Attachment: {"title": "Karta", "file": ref},
        Signatory: {"name": "Eva Ek", "title": "Förvaltningschef"},
        Person: {"name": "Eva Ek", "telefon": "08-508 000 00", "epost": "eva.ek@stad.se"},
        Metadata: {
            "title": "Simskola",
            "subtitle": "Svar på motion",
            "doctype": "beslutsarende",
            "namnd": "Idrottsnämnden",
            "meeting_date": dt.date(2026, 3, 4),
            "dnr": "IDN 2026/1",
            "date": dt.date(2026, 2, 1),
            "forvaltning": "Idrottsförvaltningen",
            "avdelning": "Anläggning",
            "handlaggare": Person("Eva Ek"),
            "status": Status.KLAR,
        },
        Draft: {
            "meta": Metadata(title="Simskola"),
            "decisions": ("Nämnden beslutar.",),
            "sections": (Section("arendet", "Ärendet"),),
            "attachments": (Attachment("Karta", ref),),
            "signatories": (Signatory("Eva Ek"),),
            "comments": (_COMMENT,),
        },
        Reply: {"author": "Åsa", "created": "2026-03-04T09:30:00", "text": "Ja."},
        Comment: {
            "id": "c1",
            "part": "decisions",
            "index": 0,
            "field": "",
            "start": 0,
            "end": 7,
            "author": "Åsa",
            "created": "2026-03-04T09:30:00+01:00",
            "text": "Stämmer det?",
            "replies": (Reply("Eva", "2026-03-04T10:00:00", "Ja."),),
            "resolved": False,
        },
    }
    return table[cls]


class _Thing:
    """Of no type the model knows."""


_NOW = dt.datetime(2026, 3, 4, 9, 30)
_COMMENT = Comment("c1", "decisions", 0, "", 0, 7, "Åsa", "2026-03-04T09:30:00", "Varför?")

# (class, field, wrong value, the message's end); every field of every class is here.
WRONG: list[tuple[type[Any], str, object, str]] = [
    (Run, "text", 1, "Run.text must be str, not int"),
    (Run, "text", None, "Run.text must be str, not NoneType"),
    (Run, "bold", 1, "Run.bold must be bool, not int"),
    (Run, "bold", None, "Run.bold must be bool, not NoneType"),
    (Run, "italic", "yes", "Run.italic must be bool, not str"),
    (Run, "link", 1, "Run.link must be str, not int"),
    (Run, "link", None, "Run.link must be str, not NoneType"),
    (Run, "note", ["x"], "Run.note must be str, not list"),
    (Run, "note", None, "Run.note must be str, not NoneType"),
    (Block, "kind", 1, "Block.kind must be BlockKind or str, not int"),
    (Block, "kind", None, "Block.kind must be BlockKind or str, not NoneType"),
    (Block, "runs", "Punkt", "Block.runs must be a tuple of Run, not str"),
    (Block, "runs", 3, "Block.runs must be a tuple of Run, not int"),
    (Block, "runs", (Run("a"), "b"), "Block.runs[1] must be Run, not str"),
    (Block, "level", "1", "Block.level must be int, not str"),
    (Block, "level", True, "Block.level must be int, not bool"),
    (Block, "start", "2", "Block.start must be int, not str"),
    (Block, "rows", "A;B", "Block.rows must be a tuple of tuple, not str"),
    (Block, "rows", ((Run("a"),),), "Block.rows[0][0] must be tuple, not Run"),
    (Block, "header_rows", "1", "Block.header_rows must be int, not str"),
    (Section, "key", None, "Section.key must be str, not NoneType"),
    (Section, "heading", b"Bakgrund", "Section.heading must be str, not bytes"),
    (Section, "blocks", [Run("a")], "Section.blocks[0] must be Block, not Run"),
    (Section, "blocks", "Text", "Section.blocks must be a tuple of Block, not str"),
    (Section, "blocks", None, "Section.blocks must be a tuple of Block, not NoneType"),
    (FileRef, "name", None, "FileRef.name must be str, not NoneType"),
    (FileRef, "size", True, "FileRef.size must be int, not bool"),
    (FileRef, "size", "3", "FileRef.size must be int, not str"),
    (FileRef, "size", 3.0, "FileRef.size must be int, not float"),
    (FileRef, "sha256", None, "FileRef.sha256 must be str, not NoneType"),
    (Attachment, "title", 1, "Attachment.title must be str, not int"),
    (Attachment, "file", "karta.pdf", "Attachment.file must be FileRef or None, not str"),
    (Signatory, "name", None, "Signatory.name must be str, not NoneType"),
    (Signatory, "title", False, "Signatory.title must be str, not bool"),
    (Person, "name", None, "Person.name must be str, not NoneType"),
    (Person, "telefon", 8508, "Person.telefon must be str, not int"),
    (Person, "epost", ["a@b.se"], "Person.epost must be str, not list"),
    (Metadata, "title", False, "Metadata.title must be str, not bool"),
    (Metadata, "subtitle", None, "Metadata.subtitle must be str, not NoneType"),
    (Metadata, "doctype", None, "Metadata.doctype must be str, not NoneType"),
    (Metadata, "namnd", _Thing(), "Metadata.namnd must be str, not _Thing"),
    (Metadata, "meeting_date", _NOW, "Metadata.meeting_date must be date or None, not datetime"),
    (Metadata, "meeting_date", "2026-03-04", "Metadata.meeting_date must be date or None, not str"),
    (Metadata, "dnr", 2026, "Metadata.dnr must be str, not int"),
    (Metadata, "date", _NOW, "Metadata.date must be date or None, not datetime"),
    (Metadata, "forvaltning", None, "Metadata.forvaltning must be str, not NoneType"),
    (Metadata, "avdelning", None, "Metadata.avdelning must be str, not NoneType"),
    (Metadata, "handlaggare", "Eva Ek", "Metadata.handlaggare must be Person, not str"),
    (Metadata, "status", 1, "Metadata.status must be Status or str, not int"),
    (Metadata, "language", None, "Metadata.language must be str, not NoneType"),
    (Draft, "meta", None, "Draft.meta must be Metadata, not NoneType"),
    (Draft, "decisions", (False,), "Draft.decisions[0] must be str, not bool"),
    (Draft, "decisions", "Nämnden beslutar.", "Draft.decisions must be a tuple of str, not str"),
    (
        Draft,
        "sections",
        [Section("a", "A"), None],
        "Draft.sections[1] must be Section, not NoneType",
    ),
    (Draft, "attachments", ["Karta"], "Draft.attachments[0] must be Attachment, not str"),
    (Draft, "signatories", (Person(),), "Draft.signatories[0] must be Signatory, not Person"),
    (Draft, "comments", None, "Draft.comments must be a tuple of Comment, not NoneType"),
    (Draft, "comments", ("Bra",), "Draft.comments[0] must be Comment, not str"),
    (Reply, "author", None, "Reply.author must be str, not NoneType"),
    (Reply, "created", _NOW, "Reply.created must be str, not datetime"),
    (Reply, "text", 1, "Reply.text must be str, not int"),
    (Comment, "id", 1, "Comment.id must be str, not int"),
    (Comment, "part", None, "Comment.part must be str, not NoneType"),
    (Comment, "index", "0", "Comment.index must be int, not str"),
    (Comment, "field", None, "Comment.field must be str, not NoneType"),
    (Comment, "start", 1.0, "Comment.start must be int, not float"),
    (Comment, "end", True, "Comment.end must be int, not bool"),
    (Comment, "author", None, "Comment.author must be str, not NoneType"),
    (Comment, "created", None, "Comment.created must be str, not NoneType"),
    (Comment, "text", None, "Comment.text must be str, not NoneType"),
    (Comment, "replies", ("Ja",), "Comment.replies[0] must be Reply, not str"),
    (Comment, "resolved", 0, "Comment.resolved must be bool, not int"),
]


@pytest.mark.parametrize(
    ("cls", "name", "value", "message"),
    WRONG,
    ids=[f"{cls.__name__}.{name}={type(value).__name__}" for cls, name, value, _m in WRONG],
)
def test_a_wrong_type_is_refused_at_construction(
    cls: type[Any], name: str, value: object, message: str
) -> None:
    kwargs = {**valid(cls), name: value}
    with pytest.raises(ModelTypeError) as info:
        cls(**kwargs)
    assert str(info.value) == message
    # dataclasses.replace builds the object again, so an edit is checked the same way.
    with pytest.raises(ModelTypeError) as info:
        dataclasses.replace(cls(**valid(cls)), **{name: value})
    assert str(info.value) == message


def test_every_field_of_every_class_is_tried() -> None:
    tried = {(cls, name) for cls, name, _value, _message in WRONG}
    for cls in CLASSES:
        for field in dataclasses.fields(cls):
            assert (cls, field.name) in tried, f"{cls.__name__}.{field.name}"


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_the_valid_values_construct(cls: type[Any]) -> None:
    obj = cls(**valid(cls))
    for name, value in valid(cls).items():
        assert getattr(obj, name) == value


def test_false_from_a_clicked_signal_never_reaches_a_save() -> None:
    """The bug that started it: a Qt clicked(bool) reached add(text="") as False."""
    draft = Draft(decisions=("Nämnden beslutar.",))
    with pytest.raises(ModelTypeError, match=r"^Draft\.decisions\[1\] must be str, not bool$"):
        dataclasses.replace(draft, decisions=(*draft.decisions, False))  # type: ignore[arg-type]
    with pytest.raises(ModelTypeError, match=r"^Draft\.decisions\[0\] must be str, not bool$"):
        Draft(decisions=[False])  # type: ignore[arg-type]


def test_model_type_error_is_a_type_error() -> None:
    assert issubclass(ModelTypeError, TypeError)
    with pytest.raises(TypeError):
        Run(None)  # type: ignore[arg-type]


def test_an_unknown_enum_value_is_still_a_value_error() -> None:
    with pytest.raises(ValueError, match="figure") as info:
        Block("figure", ())  # type: ignore[arg-type]
    assert not isinstance(info.value, ModelTypeError)
    with pytest.raises(ValueError, match="arkiverad"):
        Metadata(status="arkiverad")  # type: ignore[arg-type]


def test_tuples_accept_any_iterable_of_the_right_items() -> None:
    runs = [Run("a"), Run("b", bold=True)]
    assert Block(BlockKind.PARAGRAPH, runs).runs == tuple(runs)  # type: ignore[arg-type]
    assert Block(BlockKind.PARAGRAPH, iter(runs)).runs == tuple(runs)  # type: ignore[arg-type]
    decisions = (f"Punkt {i}." for i in range(3))
    assert Draft(decisions=decisions).decisions == ("Punkt 0.", "Punkt 1.", "Punkt 2.")  # type: ignore[arg-type]
    kept = (Run("a"),)
    assert Block(BlockKind.PARAGRAPH, kept).runs is kept  # a tuple is kept, not copied


# --- every valid construction still works ------------------------------------------

_text = st.text(max_size=30)


def _tuple_or_list(items: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.lists(items, max_size=3), st.lists(items, max_size=3).map(tuple))


_runs = st.builds(Run, _text, st.booleans(), st.booleans())
_kinds = st.sampled_from([*BlockKind, *(kind.value for kind in BlockKind)])
_blocks = st.builds(Block, _kinds, _tuple_or_list(_runs))
_sections = st.builds(Section, _text, _text, _tuple_or_list(_blocks))
_files = st.builds(FileRef, _text, st.integers(min_value=0, max_value=2**40), _text)
_attachments = st.builds(Attachment, _text, st.none() | _files)
_signatories = st.builds(Signatory, _text, _text)
_people = st.builds(Person, _text, _text, _text)
_statuses = st.sampled_from([*Status, *(status.value for status in Status)])
_metadata = st.builds(
    Metadata,
    title=_text,
    subtitle=_text,
    doctype=_text,
    namnd=_text,
    meeting_date=st.none() | st.dates(),
    dnr=_text,
    date=st.none() | st.dates(),
    forvaltning=_text,
    avdelning=_text,
    handlaggare=_people,
    status=_statuses,
)
_drafts = st.builds(
    Draft,
    _metadata,
    _tuple_or_list(_text),
    _tuple_or_list(_sections),
    _tuple_or_list(_attachments),
    _tuple_or_list(_signatories),
)


@settings(max_examples=200, deadline=None)
@given(_drafts)
def test_every_valid_draft_constructs_and_saves(draft: Draft) -> None:
    assert isinstance(draft.meta.status, Status)
    assert all(isinstance(block.kind, BlockKind) for s in draft.sections for block in s.blocks)
    assert type(draft.decisions) is tuple and type(draft.sections) is tuple
    assert dataclasses.replace(draft) == draft
    body_json(draft)  # what autosave writes


def test_a_language_other_than_swedish_or_english_is_refused() -> None:
    with pytest.raises(ModelValueError, match=r"Metadata\.language must be sv or en, not 'fi'"):
        Metadata(language="fi")
    assert Metadata(language="en").language == "en"

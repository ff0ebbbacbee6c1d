"""Find and replace in the whole draft (beslut.workflow.find)."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from beslut.checks.findings import ATTACHMENTS, DECISIONS, HEADING, META, SUBTITLE, TITLE
from beslut.checks.findings import Location as Loc
from beslut.checks.fixes import StaleFixError, current_text
from beslut.checks.units import raw_texts, text_units
from beslut.model import Block, BlockKind, Draft, Metadata, Run, Section
from beslut.model.draft import MAX_BLOCK_CHARS, Attachment
from beslut.model.jsonio import dumps, loads
from beslut.store import Store
from beslut.workflow.find import (
    Query,
    ReplaceTooLongError,
    StaleMatchError,
    find_all,
    next_match,
    replace_all,
    replace_one,
)
from tests.richdraft import rich_draft

# Husbybadet in every kind of text: title, subtitle, decision, heading, sub-heading,
# a paragraph split over runs, a table cell, a footnote in a cell and in a paragraph,
# and a bilaga title.
DRAFT = Draft(
    Metadata(title="Husbybadet rustas", subtitle="Svar om husbybadet"),
    decisions=("Nämnden godkänner upprustningen av Husbybadet.",),
    sections=(
        Section(
            "bakgrund",
            "Husbybadet förr",
            (
                Block.plain(BlockKind.HEADING, "Om Husbybadet"),
                Block(
                    BlockKind.PARAGRAPH,
                    (
                        Run("Badet heter Husby"),
                        Run("badet", bold=True),
                        Run(" och byggdes 1974", note="Husbybadet invigdes 1974."),
                        Run("."),
                    ),
                ),
                Block(
                    BlockKind.TABLE,
                    rows=(
                        ((Run("Anläggning"),), (Run("År"),)),
                        ((Run("HUSBYBADET", note="Även kallat husbybadet."),), (Run("1974"),)),
                    ),
                    header_rows=1,
                ),
            ),
        ),
    ),
    attachments=(Attachment("Ritning Husbybadet"),),
)


def _texts(draft: Draft, locs: list[Loc]) -> list[str]:
    return [current_text(draft, loc)[loc.start : loc.end] for loc in locs]


def test_finds_in_every_kind_of_text_in_document_order() -> None:
    matches = find_all(DRAFT, Query("husbybadet"))
    places = [(m.part, m.index, m.field) for m in matches]
    assert places == [
        (META, None, TITLE),
        (META, None, SUBTITLE),
        (DECISIONS, 0, ""),
        ("bakgrund", None, HEADING),
        ("bakgrund", 0, ""),
        ("bakgrund", 1, ""),  # over two runs: "Husby" + "badet"
        ("bakgrund", 1, "note:2"),
        ("bakgrund", 2, "cell:1:0"),
        ("bakgrund", 2, "cell:1:0:note:0"),
        (ATTACHMENTS, 0, TITLE),
    ]
    assert {t.lower() for t in _texts(DRAFT, matches)} == {"husbybadet"}


def test_match_case_and_empty_query() -> None:
    assert len(find_all(DRAFT, Query("Husbybadet", match_case=True))) == 7
    assert _texts(DRAFT, find_all(DRAFT, Query("HUSBY", match_case=True))) == ["HUSBY"]
    assert find_all(DRAFT, Query("")) == []
    assert replace_all(DRAFT, Query(""), "x") == (DRAFT, 0)


def test_swedish_letters_match_in_either_case() -> None:
    draft = Draft(decisions=("ÅÄÖ och åäö och Åäö",))
    assert _texts(draft, find_all(draft, Query("åäö"))) == ["ÅÄÖ", "åäö", "Åäö"]
    assert _texts(draft, find_all(draft, Query("ÅÄÖ", match_case=True))) == ["ÅÄÖ"]


def test_offsets_do_not_drift_where_lower_changes_the_length() -> None:
    # "İ".lower() is two characters; a search in a lowered copy would shift every offset.
    draft = Draft(decisions=("İİİ İstanbul, istanbul och ﬃ ffi",))
    matches = find_all(draft, Query("istanbul"))
    assert _texts(draft, matches) == ["İstanbul", "istanbul"]
    assert [m.start for m in matches] == [4, 14]
    after, count = replace_all(draft, Query("istanbul"), "Ankara")
    assert count == 2 and after.decisions == ("İİİ Ankara, Ankara och ﬃ ffi",)
    assert _texts(draft, find_all(draft, Query("ffi"))) == ["ffi"]  # no folding of ligatures


def test_whole_words() -> None:
    draft = Draft(decisions=("Bad, badet, simbad och bad-hus i e-tjänst; bad_x bad2 bad",))
    words = find_all(draft, Query("bad", whole_words=True))
    assert [m.start for m in words] == [0, 23, 54]  # the hyphen separates words, as in Word
    assert len(find_all(draft, Query("bad"))) == 7
    assert _texts(draft, find_all(draft, Query("tjänst", whole_words=True))) == ["tjänst"]
    # Å Ä Ö are letters: "å" is no whole word inside "ån" or "på".
    assert find_all(Draft(decisions=("ån på",)), Query("å", whole_words=True)) == []


def test_the_query_is_literal_text_not_a_pattern() -> None:
    draft = Draft(decisions=("Kostnad (mnkr): 4.5 [ca] .* \\d",))
    for text in ["(mnkr)", "4.5", "[ca]", ".*", "\\d"]:
        assert _texts(draft, find_all(draft, Query(text))) == [text]
    assert find_all(draft, Query("4,5")) == []
    after, _n = replace_all(draft, Query("4.5"), r"\1 \g<0> $1")
    assert after.decisions == (r"Kostnad (mnkr): \1 \g<0> $1 [ca] .* \d",)


def test_replace_one_keeps_formatting_and_footnotes() -> None:
    matches = find_all(DRAFT, Query("husbybadet"))
    split = next(m for m in matches if m.part == "bakgrund" and m.index == 1 and not m.field)
    after = replace_one(DRAFT, split, Query("husbybadet"), "Husby sim")
    block = after.sections[0].blocks[1]
    assert block.text == "Badet heter Husby sim och byggdes 1974."
    assert block.runs[0].text == "Badet heter Husby sim" and not block.runs[0].bold
    assert block.runs[1].note == "Husbybadet invigdes 1974."
    # Everything else is unchanged (the emptied run is gone, so the footnote is now 1).
    rest = find_all(after, Query("husbybadet"))
    assert _texts(after, rest) == _texts(DRAFT, [m for m in matches if m != split])
    assert rest[5] == Loc("bakgrund", 1, "note:1", 0, 10)


def test_replacing_the_text_before_a_footnote_keeps_the_footnote() -> None:
    draft = Draft(
        sections=(
            Section(
                "s",
                "S",
                (Block(BlockKind.PARAGRAPH, (Run("Se planen"), Run(".", note="Planen 2026."))),),
            ),
        )
    )
    after, count = replace_all(draft, Query("planen."), "")
    assert count == 1
    runs = after.sections[0].blocks[0].runs
    assert "".join(r.text for r in runs) == "Se "
    assert [r.note for r in runs if r.note] == ["Planen 2026."]


def test_replace_one_refuses_a_stale_match() -> None:
    query = Query("husbybadet", whole_words=True)
    match = find_all(DRAFT, query)[2]  # the decision point
    changed = replace(DRAFT, decisions=("Nämnden godkänner upprustningen av Husbybadets tak.",))
    with pytest.raises(StaleMatchError) as caught:
        replace_one(changed, match, query, "x")
    assert isinstance(caught.value, StaleFixError) and caught.value.user_message
    with pytest.raises(StaleMatchError):
        replace_one(replace(DRAFT, decisions=()), match, query, "x")  # the text is gone
    with pytest.raises(StaleMatchError):
        replace_one(DRAFT, match, Query("godkänner"), "x")  # another query's match


def test_replace_all_is_one_new_draft_and_the_old_is_unchanged() -> None:
    before = dumps(DRAFT)
    after, count = replace_all(DRAFT, Query("Husbybadet"), "Farstabadet")
    assert count == 10 and dumps(DRAFT) == before
    assert find_all(after, Query("husbybadet")) == []
    assert len(find_all(after, Query("farstabadet"))) == 10
    assert after.meta.title == "Farstabadet rustas"
    assert after.sections[0].blocks[2].rows[1][0][0].note == "Även kallat Farstabadet."


def test_line_breaks_and_control_characters_in_the_replacement() -> None:
    after, count = replace_all(DRAFT, Query("husbybadet"), "Farsta\r\nbadet\x00\x07\u2028x\tz")
    assert count == 10
    assert after.meta.title == "Farsta badet x z rustas"
    assert after.decisions[0] == "Nämnden godkänner upprustningen av Farsta badet x\tz."
    for unit in text_units(after):
        assert not re.search("[\x00-\x08\x0b-\x1f\u2028\n]", unit.text), unit
    assert loads(dumps(after))[0] == after


def test_replace_all_in_the_rich_draft_round_trips_through_json_and_the_store(
    db_path: Path,
) -> None:
    draft = rich_draft()
    query = Query("badet")
    assert len(find_all(draft, query)) == 4  # title, decision, paragraph, sub-heading
    after, count = replace_all(draft, query, "simhallen")
    assert count == 4
    assert loads(dumps(after))[0] == after
    with Store.open(db_path) as store:
        draft_id = store.create_draft(draft)
        store.save_draft(draft_id, after)
    with Store.open(db_path) as store:
        stored = store.load_draft(draft_id)
    assert stored == after
    assert stored.meta.title == "Upprustning av Husbysimhallen"
    assert stored.sections[1].blocks[0].text == "simhallens skick"
    assert find_all(stored, query) == []
    assert stored.sections[0].blocks[0].runs[1].note == "Enligt statusbesiktningen från 2026."


def test_replace_all_refuses_to_make_a_text_too_long() -> None:
    draft = Draft(sections=(Section("s", "S", (Block.plain(BlockKind.PARAGRAPH, "a" * 1000),)),))
    with pytest.raises(ReplaceTooLongError):
        replace_all(draft, Query("a"), "b" * (MAX_BLOCK_CHARS // 1000 + 1))
    assert replace_all(draft, Query("a"), "bb")[1] == 1000


def test_next_match_wraps_round_in_document_order() -> None:
    matches = find_all(DRAFT, Query("husbybadet"))
    first, last = matches[0], matches[-1]
    assert next_match(DRAFT, matches, None) == first
    assert next_match(DRAFT, matches, None, backwards=True) == last
    for a, b in pairwise(matches):
        assert next_match(DRAFT, matches, a) == b
        assert next_match(DRAFT, matches, b, backwards=True) == a
    assert next_match(DRAFT, matches, last) == first
    assert next_match(DRAFT, matches, first, backwards=True) == last
    assert next_match(DRAFT, [], first) is None


def test_next_match_from_the_cursor() -> None:
    matches = find_all(DRAFT, Query("husbybadet"))
    paragraph = Loc("bakgrund", 1)
    # A caret right at a match finds that match; one inside it goes on to the next.
    at = matches[5]
    assert next_match(DRAFT, matches, paragraph.span(at.start or 0, at.start or 0)) == at
    assert next_match(DRAFT, matches, paragraph.span(13, 13)) == matches[6]  # its note
    assert next_match(DRAFT, matches, paragraph.span(30, 30), backwards=True) == at
    # The table cell comes after the paragraph and its footnote, its note after it.
    assert next_match(DRAFT, matches, Loc("bakgrund", 2, "cell:0:1", 0, 0)) == matches[7]
    assert next_match(DRAFT, matches, Loc("bakgrund", 2, "cell:1:1", 0, 0)) == matches[9]
    assert next_match(DRAFT, matches, Loc(META, None, SUBTITLE, 0, 0)) == matches[1]
    assert next_match(DRAFT, matches, Loc(META, None, TITLE, 5, 5)) == matches[1]


# Text with letters the query may hold, and letters ("x", "y", "é") it never does.
_TEXT = st.text(alphabet="abAB åÅäÄİi-.\txyé", max_size=30)
_QUERY = st.text(alphabet="abAB åÅäÄİi-.", min_size=1, max_size=3)
_REPLACEMENT = st.text(alphabet="xyéXY", min_size=1, max_size=4)


@st.composite
def _drafts(draw: st.DrawFn) -> Draft:
    def runs() -> tuple[Run, ...]:
        texts = draw(st.lists(_TEXT, max_size=3))
        return tuple(Run(t, bold=i % 2 == 1, note=draw(_TEXT)) for i, t in enumerate(texts))

    blocks = (
        Block(BlockKind.PARAGRAPH, runs()),
        Block(BlockKind.HEADING, runs()),
        Block(BlockKind.TABLE, rows=((runs(), runs()), (runs(), ())), header_rows=1),
    )
    return Draft(
        Metadata(title=draw(_TEXT), subtitle=draw(_TEXT)),
        decisions=tuple(draw(st.lists(_TEXT, max_size=2))),
        sections=(Section("s", draw(_TEXT), blocks),),
        attachments=(Attachment(draw(_TEXT)),),
    )


@settings(max_examples=300, deadline=None)
@given(_drafts(), _QUERY, _REPLACEMENT, st.booleans(), st.booleans())
def test_replace_all_leaves_no_match_and_every_other_character(
    draft: Draft, text: str, replacement: str, match_case: bool, whole_words: bool
) -> None:
    query = Query(text, match_case, whole_words)
    pattern = query.pattern
    assert pattern is not None
    after, count = replace_all(draft, query, replacement)
    assert find_all(after, query) == []
    expected, total = [], 0
    for kind, *_where, text in raw_texts(draft):  # blank texts too: " " is found in them
        new, n = pattern.subn(lambda _m: replacement, text)
        expected.append((kind, new))
        total += n
    # Compared in order, not by location: a run a replacement empties hands its footnote
    # to the run before it, which renumbers the footnotes after it.
    got = [(kind, text) for kind, *_where, text in raw_texts(after)]
    assert len(got) == len(expected) and count == total
    for (kind, text), (got_kind, got_text) in zip(expected, got, strict=True):
        # One-line values and decision points are trimmed by the model.
        assert got_kind == kind and got_text in (text, text.strip())

"""Tests for proposed changes: grouping, authors, and accepting or rejecting any of them."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from beslut.checks.findings import Location
from beslut.checks.units import raw_texts
from beslut.model import Block, BlockKind, Draft, Metadata, Run, Section
from beslut.review import AuthoredSpan, Kind, accept, decide, propose, reject

_WORDS = ["Nämnden", "beslutar", "att", "godkänna", "förslaget", "hunden", "sprang", "hem", "i"]


def _texts(draft: Draft) -> list[tuple[str, int | None, str, str]]:
    return [(part, index, field, text) for _k, part, index, field, text in raw_texts(draft)]


def _draft(title: str, decisions: list[str], blocks: list[Block], extra: bool = False) -> Draft:
    sections = [Section("bakgrund", "Bakgrund", tuple(blocks))]
    if extra:
        sections.append(Section("egen", "Egen del", (Block.plain("paragraph", "Mer."),)))
    return Draft(Metadata(title=title), tuple(decisions), tuple(sections))


_sentence = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=7).map(
    lambda ws: " ".join(ws) + "."
)
_paragraph = st.lists(_sentence, min_size=1, max_size=3).map(" ".join)
_block = st.one_of(
    _paragraph.map(lambda t: Block.plain("paragraph", t)),
    _paragraph.map(lambda t: Block.plain("bullet", t)),
    st.tuples(_paragraph, _paragraph).map(
        lambda p: Block(BlockKind.PARAGRAPH, (Run(p[0], bold=True), Run(" " + p[1])))
    ),
)
_drafts = st.builds(
    _draft,
    _sentence,
    st.lists(_paragraph, max_size=4),
    st.lists(_block, max_size=5),
    st.booleans(),
)


@settings(max_examples=60, deadline=None)
@given(_drafts, _drafts)
def test_accepting_all_gives_the_received_text_and_rejecting_all_the_current(
    current: Draft, received: Draft
) -> None:
    changes = propose(current, received, "Åsa")
    assert [c.number for c in changes] == list(range(1, len(changes) + 1))
    accepted = decide(current, received, changes, accept=True)
    assert _texts(accepted) == _texts(received)
    assert propose(accepted, received) == []
    rejected = decide(current, received, changes, accept=False)
    assert _texts(rejected) == _texts(current)
    assert propose(current, rejected) == []


@settings(max_examples=60, deadline=None)
@given(_drafts, _drafts, st.randoms(use_true_random=False))
def test_deciding_changes_one_by_one_in_any_order_ends_with_none_left(
    current: Draft, received: Draft, rnd: random.Random
) -> None:
    for _step in range(300):
        changes = propose(current, received)
        if not changes:
            break
        change = rnd.choice(changes)
        if rnd.random() < 0.5:
            current = accept(current, received, change)
        else:
            received = reject(current, received, change)
    assert propose(current, received) == []
    assert _texts(current) == _texts(received)


def test_a_sentence_rewritten_whole_is_one_change_and_a_small_edit_stays_small() -> None:
    old = "Nämnden beslutar att godkänna förslaget. Ärendet är brådskande och viktigt."
    new = "Nämnden beslutar att avslå förslaget. Saken måste hanteras av nämnden snabbt."
    current = _draft("T", [old], [])
    changes = propose(current, _draft("T", [new], []), "Åsa")
    assert [(c.kind, c.old, c.new) for c in changes] == [
        (Kind.REPLACE, "godkänna", "avslå"),
        (
            Kind.REPLACE,
            "Ärendet är brådskande och viktigt",
            "Saken måste hanteras av nämnden snabbt",
        ),
    ]
    assert changes[1].location == Location("decisions", 0, "", 41, 74)
    assert all(c.author == "Åsa" for c in changes)


def test_a_new_paragraph_is_one_change_and_formatting_is_kept() -> None:
    kept = Block(BlockKind.PARAGRAPH, (Run("Viktigt", bold=True), Run(" att simma.")))
    current = _draft("T", [], [kept])
    edited = Block(BlockKind.PARAGRAPH, (Run("Viktigt", bold=True), Run(" att simma ofta.")))
    received = _draft("T", [], [edited, Block.plain("paragraph", "Ett helt nytt stycke här.")])
    changes = propose(current, received)
    assert [(c.kind, c.new) for c in changes] == [
        (Kind.INSERT, " ofta"),
        (Kind.INSERT_BLOCK, "Ett helt nytt stycke här."),
    ]
    after = accept(current, received, changes[0])
    assert after.sections[0].blocks[0] == edited  # the bold run untouched
    assert len(propose(after, received)) == 1


def test_formatting_changed_is_one_change_of_the_block() -> None:
    current = _draft("T", [], [Block.plain("paragraph", "Simma.")])
    received = _draft("T", [], [Block(BlockKind.PARAGRAPH, (Run("Simma.", bold=True),))])
    (change,) = propose(current, received)
    assert (change.kind, change.old, change.new) == (Kind.REPLACE_BLOCK, "Simma.", "Simma.")
    assert accept(current, received, change) == received
    assert reject(current, received, change) == current


def test_metadata_parts_and_authors_from_tracked_spans() -> None:
    current = Draft(Metadata(title="Simskola", dnr="IDN 1"), ("Ja.",), ())
    received = Draft(
        Metadata(title="Simskola för barn", dnr="IDN 2"),
        ("Ja, gärna.",),
        (Section("egen", "Egen del"),),
    )
    spans = [AuthoredSpan(Location("decisions", 0, "", 2, 9), "Bo Berg")]
    changes = propose(current, received, "Åsa", spans)
    summary = [(c.kind, c.location.part, c.location.field, c.old, c.new, c.author) for c in changes]
    assert summary == [
        (Kind.INSERT, "meta", "title", "", " för barn", "Åsa"),
        (Kind.REPLACE, "meta", "dnr", "IDN 1", "IDN 2", "Åsa"),
        (Kind.INSERT, "decisions", "", "", ", gärna", "Bo Berg"),
        (Kind.INSERT_PART, "egen", "", "", "Egen del", "Åsa"),
    ]
    assert decide(current, received, changes, accept=True) == received
    assert decide(current, received, changes, accept=False) == current


def test_a_deletion_is_by_the_span_on_its_place_not_one_before_it_in_the_same_text() -> None:
    """Bo Kollega's mark a little earlier in the paragraph (LibreOffice's comment anchor:
    an insertion of nothing) does not take Anna Chef's deleted sentence, whose deletion
    stands where the change is."""
    kept = "Alla elever ska kunna simma 200 meter, varav 50 meter på rygg, i årskurs 6."
    gone = " Stadens uppföljning visar att 24 procent av eleverna inte når målet."

    def draft(text: str) -> Draft:
        return _draft("Simskola", [], [Block.plain("paragraph", text)])

    anchor = kept.index("200 meter") + len("200 meter")
    spans = [
        AuthoredSpan(Location("bakgrund", 0, "", anchor, anchor), "Bo Kollega"),
        AuthoredSpan(Location("bakgrund", 0, "", len(kept), len(kept)), "Anna Chef"),
    ]
    changes = propose(draft(kept + gone), draft(kept), "Åsa", spans)
    assert [(c.kind, c.old, c.author) for c in changes] == [(Kind.DELETE, gone, "Anna Chef")]


def test_normal_joins_runs_alike_and_gives_a_normal_block_back_as_it_is() -> None:
    from beslut.review.normal import normal

    already = Block(BlockKind.PARAGRAPH, (Run("Fet", bold=True), Run(" text")))
    assert normal(already) is already
    runs = (Run("Fe", bold=True), Run("t", bold=True), Run(""), Run(" text"))
    split = Block(BlockKind.PARAGRAPH, runs)
    assert normal(split) == already
    cells = ((Run("A"), Run("B")),), ((Run("C"),),)
    table = Block(BlockKind.TABLE, rows=cells)
    assert normal(table).rows[0][0] == (Run("AB"),)


_WORD_PICK = st.sampled_from(["och", "att", "nämnden", "beslutar", "simskola", "barn", "2028"])
_RUN = st.builds(
    lambda words, bold, italic: Run(" ".join(words) + " ", bold=bold, italic=italic),
    st.lists(_WORD_PICK, min_size=1, max_size=4),
    st.booleans(),
    st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_RUN, min_size=1, max_size=4),
    st.integers(0, 200),
    st.integers(0, 12),
    st.lists(_WORD_PICK, max_size=3),
)
def test_a_paragraph_taken_as_word_edited_without_trying_passes_the_trial(
    runs: list[Run], at: int, length: int, words: list[str]
) -> None:
    """changes._runs_follow (the quick test) never says yes where trying the edits on
    the runs (changes._edited) would say no."""
    from beslut.checks.fixes import replace_in_runs
    from beslut.review.changes import _edited, _runs_follow
    from beslut.review.hunks import hunks
    from beslut.review.normal import normal

    c = normal(Block(BlockKind.PARAGRAPH, tuple(runs)))
    start = min(at, len(c.text))
    end = min(start + length, len(c.text))
    r = normal(Block(BlockKind.PARAGRAPH, replace_in_runs(c.runs, start, end, " ".join(words))))
    if not r.text.strip() or r == c:
        return
    texts = [(c.text, r.text, "")]
    found = [hunks(c.text, r.text)]
    if _runs_follow(c, r, found[0]):
        assert _edited(c, texts, found, False) == r
        assert _edited(r, texts, found, True) == c

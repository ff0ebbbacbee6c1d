"""Comments stay on their text while changes are accepted (or rejected): shifted after a
change, grown or shrunk around it, kept as a point where their text went away."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from beslut.checks.findings import HEADING, TITLE, Location, text_field
from beslut.checks.fixes import current_text
from beslut.model import Block, BlockKind, Draft, Metadata, Run, Section
from beslut.model.comments import Comment
from beslut.review import Kind, accept, decide, propose, reject
from beslut.review.follow import moved_range

AT = "2028-01-10T09:30:00+01:00"


def _comment(
    cid: str, part: str, index: int | None, start: int, end: int, field: str = ""
) -> Comment:
    return Comment(cid, part, index, field, start, end, "Anna Chef", AT, "Stämmer det?")


def _on(draft: Draft, part: str, index: int | None, word: str, field: str = "") -> Comment:
    """A comment on the first ``word`` of a text of ``draft``."""
    text = current_text(draft, Location(part, index, field))
    at = text.index(word)
    return _comment("c", part, index, at, at + len(word), field)


def _commented(draft: Draft, comment: Comment) -> str:
    loc = Location(comment.part, comment.index, comment.field)
    return current_text(draft, loc)[comment.start : comment.end]


def _draft(*blocks: str, decisions: tuple[str, ...] = (), title: str = "Simskola") -> Draft:
    section = Section("bakgrund", "Bakgrund", tuple(Block.plain("paragraph", t) for t in blocks))
    return Draft(Metadata(title=title), decisions, (section,))


def _with(draft: Draft, *comments: Comment) -> Draft:
    """``draft`` with ``comments``, numbered c1, c2, ... in their order."""
    return replace(
        draft, comments=tuple(replace(c, id=f"c{n}") for n, c in enumerate(comments, start=1))
    )


def _accepted(current: Draft, received: Draft) -> Draft:
    return decide(current, received, propose(current, received), accept=True)


def test_a_range_moves_with_an_edit_before_around_or_on_it() -> None:
    assert moved_range(10, 14, 2, 2, 5) == (15, 19, False)  # inserted before: shifts
    assert moved_range(10, 14, 14, 14, 5) == (10, 14, False)  # inserted at its end
    assert moved_range(10, 14, 10, 10, 5) == (15, 19, False)  # inserted at its start
    assert moved_range(10, 20, 12, 15, 0) == (10, 17, True)  # deleted inside: shrinks
    assert moved_range(10, 20, 12, 12, 4) == (10, 24, True)  # inserted inside: grows
    assert moved_range(10, 14, 8, 16, 0) == (8, 8, True)  # deleted whole: a point
    assert moved_range(10, 14, 8, 16, 3) == (8, 11, True)  # replaced whole: the new text
    assert moved_range(10, 14, 12, 16, 3) == (10, 15, True)  # its end replaced
    assert moved_range(10, 14, 8, 12, 3) == (8, 13, True)  # its start replaced
    assert moved_range(3, 7, 10, 12, 0) == (3, 7, False)  # after it: stays


def test_text_inserted_before_the_comment_in_the_same_text_shifts_it() -> None:
    current = _draft("Barnen lär sig simma i skolan.")
    current = _with(current, _on(current, "bakgrund", 0, "simma"))
    received = _draft("Alla barnen i kommunen lär sig simma i skolan.")
    after = _accepted(current, received)
    assert after.sections[0].blocks[0].text == received.sections[0].blocks[0].text
    assert _commented(after, after.comments[0]) == "simma"


def test_a_deletion_inside_the_comment_shrinks_it_and_one_over_it_leaves_a_point() -> None:
    current = _draft("Barnen lär sig simma och dyka i skolan. Det kostar pengar.")
    comments = (
        _on(current, "bakgrund", 0, "simma och dyka"),
        _on(current, "bakgrund", 0, "kostar"),
    )
    current = _with(current, *comments)
    received = _draft("Barnen lär sig simma i skolan. Det pengar.")
    after = _accepted(current, received)
    first, second = after.comments
    assert _commented(after, first).strip() == "simma"  # the space the diff deleted with
    text = after.sections[0].blocks[0].text
    assert second.start == second.end and text[: second.start].endswith("Det")  # " kostar"
    assert [c.id for c in after.comments] == [c.id for c in current.comments]


def test_text_inserted_inside_the_comment_grows_it() -> None:
    current = _draft("Barnen lär sig simma i skolan.")
    current = _with(current, _on(current, "bakgrund", 0, "lär sig simma"))
    received = _draft("Barnen lär sig snabbt simma i skolan.")
    after = _accepted(current, received)
    assert _commented(after, after.comments[0]) == "lär sig snabbt simma"


def test_a_block_inserted_before_the_commented_one_moves_its_index() -> None:
    current = _draft("Första stycket.", "Barnen lär sig simma.")
    current = _with(current, _on(current, "bakgrund", 1, "simma"))
    received = _draft("Första stycket.", "Ett helt nytt stycke om annat.", "Barnen lär sig simma.")
    changes = propose(current, received)
    assert [c.kind for c in changes] == [Kind.INSERT_BLOCK]
    after = accept(current, received, changes[0])
    assert after.comments[0].index == 2 and _commented(after, after.comments[0]) == "simma"


def test_a_commented_block_deleted_leaves_the_comment_at_the_start_of_the_next() -> None:
    current = _draft("Första stycket.", "Barnen lär sig simma.", "Sista stycket.")
    current = _with(
        current, _on(current, "bakgrund", 1, "simma"), _on(current, "bakgrund", 2, "Sista")
    )
    received = _draft("Första stycket.", "Sista stycket.")
    changes = propose(current, received)
    assert [c.kind for c in changes] == [Kind.DELETE_BLOCK]
    after = accept(current, received, changes[0])
    gone, moved = after.comments
    assert (gone.part, gone.index, gone.field, gone.start, gone.end) == ("bakgrund", 1, "", 0, 0)
    assert moved.index == 1 and _commented(after, moved) == "Sista"


def test_the_last_block_deleted_leaves_the_comment_at_the_end_of_the_one_before() -> None:
    current = _draft("Första stycket.", "Barnen lär sig simma.")
    current = _with(current, _on(current, "bakgrund", 1, "simma"))
    after = _accepted(current, _draft("Första stycket."))
    comment = after.comments[0]
    assert (comment.index, comment.start, comment.end) == (0, 15, 15)


def test_every_block_deleted_leaves_the_comment_at_the_start_of_the_part() -> None:
    current = _draft("Barnen lär sig simma.", decisions=("Nämnden beslutar att godkänna.",))
    current = _with(
        current, _on(current, "bakgrund", 0, "simma"), _on(current, "decisions", 0, "godkänna")
    )
    after = _accepted(current, _draft())
    section, decision = after.comments
    assert (section.part, section.index, section.field, section.start) == (
        "bakgrund",
        None,
        HEADING,
        0,
    )
    assert (decision.part, decision.index, decision.field, decision.start) == (
        "meta",
        None,
        TITLE,
        0,
    )


def test_a_block_replaced_whole_keeps_the_comment_on_its_words() -> None:
    current = _draft("Barnen lär sig simma i skolan.")
    current = _with(current, _on(current, "bakgrund", 0, "simma"))
    section = Section(
        "bakgrund", "Bakgrund", (Block.plain("bullet", "Barnen lär sig simma i skolan."),)
    )
    received = replace(current, sections=(section,), comments=())
    changes = propose(current, received)
    assert [c.kind for c in changes] == [Kind.REPLACE_BLOCK]
    after = accept(current, received, changes[0])
    assert after.sections[0].blocks[0].kind is BlockKind.BULLET
    assert _commented(after, after.comments[0]) == "simma"


def test_a_table_cell_comment_follows_an_edit_of_the_cell_and_the_table_reshaped() -> None:
    table = Block.table([["Plats", "Kostnad"], ["Badhuset", "120 000 kr"]])
    current = Draft(Metadata(title="T"), (), (Section("bakgrund", "Bakgrund", (table,)),))
    cell = text_field((1, 1))
    current = _with(current, _on(current, "bakgrund", 0, "kr", cell))
    edited = Block.table([["Plats", "Kostnad"], ["Badhuset", "ca 120 000 kr"]])
    received = replace(current, sections=(Section("bakgrund", "Bakgrund", (edited,)),), comments=())
    after = _accepted(current, received)
    assert _commented(after, after.comments[0]) == "kr"
    reshaped = Block.table([["Plats", "Kostnad", "År"], ["Badhuset", "ca 120 000 kr", "2028"]])
    received = replace(received, sections=(Section("bakgrund", "Bakgrund", (reshaped,)),))
    after = _accepted(after, received)
    assert after.comments[0].field == cell and _commented(after, after.comments[0]) == "kr"


def test_a_deleted_part_leaves_the_comment_at_the_start_of_the_next_part() -> None:
    sections = (
        Section("bakgrund", "Bakgrund", (Block.plain("paragraph", "Barnen lär sig simma."),)),
        Section("egen", "Egen del", (Block.plain("paragraph", "Mer text."),)),
        Section("ekonomi", "Ekonomi", (Block.plain("paragraph", "Det kostar."),)),
    )
    current = Draft(Metadata(title="T"), (), sections)
    current = _with(current, _on(current, "egen", 0, "Mer"), _on(current, "ekonomi", 0, "kostar"))
    received = replace(current, sections=(sections[0], sections[2]), comments=())
    changes = propose(current, received)
    assert [c.kind for c in changes] == [Kind.DELETE_PART]
    after = accept(current, received, changes[0])
    gone, kept = after.comments
    assert (gone.part, gone.index, gone.field, gone.start, gone.end) == (
        "ekonomi",
        None,
        HEADING,
        0,
        0,
    )
    assert _commented(after, kept) == "kostar"
    last = _accepted(after, replace(after, sections=(sections[0],), comments=()))
    assert [(c.part, c.index, c.start) for c in last.comments] == [("bakgrund", 0, 21)] * 2


def test_a_title_comment_follows_an_edit_of_the_title() -> None:
    current = _draft("Text.", title="Simskola för barn")
    current = _with(current, _on(current, "meta", None, "barn", TITLE))
    after = _accepted(current, _draft("Text.", title="Ny simskola för alla barn"))
    assert _commented(after, after.comments[0]) == "barn"


@pytest.mark.parametrize("bold", [False, True])
def test_a_footnote_comment_stays_on_its_note_when_the_runs_before_it_change(bold: bool) -> None:
    runs = (Run("Viktigt: ", bold=bold), Run("barnen simmar"), Run(".", note="Enligt läroplanen."))
    block = Block(BlockKind.PARAGRAPH, runs)
    current = Draft(Metadata(title="T"), (), (Section("bakgrund", "Bakgrund", (block,)),))
    current = _with(current, _on(current, "bakgrund", 0, "läroplanen", text_field(note=2)))
    received_runs = (Run("barnen simmar"), Run(".", note="Enligt läroplanen."))
    received = replace(
        current,
        sections=(Section("bakgrund", "Bakgrund", (Block(BlockKind.PARAGRAPH, received_runs),)),),
        comments=(),
    )
    changes = propose(current, received)
    # A plain run goes with its text; a bold one takes the block's formatting along.
    assert [c.kind for c in changes] == [Kind.REPLACE_BLOCK if bold else Kind.DELETE]
    after = accept(current, received, changes[0])
    comment = after.comments[0]
    assert comment.field == text_field(note=1)
    assert _commented(after, comment) == "läroplanen"


def test_several_changes_accepted_at_once_as_one_by_one() -> None:
    current = _draft(
        "Barnen lär sig simma i skolan och i badhuset.",
        "Kostnaden är låg.",
        decisions=("Nämnden beslutar att godkänna förslaget.",),
    )
    current = _with(
        current,
        _on(current, "bakgrund", 0, "badhuset"),
        _on(current, "bakgrund", 1, "låg"),
        _on(current, "decisions", 0, "förslaget"),
        _on(current, "bakgrund", 0, "simma"),
    )
    received = _draft(
        "Alla barnen lär sig simma i skolan och i det nya badhuset.",
        "Ett nytt stycke om tider och platser.",
        "Kostnaden är mycket låg.",
        decisions=("Nämnden beslutar att helt godkänna förslaget.",),
    )
    changes = propose(current, received)
    assert len(changes) >= 4
    at_once = decide(current, received, changes, accept=True)
    one_by_one = current
    while found := propose(one_by_one, received):
        one_by_one = accept(one_by_one, received, found[-1])
    assert at_once.comments == one_by_one.comments
    assert [c.id for c in at_once.comments] == ["c1", "c2", "c3", "c4"]  # their order kept
    words = [_commented(at_once, c) for c in at_once.comments]
    assert words == ["badhuset", "låg", "förslaget", "simma"]


def test_rejecting_leaves_the_current_comments_and_moves_the_received_ones() -> None:
    current = _draft("Barnen lär sig simma.")
    current = _with(current, _on(current, "bakgrund", 0, "simma"))
    received = _draft("Alla barnen i kommunen lär sig simma.")
    received = _with(received, _on(received, "bakgrund", 0, "simma"))
    back = reject(current, received, propose(current, received)[0])
    assert _commented(back, back.comments[0]) == "simma"
    assert current.comments[0].start == _on(current, "bakgrund", 0, "simma").start


# A comment anywhere in a text stays within the text it is on, whatever is decided.

_WORDS = ["Nämnden", "beslutar", "att", "godkänna", "förslaget", "hunden", "sprang", "hem"]
_sentence = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6).map(
    lambda ws: " ".join(ws) + "."
)
_blocks = st.lists(_sentence.map(lambda t: Block.plain("paragraph", t)), max_size=5)
_drafts = st.builds(
    lambda title, decisions, blocks: Draft(
        Metadata(title=title), tuple(decisions), (Section("bakgrund", "Bakgrund", tuple(blocks)),)
    ),
    _sentence,
    st.lists(_sentence, max_size=3),
    _blocks,
)


def _commented_everywhere(draft: Draft, rnd: random.Random) -> Draft:
    places = [Location("meta", None, TITLE, 0, len(draft.meta.title))]
    places += [Location("decisions", i) for i in range(len(draft.decisions))]
    places += [Location("bakgrund", i) for i in range(len(draft.sections[0].blocks))]
    comments = []
    for number, loc in enumerate(places, start=1):
        size = len(current_text(draft, loc))
        a, b = sorted((rnd.randint(0, size), rnd.randint(0, size)))
        comments.append(_comment(f"c{number}", loc.part, loc.index, a, b, loc.field))
    return _with(draft, *comments)


def _valid(draft: Draft) -> bool:
    for comment in draft.comments:
        text = current_text(draft, Location(comment.part, comment.index, comment.field))
        if not 0 <= comment.start <= comment.end <= len(text):
            return False
    return True


@settings(max_examples=60, deadline=None)
@given(_drafts, _drafts, st.randoms(use_true_random=False))
def test_comments_stay_within_their_text_whatever_is_decided(
    current: Draft, received: Draft, rnd: random.Random
) -> None:
    current = _commented_everywhere(current, rnd)
    count = len(current.comments)
    assert _valid(_accepted(current, received))
    for _step in range(100):
        changes = propose(current, received)
        if not changes:
            break
        change = rnd.choice(changes)
        if rnd.random() < 0.5:
            current = accept(current, received, change)
        else:
            received = reject(current, received, change)
        assert _valid(current) and len(current.comments) == count

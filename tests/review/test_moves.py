"""A paragraph or decision point moved whole is one proposed change: accepting it puts the
block at its new place, rejecting it keeps the current order, alone or with the changes
before, between and after its two places, one by one or all at once."""

from __future__ import annotations

import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from beslut.checks.findings import Location
from beslut.model import Block, Draft, Metadata, Section
from beslut.model.comments import Comment
from beslut.review import AuthoredSpan, Change, Kind, accept, decide, propose, reject, shift_spans

# Paragraphs that share no words, so that the diff never takes one for an edit of another.
_P = [
    "Alfa bravo charlie.",
    "Delta echo foxtrot.",
    "Golf hotel india.",
    "Juliett kilo lima.",
    "Mike november oscar.",
    "Papa quebec romeo.",
    "Sierra tango uniform.",
    "Victor whiskey xray.",
]


def _draft(texts: list[str], decisions: tuple[str, ...] = ()) -> Draft:
    blocks = tuple(Block.plain("paragraph", t) for t in texts)
    return Draft(Metadata(title="Simskola"), decisions, (Section("bakgrund", "Bakgrund", blocks),))


def _texts(draft: Draft) -> list[str]:
    return [b.text for b in draft.sections[0].blocks]


def _moves(changes: list[Change]) -> list[Change]:
    return [c for c in changes if c.kind is Kind.MOVE_BLOCK]


def test_a_moved_paragraph_is_one_change_with_both_places() -> None:
    current = _draft(_P[:5])
    received = _draft([_P[1], _P[2], _P[3], _P[0], _P[4]])
    (change,) = propose(current, received, "Åsa")
    assert change.kind is Kind.MOVE_BLOCK and change.kind.label == "flyttat stycke"
    assert change.location == Location("bakgrund", 0)
    assert change.new_location.index == 3 and change.to_index == 4
    assert (change.old, change.new, change.author) == (_P[0], _P[0], "Åsa")
    assert accept(current, received, change) == received
    assert reject(current, received, change) == current


def test_a_moved_decision_point_is_one_change() -> None:
    current = _draft([], ("Ett.", "Två.", "Tre."))
    received = _draft([], ("Två.", "Tre.", "Ett."))
    (change,) = propose(current, received)
    assert (change.kind, change.location.part) == (Kind.MOVE_BLOCK, "decisions")
    assert accept(current, received, change) == received
    assert reject(current, received, change) == current


def test_a_moved_and_edited_paragraph_stays_a_deletion_and_an_insertion() -> None:
    current = _draft(_P[:4])
    received = _draft([_P[1], _P[2], _P[3], "Alfa bravo charlie delta."])
    kinds = [c.kind for c in propose(current, received)]
    assert sorted(kinds) == sorted([Kind.INSERT_BLOCK, Kind.DELETE_BLOCK])


def test_equal_blocks_pair_nearest_first_each_used_once() -> None:
    same = "Samma stycke."
    current = _draft([same, _P[0], _P[1], same, _P[2]])
    received = _draft([_P[0], _P[1], _P[2], same, same])
    changes = propose(current, received)
    assert decide(current, received, changes, accept=True) == received
    assert decide(current, received, changes, accept=False) == current


def _around() -> tuple[Draft, Draft]:
    """A move down from place 1 to before the last place, with an edit before it, an
    edit, an insertion and a deletion between its places, and an edit after them."""
    current = _draft(_P)
    received = _draft(
        [
            _P[0].replace(".", " nu."),  # edited before
            _P[2],
            _P[3].replace("kilo", "kilo kilo"),  # edited between
            "Yankee zulu nytt stycke.",  # inserted between (and P4 deleted)
            _P[5],
            _P[6],
            _P[1],  # moved here
            _P[7] + " Mer.",  # edited after
        ]
    )
    return current, received


def _made(current: Draft, received: Draft, changes: list[Change], chosen: list[Change]) -> Draft:
    """``chosen`` made and the rest not, both ways: accepting ``chosen`` gives the same
    draft as rejecting all the others."""
    made = decide(current, received, chosen, accept=True)
    rest = [c for c in changes if c not in chosen]
    assert decide(current, received, rest, accept=False) == made
    assert decide(made, received, propose(made, received), accept=True) == received
    undone = decide(current, received, rest, accept=False)
    assert decide(current, undone, propose(current, undone), accept=False) == current
    return made


def test_a_move_with_changes_before_between_and_after_it_decided_all_at_once() -> None:
    current, received = _around()
    changes = propose(current, received)
    assert [c.kind for c in changes] == [
        Kind.INSERT,
        Kind.MOVE_BLOCK,
        Kind.INSERT,
        Kind.DELETE_BLOCK,
        Kind.INSERT_BLOCK,
        Kind.INSERT,
    ]
    move = changes[1]
    assert (move.location.index, move.new_index, move.to_index, move.from_new_index) == (1, 6, 7, 1)
    assert decide(current, received, changes, accept=True) == received
    assert decide(current, received, changes, accept=False) == current


def test_a_move_with_other_changes_decided_in_every_subset_at_once() -> None:
    current, received = _around()
    changes = propose(current, received)
    for size in range(len(changes) + 1):
        for chosen in itertools.combinations(changes, size):
            _made(current, received, changes, list(chosen))


def test_a_move_with_other_changes_decided_one_by_one() -> None:
    start, end = _around()
    rnd = random.Random(4)
    for _round in range(40):
        current, received = start, end
        count = len(propose(current, received))
        while changes := propose(current, received):
            assert len(changes) <= count  # (a deletion and an insertion may become one)
            change = rnd.choice(changes)
            if rnd.random() < 0.5:
                current = accept(current, received, change)
            else:
                received = reject(current, received, change)
            count -= 1
        assert current == received


def test_accepting_only_the_move_or_only_the_others() -> None:
    current, received = _around()
    changes = propose(current, received)
    (move,) = _moves(changes)
    after = accept(current, received, move)
    blocks = _texts(after)
    assert blocks.index(_P[1]) == blocks.index(_P[6]) + 1  # before the edited P7
    assert _P[0] in blocks and _P[4] in blocks  # nothing else made
    assert _moves(propose(after, received)) == []
    others = [c for c in changes if c is not move]
    rest = decide(current, received, others, accept=True)
    assert [c.kind for c in propose(rest, received)] == [Kind.MOVE_BLOCK]
    back = decide(current, received, others, accept=False)
    assert [c.kind for c in propose(current, back)] == [Kind.MOVE_BLOCK]


def test_a_move_up_across_changes() -> None:
    current = _draft(_P[:6])
    received = _draft([_P[0] + " Ny.", _P[4], _P[1], "Yankee zulu.", _P[3], _P[5] + " Slut."])
    changes = propose(current, received)
    assert len(_moves(changes)) == 1, changes
    assert decide(current, received, changes, accept=True) == received
    assert decide(current, received, changes, accept=False) == current
    for change in changes:
        rest = [c for c in changes if c is not change]
        once = decide(current, received, [change], accept=True)
        assert decide(once, received, propose(once, received), accept=True) == received
        undone = decide(current, received, rest, accept=False)
        assert decide(current, undone, propose(current, undone), accept=False) == current


def test_a_comment_on_a_moved_paragraph_goes_with_it() -> None:
    current, received = _around()
    start = _P[1].index("echo")
    comment = Comment("c1", "bakgrund", 1, "", start, start + 4, "Åsa", "2026-01-01", "Ok?")
    other = Comment("c2", "bakgrund", 6, "", 0, 6, "Åsa", "2026-01-01", "Och?")  # P6
    current = Draft(current.meta, current.decisions, current.sections, comments=(comment, other))
    changes = propose(current, received)
    for chosen in (changes, _moves(changes)):
        after = decide(current, received, chosen, accept=True)
        moved, kept = after.comments
        assert moved.index is not None and kept.index is not None
        text = after.sections[0].blocks[moved.index].text
        assert text == _P[1] and text[moved.start : moved.end] == "echo"
        assert after.sections[0].blocks[kept.index].text.startswith("Sierra")


def test_a_comment_of_the_received_draft_goes_back_with_a_rejected_move() -> None:
    current, received = _around()
    comment = Comment("c1", "bakgrund", 6, "", 0, 5, "Åsa", "2026-01-01", "Ok?")
    received = Draft(received.meta, received.decisions, received.sections, comments=(comment,))
    changes = propose(current, received)
    back = decide(current, received, changes, accept=False)
    (moved,) = back.comments
    assert moved.index == 1 and back.sections[0].blocks[1].text[:5] == "Delta"


def test_the_author_of_a_move_is_who_moved_it_to_else_from() -> None:
    current = _draft(_P[:4])
    received = _draft([_P[1], _P[2], _P[0], _P[3]])
    to = [AuthoredSpan(Location("bakgrund", 2, "", 0, len(_P[0])), "Anna")]
    away = [AuthoredSpan(Location("bakgrund", 0, "", 0, 0), "Bo")]
    assert [c.author for c in propose(current, received, "Åsa", to + away)] == ["Anna"]
    assert [c.author for c in propose(current, received, "Åsa", away)] == ["Bo"]
    assert [c.author for c in propose(current, received, "Åsa")] == ["Åsa"]
    # rejecting the move drops the span on the block that goes back
    assert shift_spans(to, propose(current, received, "Åsa", to)) == []


_blocks = st.permutations(_P).map(list)


@st.composite
def _pairs(draw: st.DrawFn) -> tuple[Draft, Draft]:
    """The current draft and a received one with a block or two moved, and others
    edited, inserted or deleted."""
    texts = draw(_blocks)[: draw(st.integers(3, 8))]
    new = list(texts)
    for _move in range(draw(st.integers(1, 2))):
        block = new.pop(draw(st.integers(0, len(new) - 1)))
        new.insert(draw(st.integers(0, len(new))), block)
    for _edit in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(new) - 1))
        what = draw(st.sampled_from(["edit", "insert", "delete"]))
        if what == "edit":
            new[at] = new[at].replace(".", " ny.")
        elif what == "insert":
            new.insert(at, f"Nytt {draw(st.integers(0, 99))} stycke zulu.")
        elif len(new) > 1:
            del new[at]
    return _draft(texts, tuple(texts[:3])), _draft(new, tuple(new[:3]))


@settings(max_examples=80, deadline=None)
@given(_pairs(), st.randoms(use_true_random=False))
def test_moves_decided_in_any_mix_end_at_the_drafts(
    drafts: tuple[Draft, Draft], rnd: random.Random
) -> None:
    current, received = drafts
    changes = propose(current, received)
    assert decide(current, received, changes, accept=True) == received
    assert decide(current, received, changes, accept=False) == current
    _made(current, received, changes, [c for c in changes if rnd.random() < 0.5])

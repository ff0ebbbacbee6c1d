"""One paragraph's old and new runs merged word by word, each run kept, inserted or deleted.

The texts are compared with beslut.diff.words; the pieces are then cut out of the runs
they came from, so a deleted word keeps the bold or link it had and an inserted one gets
its own. Text that is the same but formatted differently (made bold, given a link or a
note) is written as the old run deleted and the new one inserted, so rejecting the
change gives the old formatting back. A footnote stays with the piece that ends its run.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import groupby

from beslut.diff import Op, words
from beslut.export.revisions import Revisions
from beslut.export.runs import PLAIN, Inline, runs_xml
from beslut.model.draft import Run

Marked = tuple[tuple[Run, ...], tuple[Op, ...]]  # runs and what happened to each


def merge_runs(old: Sequence[Run], new: Sequence[Run]) -> Marked:
    """``old`` -> ``new`` as one sequence of runs with an Op each."""
    if tuple(old) == tuple(new):
        return tuple(new), (Op.EQUAL,) * len(new)
    before, after = _Cutter(old), _Cutter(new)
    runs: list[Run] = []
    ops: list[Op] = []
    i = j = 0  # where we are in the old and the new text
    for piece in words(before.text, after.text):
        size = len(piece.text)
        if piece.op is Op.DELETE:
            _extend(runs, ops, before.cut(i, i + size), Op.DELETE)
            i += size
        elif piece.op is Op.INSERT:
            _extend(runs, ops, after.cut(j, j + size), Op.INSERT)
            j += size
        else:
            _equal(runs, ops, before.cut(i, i + size), after.cut(j, j + size))
            i += size
            j += size
    return tuple(runs), tuple(ops)


def mostly_kept(marked: Marked, share: float = 1 / 3) -> bool:
    """True when at least ``share`` of the longer text (spaces not counted) is kept: two
    texts with little in common read better as one deleted and one inserted than as a
    word-by-word mix of both."""
    kept = old = new = 0
    for run, op in zip(*marked, strict=True):
        size = len(run.text) - run.text.count(" ")
        if op is Op.EQUAL:
            kept += size
        if op is not Op.INSERT:
            old += size
        if op is not Op.DELETE:
            new += size
    return kept >= share * max(old, new)


def all_marked(runs: Sequence[Run], op: Op) -> Marked:
    """Every run of a paragraph inserted, deleted or kept."""
    return tuple(runs), (op,) * len(runs)


def _extend(runs: list[Run], ops: list[Op], pieces: Sequence[Run], op: Op) -> None:
    runs.extend(pieces)
    ops.extend([op] * len(pieces))


def _equal(runs: list[Run], ops: list[Op], old: Sequence[Run], new: Sequence[Run]) -> None:
    """The same text as old and new runs: kept where formatted alike, else replaced."""
    if [_look(r) for r in old] == [_look(r) for r in new] and [len(r.text) for r in old] == [
        len(r.text) for r in new
    ]:
        _extend(runs, ops, new, Op.EQUAL)
        return
    cuts = sorted({*_ends(old), *_ends(new)})
    old_cut, new_cut = _Cutter(old), _Cutter(new)
    start = 0
    for end in cuts:
        a, b = old_cut.cut(start, end), new_cut.cut(start, end)
        if [_look(r) for r in a] == [_look(r) for r in b]:
            _extend(runs, ops, b, Op.EQUAL)
        else:
            _extend(runs, ops, a, Op.DELETE)
            _extend(runs, ops, b, Op.INSERT)
        start = end


def _look(run: Run) -> tuple[bool, bool, str, str]:
    return run.bold, run.italic, run.link, run.note


def _ends(runs: Sequence[Run]) -> list[int]:
    ends, position = [], 0
    for run in runs:
        position += len(run.text)
        ends.append(position)
    return ends


class _Cutter:
    """Cuts stretches of text out of a paragraph's runs, each piece with its run's look."""

    def __init__(self, runs: Sequence[Run]) -> None:
        self.runs = [run for run in runs if run.text]
        self.text = "".join(run.text for run in self.runs)
        self._starts: list[int] = []
        position = 0
        for run in self.runs:
            self._starts.append(position)
            position += len(run.text)

    def cut(self, start: int, end: int) -> list[Run]:
        out: list[Run] = []
        index = max(bisect_right(self._starts, start) - 1, 0)
        while index < len(self.runs) and self._starts[index] < end:
            run, first = self.runs[index], self._starts[index]
            last = first + len(run.text)
            a, b = max(start, first), min(end, last)
            if a < b:
                whole = a == first and b == last
                note = run.note if b == last else ""
                out.append(
                    run
                    if whole
                    else Run(run.text[a - first : b - first], run.bold, run.italic, run.link, note)
                )
            index += 1
        return out


def marked_runs_xml(marked: Marked, revisions: Revisions, inline: Inline = PLAIN) -> str:
    """The runs of ``marked`` as XML, each stretch of inserted or deleted ones in its
    w:ins or w:del."""
    runs, ops = marked
    out: list[str] = []
    position = 0
    for op, group in groupby(ops):
        size = len(list(group))
        stretch = runs[position : position + size]
        position += size
        if op is Op.EQUAL:
            out.append(runs_xml(stretch, inline))
        else:
            out.append(
                runs_xml(
                    stretch, inline, revisions.inserted if op is Op.INSERT else revisions.deleted
                )
            )
    return "".join(out)

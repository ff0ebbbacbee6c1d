"""Two ways of holding the same text made one: neighbouring runs of the same formatting
joined, empty runs without a note left out (no Qt)."""

from __future__ import annotations

from dataclasses import replace

from beslut.model.draft import Block, BlockKind, Run

__all__ = ["normal"]


def normal(block: Block) -> Block:
    """``block`` with neighbouring runs of the same formatting joined and empty runs
    without a note left out, so that two ways of holding the same text compare equal."""
    if block.kind is BlockKind.TABLE:
        if all(_is_normal(cell) for row in block.rows for cell in row):
            return block
        rows = tuple(tuple(_normal_runs(cell) for cell in row) for row in block.rows)
        return replace(block, rows=rows)
    if _is_normal(block.runs):
        return block  # as most are: no copy made
    return replace(block, runs=_normal_runs(block.runs))


def _is_normal(runs: tuple[Run, ...]) -> bool:
    """True when _normal_runs would give ``runs`` back as they are."""
    last: Run | None = None
    for run in runs:
        if not run.text and not run.note:
            return False
        if (
            last is not None
            and not last.note
            and (last.bold, last.italic, last.link) == (run.bold, run.italic, run.link)
        ):
            return False
        last = run
    return True


def _normal_runs(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    out: list[Run] = []
    for run in runs:
        if not run.text and not run.note:
            continue
        last = out[-1] if out else None
        if (
            last is not None
            and not last.note
            and (last.bold, last.italic, last.link) == (run.bold, run.italic, run.link)
        ):
            out[-1] = replace(run, text=last.text + run.text)
        else:
            out.append(run)
    return tuple(out)

"""Applying a finding's one-click fix to a draft, which gives a new draft."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from beslut.checks.findings import (
    ATTACHMENTS,
    DECISIONS,
    HEADING,
    META,
    SUBTITLE,
    TITLE,
    Finding,
    Location,
    parse_text_field,
)
from beslut.errors import BeslutError
from beslut.i18n import _
from beslut.model.draft import Draft, Run, Section


class StaleFixError(BeslutError):
    """The text changed since the check ran, so the fix no longer fits."""


def apply_fix(draft: Draft, finding: Finding) -> Draft:
    """``draft`` with the finding's fix applied; the text at the range must be unchanged."""
    fix, loc = finding.fix, finding.location
    if fix is None or loc.start is None or loc.end is None:
        raise ValueError(f"finding {finding.rule} has no fix with a range")
    if current_text(draft, loc)[loc.start : loc.end] != fix.original:
        raise StaleFixError(
            _("Texten har ändrats sedan granskningen. Granska igen och försök på nytt."),
            f"stale fix for {finding.rule} at {loc}",
        )
    return _replace(draft, loc, fix.replacement)


def apply_fixes(draft: Draft, findings: Iterable[Finding]) -> Draft:
    """``draft`` with every fix among ``findings`` applied ("fix all").

    Within one text the fixes run from the end backwards, so earlier ranges stay valid;
    a fix that overlaps one already applied is skipped.
    """
    fixable = [f for f in findings if f.fix is not None and f.location.start is not None]
    fixable.sort(key=lambda f: (_text_key(f.location), f.location.start or 0), reverse=True)
    limit: dict[tuple[str, int, str], int] = {}
    for finding in fixable:
        key, loc = _text_key(finding.location), finding.location
        if loc.end is None or loc.end > limit.get(key, loc.end):
            continue
        draft = apply_fix(draft, finding)
        limit[key] = loc.start or 0
    return draft


def _text_key(loc: Location) -> tuple[str, int, str]:
    return (loc.part, -1 if loc.index is None else loc.index, loc.field)


def current_text(draft: Draft, loc: Location) -> str:
    """The text a location's range refers to."""
    if loc.part == META and loc.field in (TITLE, SUBTITLE):
        return str(getattr(draft.meta, loc.field))
    if loc.part == DECISIONS and loc.index is not None:
        return draft.decisions[loc.index]
    if loc.part == ATTACHMENTS and loc.index is not None and loc.field == TITLE:
        return draft.attachments[loc.index].title
    section = draft.section(loc.part)
    if section is not None and loc.field == HEADING:
        return section.heading
    if section is not None and loc.index is not None and not loc.field:
        return section.blocks[loc.index].text
    inner = parse_text_field(loc.field)
    if section is not None and loc.index is not None and inner is not None:
        cell, note = inner
        block = section.blocks[loc.index]
        runs = block.runs if cell is None else block.rows[cell[0]][cell[1]]
        return runs[note].note if note is not None else "".join(r.text for r in runs)
    raise ValueError(f"no text at {loc}")


# One edit of a text: characters start..end replaced by a new text.
Edit = tuple[int, int, str]


def _splice(text: str, edits: Sequence[Edit]) -> str:
    pieces, pos = [], 0
    for start, end, new in sorted(edits):
        pieces += [text[pos:start], new]
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def _replace(draft: Draft, loc: Location, new: str) -> Draft:
    assert loc.start is not None and loc.end is not None
    return replace_ranges(draft, loc, [(loc.start, loc.end, new)])


def replace_ranges(draft: Draft, loc: Location, edits: Sequence[Edit]) -> Draft:
    """``draft`` with ``edits`` made in the text at ``loc`` (its range is not used).

    The edits must not overlap; they are made from the end backwards, so each range is
    one of the text as it is now. Formatting is kept as replace_in_runs keeps it.
    """
    if loc.part == META:
        value = _splice(current_text(draft, loc), edits)
        if loc.field == TITLE:
            return replace(draft, meta=replace(draft.meta, title=value))
        return replace(draft, meta=replace(draft.meta, subtitle=value))
    if loc.part == DECISIONS and loc.index is not None:
        decisions = list(draft.decisions)
        decisions[loc.index] = _splice(decisions[loc.index], edits)
        return replace(draft, decisions=tuple(decisions))
    if loc.part == ATTACHMENTS and loc.index is not None:
        attachments = list(draft.attachments)
        old = attachments[loc.index]
        attachments[loc.index] = replace(old, title=_splice(old.title, edits))
        return replace(draft, attachments=tuple(attachments))
    sections = tuple(
        _replace_in_section(s, loc, edits) if s.key == loc.part else s for s in draft.sections
    )
    return replace(draft, sections=sections)


def _replace_in_section(section: Section, loc: Location, edits: Sequence[Edit]) -> Section:
    if loc.field == HEADING:
        return replace(section, heading=_splice(section.heading, edits))
    assert loc.index is not None
    blocks = list(section.blocks)
    block = blocks[loc.index]
    inner = parse_text_field(loc.field) if loc.field else None
    if inner is None:
        blocks[loc.index] = replace(block, runs=_in_runs(block.runs, edits))
    elif inner[0] is None:
        blocks[loc.index] = replace(block, runs=_in_note(block.runs, inner[1], edits))
    else:
        (r, c), note = inner[0], inner[1]
        cell = block.rows[r][c]
        cell = _in_runs(cell, edits) if note is None else _in_note(cell, note, edits)
        row = (*block.rows[r][:c], cell, *block.rows[r][c + 1 :])
        blocks[loc.index] = replace(block, rows=(*block.rows[:r], row, *block.rows[r + 1 :]))
    return replace(section, blocks=tuple(blocks))


def _in_runs(runs: tuple[Run, ...], edits: Sequence[Edit]) -> tuple[Run, ...]:
    for start, end, new in sorted(edits, reverse=True):
        runs = replace_in_runs(runs, start, end, new)
    return runs


def _in_note(runs: tuple[Run, ...], index: int | None, edits: Sequence[Edit]) -> tuple[Run, ...]:
    """``runs`` with the footnote of run ``index`` edited."""
    assert index is not None
    run = runs[index]
    return (*runs[:index], replace(run, note=_splice(run.note, edits)), *runs[index + 1 :])


def replace_in_runs(runs: tuple[Run, ...], start: int, end: int, new: str) -> tuple[Run, ...]:
    """Replace characters ``start``..``end`` of the runs' joined text, keeping formatting.

    The new text takes the formatting of the run where the range starts. A footnote is
    never lost: a run emptied by the edit hands its note to the run before it (the note
    stays at the same place in the text), or stays as an empty run with the note.
    """
    if not runs:
        return (Run(new),) if new else ()
    host, pos = len(runs) - 1, 0
    for i, run in enumerate(runs):
        if pos <= start < pos + len(run.text):
            host = i
            break
        pos += len(run.text)
    out, pos = [], 0
    for i, run in enumerate(runs):
        size = len(run.text)
        a, b = min(max(start - pos, 0), size), min(max(end - pos, 0), size)
        text = run.text[:a] + (new if i == host else "") + run.text[b:]
        pos += size
        if text:
            out.append(replace(run, text=text))
        elif run.note and out and not out[-1].note:
            out[-1] = replace(out[-1], note=run.note)
        elif run.note:
            out.append(replace(run, text=""))
    return tuple(out)

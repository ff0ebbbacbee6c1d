"""Comments on the ärendemening, marked where the template writes it.

The ärendemening is no text of the body writer's: the template holds it as the field
{{ titel }}, filled like any field (merge.py). When a comment is on it, the body's
value of the field is written between two private-use characters; the first place in
the body where they stand gets the comments' marks (its run split at the commented
offsets), and every other place just loses them. A template whose body holds no
{{ titel }} gets no such comments (they are counted as skipped): Word ignores comment
ranges in headers and footers (MS-OI29500 2.1.315 c).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from copy import deepcopy

from beslut.checks.findings import TITLE
from beslut.export.comments import CommentMarks, Key
from beslut.export.ooxml import SPACE, W_NS, Element, T, w
from beslut.parts import META

__all__ = ["body_values", "mark_title"]

KEY: Key = (META, None, TITLE)
_OPEN, _CLOSE = "\ue000", "\ue001"
_FIELD = "titel"


def body_values(values: Mapping[str, str], marks: CommentMarks | None) -> dict[str, str] | None:
    """The values of the body's fields with the ärendemening between the two marks, when
    a comment is on it (else None: the body is filled as every other part)."""
    title = values.get(_FIELD, "")
    if marks is None or not marks.has(KEY) or not title or _OPEN in title or _CLOSE in title:
        return None
    return {**values, _FIELD: f"{_OPEN}{title}{_CLOSE}"}


def mark_title(body: Element, marks: CommentMarks) -> None:
    """The comments on the ärendemening marked at its first place in ``body`` (filled
    with body_values), the private-use characters taken out everywhere; without such a
    place the comments are left out."""
    if not marks.has(KEY):
        return
    marked = False
    for node in list(body.iter(T)):
        text = node.text or ""
        if _OPEN not in text and _CLOSE not in text:
            continue
        start, end = text.find(_OPEN), text.find(_CLOSE)
        run = node.getparent()
        if marked or not 0 <= start < end or run is None or run.tag != w("r"):
            node.text = text.replace(_OPEN, "").replace(_CLOSE, "")
            continue
        title = text[start + 1 : end]
        pieces = (text[:start], title, text[end + 1 :])
        _split(run, node, pieces, marks.markers(KEY, len(title)))
        marked = True
    if not marked:
        marks.leave_out(KEY)


def _split(
    run: Element, node: Element, pieces: tuple[str, str, str], markers: Sequence[tuple[int, str]]
) -> None:
    """``run`` with its text ``node`` (``pieces``: before the ärendemening, it, after it)
    as runs of the same formatting, the markers' XML between them at their offsets."""
    from docx.oxml.parser import parse_xml  # lazy: start-up time

    before, title, after = pieces
    children = list(run)
    at = children.index(node)
    props = [c for c in children if c.tag == w("rPr")]
    head = [c for c in children[:at] if c.tag != w("rPr")]
    tail = children[at + 1 :]
    out: list[Element] = []

    def add_run(text: str, extra: Sequence[Element] = (), first: bool = False) -> None:
        new = run.makeelement(run.tag, dict(run.attrib) if first else {})
        new.extend(deepcopy(p) for p in props)
        if first:
            new.extend(head)
        if text:
            t = new.makeelement(T, {SPACE: "preserve"})
            t.text = text
            new.append(t)
        new.extend(extra)
        if len(new) > len(props):
            out.append(new)

    add_run(before, first=True)
    position = 0
    for offset, xml in markers:
        add_run(title[position:offset])
        position = offset
        out.extend(parse_xml(f'<w:x xmlns:w="{W_NS}">{xml}</w:x>'))
    add_run(title[position:] + after, tail)
    for element in out:
        run.addprevious(element)
    run.getparent().remove(run)

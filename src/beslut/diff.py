"""What changed between two versions of a draft, word by word and part by part (no Qt).

The parts are compared as a reader meets them: the metadata, Förslag till beslut, each
text part (matched by its key, so a renamed heading is a change of the heading), the
bilagor and the signatories. Within a part the blocks are aligned first (a paragraph
added, removed or changed), then a changed block is compared word by word, so "att 2027"
-> "att 2028" is one deleted and one inserted word, not a whole paragraph. The versions
issue's tracked-changes export and the app's Versioner view read the same Diff.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from beslut import parts as partnames
from beslut.diffwords import Op, Piece, opcodes, pair_ahead, words
from beslut.i18n import N_, _
from beslut.model.draft import Draft, Metadata

__all__ = ["Line", "Op", "PartDiff", "Piece", "align", "compare", "lines", "render_plain", "words"]


@dataclass(frozen=True, slots=True)
class Line:
    """One unit of a part (a paragraph, a decision point, a field): unchanged, added,
    removed, or changed with its pieces."""

    op: Op | None  # None: changed inside; see pieces
    pieces: tuple[Piece, ...]
    label: str = ""  # a field's name ("Ärendemening") or a decision point's number

    @property
    def changed(self) -> bool:
        return self.op is not Op.EQUAL


@dataclass(frozen=True, slots=True)
class PartDiff:
    """The lines of one part; ``changed`` when any line is."""

    key: str
    heading: str
    lines: tuple[Line, ...]

    @property
    def changed(self) -> bool:
        return any(line.changed for line in self.lines)


_ALIGN_WINDOW = 64


def align(
    old: Sequence[str], new: Sequence[str], *, by_words: bool = False
) -> list[tuple[int | None, int | None]]:
    """Two lists of texts aligned, in reading order, as index pairs: (i, j) for a text
    kept or changed in place (the texts differ when changed), (i, None) for one removed,
    (None, j) for one added. Within a replaced stretch the texts pair up in order, then
    the removed rest, then the added rest; ``by_words`` pairs a removed text with the next
    added one that shares at least half its words instead (a paragraph added before a
    changed one is then an addition, not a change of the one after it), looking at most
    _ALIGN_WINDOW texts ahead (so that two long, wholly different texts are not compared
    each with each)."""
    out: list[tuple[int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in opcodes(old, new):
        if tag == "equal":
            out += [(i1 + k, j1 + k) for k in range(i2 - i1)]
            continue
        if not by_words:
            pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
            out += [(i1 + k, j1 + k) for k in range(pairs)]
            out += [(i, None) for i in range(i1 + pairs, i2)]
            out += [(None, j) for j in range(j1 + pairs, j2)]
            continue
        removed = [set(old[i].split()) for i in range(i1, i2)]
        added = [set(new[j].split()) for j in range(j1, j2)]
        out += [
            (None if i is None else i1 + i, None if j is None else j1 + j)
            for i, j in pair_ahead(removed, added, _ALIGN_WINDOW)
        ]
    return out


def lines(old: Sequence[str], new: Sequence[str], labels: Sequence[str] = ()) -> tuple[Line, ...]:
    """Two lists of texts aligned: each text unchanged, added, removed or changed."""
    out: list[Line] = []
    for i, j in align(old, new):
        if j is None:
            assert i is not None
            out.append(Line(Op.DELETE, (Piece(Op.DELETE, old[i]),)))
        elif i is None:
            out.append(Line(Op.INSERT, (Piece(Op.INSERT, new[j]),), _label(labels, j)))
        elif old[i] == new[j]:
            out.append(Line(Op.EQUAL, (Piece(Op.EQUAL, new[j]),), _label(labels, j)))
        else:  # changed in place: compared word by word
            out.append(Line(None, words(old[i], new[j]), _label(labels, j)))
    return tuple(out)


def _label(labels: Sequence[str], index: int) -> str:
    return labels[index] if index < len(labels) else ""


_FIELDS = (
    ("title", N_("Ärendemening")),
    ("subtitle", N_("Underrubrik")),
    ("namnd", N_("Nämnd")),
    ("meeting_date", N_("Sammanträde")),
    ("dnr", N_("Dnr")),
    ("date", N_("Datum")),
    ("forvaltning", N_("Förvaltning")),
    ("avdelning", N_("Avdelning")),
)


def _fields(meta: Metadata) -> list[tuple[str, str]]:
    values = [(_(label), str(getattr(meta, name) or "")) for name, label in _FIELDS]
    person = meta.handlaggare
    values += [
        (_("Handläggare"), person.name),
        (_("Telefon"), person.telefon),
        (_("E-post"), person.epost),
    ]
    return values


def compare(old: Draft, new: Draft) -> tuple[PartDiff, ...]:
    """Every part of the two versions, in the new version's order (a part only the old
    one has comes last), each with its lines."""
    parts: list[PartDiff] = []
    old_fields, new_fields = dict(_fields(old.meta)), _fields(new.meta)
    meta_lines = []
    for label, value in new_fields:
        before = old_fields.get(label, "")
        if before == value:
            meta_lines.append(Line(Op.EQUAL, (Piece(Op.EQUAL, value),), label))
        else:
            meta_lines.append(Line(None, words(before, value), label))
    name_of = partnames.part_label
    parts.append(PartDiff(partnames.META, name_of(partnames.META), tuple(meta_lines)))
    numbers = [str(n) for n in range(1, len(new.decisions) + 1)]
    decisions = lines(old.decisions, new.decisions, numbers)
    parts.append(PartDiff(partnames.DECISIONS, name_of(partnames.DECISIONS), decisions))
    old_sections = {s.key: s for s in old.sections}
    for section in new.sections:
        earlier = old_sections.pop(section.key, None)
        old_texts = [b.text for b in earlier.blocks] if earlier is not None else []
        body = list(lines(old_texts, [b.text for b in section.blocks]))
        if earlier is not None and earlier.heading != section.heading:
            body.insert(0, Line(None, words(earlier.heading, section.heading), _("Rubrik")))
        parts.append(PartDiff(section.key, section.heading, tuple(body)))
    for section in old_sections.values():  # removed parts
        parts.append(
            PartDiff(section.key, section.heading, lines([b.text for b in section.blocks], []))
        )
    titles = lines([a.title for a in old.attachments], [a.title for a in new.attachments])
    parts.append(PartDiff(partnames.ATTACHMENTS, name_of(partnames.ATTACHMENTS), titles))
    signatures = [f"{s.name}, {s.title}" if s.title else s.name for s in new.signatories]
    before_signatures = [f"{s.name}, {s.title}" if s.title else s.name for s in old.signatories]
    signed = lines(before_signatures, signatures)
    parts.append(PartDiff(partnames.SIGNATURES, name_of(partnames.SIGNATURES), signed))
    return tuple(parts)


def render_plain(parts: Sequence[PartDiff], *, context: bool = False) -> str:
    """The changed parts as text for a terminal: removed words as ``[-...-]``, added as
    ``{+...+}`` (as git's word diff writes them); unchanged parts folded to their heading,
    unchanged lines left out unless ``context``."""
    out: list[str] = []
    for part in parts:
        if not part.changed:
            out.append("  " + _("{part}: oförändrat").format(part=part.heading))
            continue
        out.append(f"## {part.heading}")
        for line in part.lines:
            if not line.changed and not context:
                continue
            text = "".join(_mark(piece) for piece in line.pieces)
            prefix = f"{line.label}: " if line.label else ""
            sign = _SIGNS[line.op] if line.op is not None else "~ "
            out.append(f"{sign}{prefix}{text}")
    return "\n".join(out) + "\n"


_SIGNS = {Op.INSERT: "+ ", Op.DELETE: "- ", Op.EQUAL: "  "}


def _mark(piece: Piece) -> str:
    if piece.op is Op.DELETE:
        return f"[-{piece.text}-]"
    if piece.op is Op.INSERT:
        return f"{{+{piece.text}+}}"
    return piece.text

"""A draft's own parts: a text part the document type does not know ("Ekonomiska
konsekvenser"), added where the user wants it and removed again (no Qt)."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable

from beslut.doctypes import DocType
from beslut.model.draft import Draft, Section
from beslut.parts import ATTACHMENTS, DECISIONS, DOCUMENT, META, SIGNATURES, ordered_sections

_RESERVED = frozenset({META, DECISIONS, ATTACHMENTS, SIGNATURES, DOCUMENT})


def part_key(heading: str, taken: Iterable[str]) -> str:
    """A key for an own part named ``heading``: ascii letters, digits and "_", unique
    among ``taken`` and the parts that are no text ("Ekonomiska konsekvenser" ->
    "ekonomiska_konsekvenser", "Åtgärder" -> "atgarder")."""
    ascii_text = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_") or "avsnitt"
    used = set(taken) | _RESERVED
    key, number = base, 2
    while key in used:
        key, number = f"{base}_{number}", number + 1
    return key


def is_own_part(key: str, doctype: DocType) -> bool:
    """True when ``key`` is a text part the document type does not know."""
    return doctype.section(key) is None


def text_part_order(draft: Draft, doctype: DocType) -> list[str]:
    """The keys of the text parts as the editor shows them: in print order
    (ordered_sections), with each of the type's parts the draft lacks at its place in
    the type's order."""
    keys = [s.key for s in ordered_sections(draft, doctype)]
    for index, spec in enumerate(doctype.sections):
        if spec.key in keys:
            continue
        before = [s.key for s in doctype.sections[:index] if s.key in keys]
        keys.insert(keys.index(before[-1]) + 1 if before else 0, spec.key)
    return keys


def add_own_part(
    draft: Draft, doctype: DocType, heading: str, after: str | None
) -> tuple[Draft, str]:
    """``draft`` with a new empty own part named ``heading`` right after part ``after``
    (None: before all text parts), and the new part's key. The type's parts the draft
    lacks are added empty at their places, so the order is what the user saw."""
    heading = heading.strip()
    order = text_part_order(draft, doctype)
    by_key = {s.key: s for s in draft.sections}
    key = part_key(heading, order)
    sections = [by_key.get(k) or _empty(k, doctype) for k in order]
    at = order.index(after) + 1 if after in order else 0
    sections.insert(at, Section(key, heading))
    return dataclasses.replace(draft, sections=tuple(sections)), key


def remove_part(draft: Draft, key: str) -> Draft:
    """``draft`` without text part ``key``."""
    return dataclasses.replace(draft, sections=tuple(s for s in draft.sections if s.key != key))


def _empty(key: str, doctype: DocType) -> Section:
    spec = doctype.section(key)
    return Section(key, spec.heading if spec is not None else key)

"""Word's list numbering as import reads it (no Qt): for each list (numId) its abstract
list, whether each level is bullets, and the number it starts at.

A start is kept within what the model accepts (1 to MAX_LIST_START): a list Word numbers
from 0 starts at 1, one that starts above the limit at the limit, so a draft made from
the file can always be stored and opened again. A number that is not one is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from beslut.export.ooxml import Element, w
from beslut.model.draft import MAX_LIST_START


def number(element: Element | None, default: int, attribute: str = "val") -> int:
    """The integer in ``element``'s w:``attribute``; ``default`` when there is none or it
    is not an integer (Word writes decimal numbers; a damaged file may write anything)."""
    if element is None:
        return default
    try:
        return int(element.get(w(attribute), default))
    except (TypeError, ValueError):
        return default


def list_start(value: int) -> int:
    """A start Word allows, as the model allows it."""
    return min(max(value, 1), MAX_LIST_START)


@dataclass
class Numbering:
    """Word's list definitions: for each numId, its abstract list, bullet or not per
    level, and the start per level (its own override, else the abstract list's)."""

    abstract: dict[str, str] = field(default_factory=dict)
    bullet: dict[tuple[str, int], bool] = field(default_factory=dict)
    overrides: dict[tuple[str, int], int] = field(default_factory=dict)
    starts: dict[tuple[str, int], int] = field(default_factory=dict)

    @classmethod
    def read(cls, root: Element | None) -> Numbering:
        numbering = cls()
        if root is None:
            return numbering
        formats: dict[tuple[str, int], bool] = {}
        starts: dict[tuple[str, int], int] = {}
        for abstract in root.iter(w("abstractNum")):
            aid = abstract.get(w("abstractNumId"), "")
            for lvl in abstract.iter(w("lvl")):
                fmt = lvl.find(w("numFmt"))
                level = number(lvl, 0, "ilvl")
                formats[aid, level] = fmt is not None and fmt.get(w("val")) == "bullet"
                start = lvl.find(w("start"))
                if start is not None:
                    starts[aid, level] = list_start(number(start, 1))
        for num in root.iter(w("num")):
            nid = num.get(w("numId"), "")
            ref = num.find(w("abstractNumId"))
            aid = ref.get(w("val"), "") if ref is not None else ""
            numbering.abstract[nid] = aid
            for level in range(9):
                if (aid, level) in formats:
                    numbering.bullet[nid, level] = formats[aid, level]
                if (aid, level) in starts:
                    numbering.starts[nid, level] = starts[aid, level]
            for override in num.iter(w("lvlOverride")):
                start = override.find(w("startOverride"))
                if start is not None:
                    level = number(override, 0, "ilvl")
                    numbering.overrides[nid, level] = list_start(number(start, 1))
        return numbering

    def first_start(self, num_id: str, level: int) -> int | None:
        """Where a list's first item at ``level`` is numbered from, when Word says other
        than 1 or restarts it: its override, else its abstract list's start."""
        override = self.overrides.get((num_id, level))
        if override is not None:
            return override
        start = self.starts.get((num_id, level), 1)
        return start if start != 1 else None

"""List instances: numbered lists that restart or continue, and list levels 0-2.

Word continues a numbered list across every w:num that shares an abstract definition
unless the new instance says otherwise, so each new list gets a new w:num with a
``lvlOverride/startOverride`` (1, or the number it restarts at); the body reuses a
list's numId to continue it. The look of level 0 (number format, indents) comes from
the abstract definition the template's list style points at. When that definition has
no levels 1 and 2, a multi-level copy of it is added, its deeper levels indented by the
hanging indent of level 0 each.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from beslut.export.body import Role
from beslut.export.ooxml import VAL, W_NS, Element, w
from beslut.export.styles import TemplateStyles

_ABSTRACT, _NUM, _LVL = w("abstractNum"), w("num"), w("lvl")
_ABSTRACT_ID, _NUM_ID, _ILVL = w("abstractNumId"), w("numId"), w("ilvl")
_LEVELS = 3  # list items at levels 0, 1 and 2
_INDENT = 397  # twips (0.7 cm), when the template's level 0 gives none

# Level 0 when the template's list style has no numbering of its own.
_FALLBACK = {
    "decimal": ("%1.", "decimal"),
    "bullet": ("\u2022", "bullet"),
}
# Levels 1 and 2 of a multi-level list made from a single-level one.
_DEEPER = {
    "decimal": (("%2)", "lowerLetter"), ("%3)", "lowerRoman")),
    "bullet": (("\u2013", "bullet"), ("\u2022", "bullet")),
}
_LEVELLED_ROLES = {Role.BULLET: "bullet", Role.NUMBERED: "decimal"}


class ListNumbering:
    """Creates list instances in a numbering part for the roles of the body."""

    def __init__(
        self,
        numbering_root: Element,
        styles: TemplateStyles,
        parse: Callable[[str], Element],
    ) -> None:
        self._root = numbering_root
        self._styles = styles
        self._parse = parse
        self._next_num = 1 + max(_ints(numbering_root, _NUM, _NUM_ID), default=0)
        self._next_abstract = 1 + max(_ints(numbering_root, _ABSTRACT, _ABSTRACT_ID), default=-1)
        self._abstracts: dict[tuple[Role, str], int] = {}
        self._bullet_num: int | None = None

    def new_list(self, role: Role, start: int | None = None, level: int = 0) -> int | None:
        """A numId for a new list of ``role`` that starts at ``start`` (1) on ``level``.

        Numbered lists are new instances each time; bullets share one (they need no
        restart) unless a start is asked for.
        """
        if role is Role.BULLET and start is None:
            if self._bullet_num is None:
                self._bullet_num = self._template_num(role) or self._add_num(
                    self._abstract(role), None
                )
            return self._bullet_num
        return self._add_num(self._abstract(role), (level, start or 1))

    def _template_num(self, role: Role) -> int | None:
        """The template's own list instance for ``role``, when it already has every level."""
        num_id = self._style_num(role)
        abstract = self._abstract_element(self._abstract_of(num_id))
        return num_id if abstract is not None and _has_levels(abstract) else None

    def _abstract(self, role: Role) -> int:
        """The abstract definition for ``role``'s lists (multi-level for body lists)."""
        template_id = self._abstract_of(self._style_num(role))
        kind = _LEVELLED_ROLES.get(role)
        if kind is None:  # decisions and bilagor: the template's definition as it is
            return template_id if template_id is not None else self._own(role, "decimal", None)
        source = self._abstract_element(template_id)
        if source is not None and _has_levels(source):
            assert template_id is not None
            return template_id
        return self._own(role, kind, source)

    def _own(self, role: Role, kind: str, source: Element | None) -> int:
        """An abstract definition of our own, made once per document and role."""
        key = (role, kind)
        if key not in self._abstracts:
            abstract_id = self._next_abstract
            self._next_abstract += 1
            element = self._parse(
                f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
                '<w:multiLevelType w:val="multilevel"/></w:abstractNum>'
            )
            level0 = self._first_level(source, kind)
            element.append(level0)
            for xml in _deeper_levels(level0, kind):
                element.append(self._parse(xml))
            self._insert_after_last(element, (_ABSTRACT,))
            self._abstracts[key] = abstract_id
        return self._abstracts[key]

    def _first_level(self, source: Element | None, kind: str) -> Element:
        """Level 0 as the template defines it (without its style link), or our own."""
        found = None
        if source is not None:
            found = next((lvl for lvl in source.iterchildren(_LVL) if lvl.get(_ILVL) == "0"), None)
        if found is not None:
            level = copy.deepcopy(found)
            for link in level.findall(w("pStyle")):
                level.remove(link)
            return level
        text, fmt = _FALLBACK[kind]
        return self._parse(_level_xml(0, text, fmt, _INDENT, _INDENT))

    def _style_num(self, role: Role) -> int | None:
        style_id = self._styles.style_id(role)
        return self._styles.num_id(style_id) if style_id else None

    def _abstract_of(self, num_id: int | None) -> int | None:
        if num_id is None:
            return None
        for num in self._root.iterchildren(_NUM):
            if num.get(_NUM_ID) == str(num_id):
                ref = num.find(_ABSTRACT_ID)
                value = ref.get(VAL, "") if ref is not None else ""
                return int(value) if value.isdigit() else None
        return None

    def _abstract_element(self, abstract_id: int | None) -> Element | None:
        if abstract_id is None:
            return None
        for abstract in self._root.iterchildren(_ABSTRACT):
            if abstract.get(_ABSTRACT_ID) == str(abstract_id):
                return abstract
        return None

    def _add_num(self, abstract_id: int, override: tuple[int, int] | None) -> int:
        num_id = self._next_num
        self._next_num += 1
        extra = ""
        if override is not None:
            level, start = override
            extra = (
                f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/>'
                "</w:lvlOverride>"
            )
        num = self._parse(
            f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/>{extra}</w:num>'
        )
        self._insert_after_last(num, (_NUM, _ABSTRACT))
        return num_id

    def _insert_after_last(self, element: Element, tags: tuple[str, ...]) -> None:
        """Keep schema order: abstractNum elements first, then num, then the rest."""
        for tag in tags:
            existing = list(self._root.iterchildren(tag))
            if existing:
                existing[-1].addnext(element)
                return
        self._root.insert(0, element)


def _has_levels(abstract: Element) -> bool:
    """True when ``abstract`` defines every list level the body uses and links no style."""
    if abstract.find(w("numStyleLink")) is not None:
        return False
    levels = {lvl.get(_ILVL) for lvl in abstract.iterchildren(_LVL)}
    return all(str(n) in levels for n in range(_LEVELS))


def _deeper_levels(level0: Element, kind: str) -> list[str]:
    """Levels 1 and 2, each indented one hanging indent further than the one before."""
    ind = level0.find(f"{w('pPr')}/{w('ind')}")
    left = _twips(ind, ("left", "start"), _INDENT)
    hanging = _twips(ind, ("hanging",), _INDENT) or _INDENT
    return [
        _level_xml(n, text, fmt, left + n * hanging, hanging)
        for n, (text, fmt) in enumerate(_DEEPER[kind], start=1)
    ]


def _level_xml(level: int, text: str, fmt: str, left: int, hanging: int) -> str:
    return (
        f'<w:lvl xmlns:w="{W_NS}" w:ilvl="{level}"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl>'
    )


def _twips(ind: Element | None, names: tuple[str, ...], default: int) -> int:
    if ind is None:
        return default
    for name in names:
        value = ind.get(w(name), "")
        if value.lstrip("-").isdigit():
            return int(value)
    return default


def _ints(root: Element, tag: str, attribute: str) -> list[int]:
    values = (child.get(attribute, "") for child in root.iterchildren(tag))
    return [int(value) for value in values if value.isdigit()]

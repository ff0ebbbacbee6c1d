"""List instances: each numbered list gets its own w:num that restarts at 1.

Word continues a numbered list across every w:num that shares an abstract definition
unless the new instance says otherwise, so each list gets a new w:num with a
``lvlOverride/startOverride`` of 1. The look (number format, indents) still comes from
the abstract definition the template's list style points at.
"""

from __future__ import annotations

from collections.abc import Callable

from beslut.export.body import Role
from beslut.export.ooxml import VAL, W_NS, Element, w
from beslut.export.styles import TemplateStyles

_ABSTRACT, _NUM = w("abstractNum"), w("num")
_ABSTRACT_ID, _NUM_ID = w("abstractNumId"), w("numId")

# Used only when the template's list style has no numbering of its own.
_FALLBACK = {
    "decimal": ("%1.", "decimal"),
    "bullet": ("\u2022", "bullet"),
}


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
        self._fallbacks: dict[str, int] = {}
        self._bullet_num: int | None = None

    def new_list(self, role: Role) -> int | None:
        """A numId for a new list of ``role``: numbered lists restart at 1, bullets share one."""
        if role is Role.BULLET:
            if self._bullet_num is None:
                self._bullet_num = self._style_num(role) or self._add_num(
                    self._fallback("bullet"), restart=False
                )
            return self._bullet_num
        abstract = self._abstract_of(self._style_num(role))
        if abstract is None:
            abstract = self._fallback("decimal")
        return self._add_num(abstract, restart=True)

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

    def _add_num(self, abstract_id: int, *, restart: bool) -> int:
        num_id = self._next_num
        self._next_num += 1
        override = (
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
            if restart
            else ""
        )
        num = self._parse(
            f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
        )
        self._insert_after_last(num, (_NUM, _ABSTRACT))
        return num_id

    def _fallback(self, kind: str) -> int:
        """An abstract list definition of our own, made once per document."""
        if kind not in self._fallbacks:
            abstract_id = self._next_abstract
            self._next_abstract += 1
            text, fmt = _FALLBACK[kind]
            abstract = self._parse(
                f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
                '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0">'
                f'<w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="397" w:hanging="397"/>'
                "</w:pPr></w:lvl></w:abstractNum>"
            )
            self._insert_after_last(abstract, (_ABSTRACT,))
            self._fallbacks[kind] = abstract_id
        return self._fallbacks[kind]

    def _insert_after_last(self, element: Element, tags: tuple[str, ...]) -> None:
        """Keep schema order: abstractNum elements first, then num, then the rest."""
        for tag in tags:
            existing = list(self._root.iterchildren(tag))
            if existing:
                existing[-1].addnext(element)
                return
        self._root.insert(0, element)


def _ints(root: Element, tag: str, attribute: str) -> list[int]:
    values = (child.get(attribute, "") for child in root.iterchildren(tag))
    return [int(value) for value in values if value.isdigit()]

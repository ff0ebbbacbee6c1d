"""Finding the template's styles for each role, and setting the proofing language on them.

Styles are looked up by name, as Word shows them in English internally ("heading 1",
"List Number") whatever the language of the user's Word. A template that lacks one of
beslut's own styles ("Beslutspunkt", "Underskrift") falls back to a built-in one.
"""

from __future__ import annotations

from beslut.export.body import Role
from beslut.export.ooxml import VAL, Element, w
from beslut.wordstyles import STYLES

# For each role, the style names to try in order: wordstyles.py's, which import reads.
ROLE_STYLES: dict[Role, tuple[str, ...]] = STYLES

# Elements that follow w:lang in w:rPr (schema order).
_AFTER_LANG = frozenset(w(tag) for tag in ("eastAsianLayout", "specVanish", "oMath", "rPrChange"))


class TemplateStyles:
    """The styles of one template by name: paragraph styles for the roles, and any other."""

    def __init__(self, styles_root: Element) -> None:
        self._by_name: dict[str, Element] = {}
        self._by_id: dict[str, Element] = {}
        self._other: dict[tuple[str, str], str] = {}  # (type, lower-case name or id) -> id
        for style in styles_root.iter(w("style")):
            kind = style.get(w("type")) or ""
            style_id = style.get(w("styleId")) or ""
            name = style.find(w("name"))
            key = (name.get(VAL) if name is not None else None) or style_id
            self._other.setdefault((kind, key.lower()), style_id)
            self._other.setdefault((kind, style_id.lower()), style_id)
            if kind != "paragraph":
                continue
            self._by_id[style_id] = style
            self._by_name.setdefault(key.lower(), style)
            self._by_name.setdefault(style_id.lower(), style)

    def style_id(self, role: Role) -> str | None:
        """The id of the style that ``role`` uses, or None for the default paragraph style."""
        for name in ROLE_STYLES[role]:
            style = self._by_name.get(name.lower())
            if style is not None:
                return str(style.get(w("styleId")))
        return None

    def find(self, kind: str, *names: str) -> str | None:
        """The id of the first style of type ``kind`` ("table", "character", ...) named
        one of ``names`` (or with that id), or None."""
        for name in names:
            found = self._other.get((kind, name.lower()))
            if found is not None:
                return found
        return None

    def ids(self) -> dict[Role, str | None]:
        """The style id of every role."""
        return {role: self.style_id(role) for role in Role}

    def num_id(self, style_id: str) -> int | None:
        """The list (numId) a style, or a style it is based on, attaches its paragraphs to."""
        seen: set[str] = set()
        current: str | None = style_id
        while current and current not in seen:
            seen.add(current)
            style = self._by_id.get(current)
            if style is None:
                return None
            num = style.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
            if num is not None:
                value = num.get(VAL, "")
                return int(value) if value.isdigit() and value != "0" else None
            based = style.find(w("basedOn"))
            current = based.get(VAL) if based is not None else None
        return None


def set_language(styles_root: Element, lang: str) -> None:
    """Make ``lang`` the proofing language of the defaults and of every style that sets one."""
    defaults = styles_root.find(w("docDefaults"))
    if defaults is None:
        defaults = styles_root.makeelement(w("docDefaults"), {})
        styles_root.insert(0, defaults)
    rpr_default = _child(defaults, "rPrDefault", first=True)
    _set_lang(_child(rpr_default, "rPr", first=True), lang)
    for rpr in styles_root.iterfind(f"{w('style')}/{w('rPr')}"):
        if rpr.find(w("lang")) is not None:
            _set_lang(rpr, lang)


def _child(parent: Element, tag: str, *, first: bool = False) -> Element:
    found = parent.find(w(tag))
    if found is None:
        found = parent.makeelement(w(tag), {})
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def _set_lang(rpr: Element, lang: str) -> None:
    element = rpr.find(w("lang"))
    if element is None:
        element = rpr.makeelement(w("lang"), {})
        later = next((child for child in rpr if child.tag in _AFTER_LANG), None)
        if later is None:
            rpr.append(element)
        else:
            later.addprevious(element)
    element.set(VAL, lang)

"""WordprocessingML names shared by the export modules, without importing python-docx."""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from typing import Any

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_NS = "http://www.w3.org/XML/1998/namespace"

# lxml elements; python-docx gives them no useful static type.
Element = Any


def w(tag: str) -> str:
    """The Clark name of a ``w:`` element or attribute: ``w("p")`` -> ``{...main}p``."""
    return f"{{{W_NS}}}{tag}"


P = w("p")
R = w("r")
T = w("t")
VAL = w("val")
SPACE = f"{{{XML_NS}}}space"


def transplant(element: Element, put: Callable[[Element], object]) -> Element:
    """Put ``element`` of another lxml document into this one with ``put`` (an anchor's
    addprevious, a parent's append) in time linear in its size, and return it.

    lxml (6.0) moves an element to another document in time quadratic in the number of
    its elements whose namespace is declared outside it, and in the number of its
    xml:space attributes (the namespace cache it keeps while moving never matches them):
    a table of 100,000 cells took minutes. A copy declares its namespaces on its own
    root, and the xml:space attributes are taken off before the move and put back after.
    """
    own = deepcopy(element)
    spaced = own.xpath("descendant-or-self::*[@xml:space]")
    values = [e.get(SPACE) for e in spaced]
    for spaced_element in spaced:
        del spaced_element.attrib[SPACE]
    put(own)
    for spaced_element, value in zip(spaced, values, strict=True):
        spaced_element.set(SPACE, value)
    return own

"""WordprocessingML names shared by the export modules, without importing python-docx."""

from __future__ import annotations

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

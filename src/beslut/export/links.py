"""Hyperlinks: one external relationship (TargetMode="External") per address."""

from __future__ import annotations

from typing import TYPE_CHECKING

from beslut.export.runs import is_safe_link

if TYPE_CHECKING:
    from docx.opc.part import Part

HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


class Hyperlinks:
    """Relationship ids of the document part's hyperlinks, made when first asked for."""

    def __init__(self, part: Part) -> None:
        self._part = part
        self._ids: dict[str, str] = {}

    def link_id(self, url: str) -> str:
        """The r:id of the relationship to ``url``; only https, http and mailto are written."""
        if not is_safe_link(url):
            raise ValueError(f"not a link a TU may hold: {url!r}")
        if url not in self._ids:
            self._ids[url] = self._part.relate_to(url, HYPERLINK_REL, is_external=True)
        return self._ids[url]

"""Tests for beslut.export.runs: bold and italic, hyperlinks, footnote references."""

from __future__ import annotations

from typing import Any

from docx.oxml.parser import parse_xml

from beslut.export.ooxml import R_NS, VAL, W_NS, w
from beslut.export.runs import Inline, is_safe_link, runs_xml
from beslut.model import Run


class Links:
    def __init__(self) -> None:
        self.urls: list[str] = []

    def link_id(self, url: str) -> str:
        self.urls.append(url)
        return f"rId{len(self.urls)}"


class Notes:
    def __init__(self) -> None:
        self.texts: list[str] = []

    def add_note(self, text: str, inline: Inline) -> int:
        self.texts.append(text)
        return len(self.texts)


def _paragraph(runs: tuple[Run, ...], inline: Inline) -> Any:
    return parse_xml(f'<w:p xmlns:w="{W_NS}">{runs_xml(runs, inline)}</w:p>')


def _shape(paragraph: Any) -> list[str]:
    """Each child of the paragraph: "r:text", "link(rId):text" or "note(id)"."""
    out = []
    for child in paragraph:
        text = "".join(t.text for t in child.iter(w("t")))
        if child.tag == w("hyperlink"):
            out.append(f"link({child.get(f'{{{R_NS}}}id')}):{text}")
        elif (ref := child.find(w("footnoteReference"))) is not None:
            out.append(f"note({ref.get(w('id'))})")
        else:
            out.append(f"r:{text}")
    return out


def test_runs_to_one_address_share_a_hyperlink_in_the_hyperlink_style() -> None:
    links = Links()
    inline = Inline(links=links, hyperlink_style="Hyperlink")
    runs = (
        Run("Se "),
        Run("stadens ", link="https://start.stockholm/plan"),
        Run("plan", bold=True, link="https://start.stockholm/plan"),
        Run(" och "),
        Run("mejla", link="mailto:eva.ek@stad.se"),
    )
    paragraph = _paragraph(runs, inline)
    assert _shape(paragraph) == ["r:Se ", "link(rId1):stadens plan", "r: och ", "link(rId2):mejla"]
    assert links.urls == ["https://start.stockholm/plan", "mailto:eva.ek@stad.se"]
    link = paragraph.find(w("hyperlink"))
    styles = [r.find(f"{w('rPr')}/{w('rStyle')}").get(VAL) for r in link.iter(w("r"))]
    assert styles == ["Hyperlink", "Hyperlink"]
    bold = link.findall(w("r"))[1].find(w("rPr"))
    assert [child.tag for child in bold] == [w("rStyle"), w("b"), w("bCs")]  # schema order


def test_only_https_http_and_mailto_become_links() -> None:
    for url in ("javascript:alert(1)", "file:///etc/passwd", "ftp://x", "mailto:", "data:x"):
        assert not is_safe_link(url)
        links = Links()
        paragraph = _paragraph((Run("klicka", link=url),), Inline(links=links))
        assert _shape(paragraph) == ["r:klicka"]
        assert links.urls == []
    assert is_safe_link("HTTPS://stockholm.se") and is_safe_link("http://a.se")


def test_a_note_follows_its_run_and_ends_a_link() -> None:
    notes = Notes()
    inline = Inline(links=Links(), notes=notes, note_reference_style="FotnotRef")
    runs = (
        Run("upp", note="Enligt besiktningen."),
        Run("läs ", link="https://a.se", note="Ny sida."),
        Run("mer", link="https://a.se"),
    )
    paragraph = _paragraph(runs, inline)
    assert _shape(paragraph) == ["r:upp", "note(1)", "link(rId1):läs ", "note(2)", "link(rId2):mer"]
    assert notes.texts == ["Enligt besiktningen.", "Ny sida."]
    refs = [r for r in paragraph.iter(w("r")) if r.find(w("footnoteReference")) is not None]
    assert {r.find(f"{w('rPr')}/{w('rStyle')}").get(VAL) for r in refs} == {"FotnotRef"}


def test_without_sources_links_are_text_and_notes_are_left_out() -> None:
    runs = (Run("a", link="https://a.se"), Run("b", note="N."), Run("", note="tom"))
    assert _shape(_paragraph(runs, Inline())) == ["r:a", "r:b"]

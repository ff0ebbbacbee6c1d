"""Tests for beslut.export.merge: fields filled however Word split them into runs."""

from __future__ import annotations

import itertools
from typing import Any

from docx.oxml.parser import parse_xml
from hypothesis import given
from hypothesis import strategies as st

from beslut.export.merge import fill_fields, fill_paragraph, paragraph_text
from beslut.export.ooxml import W_NS, w

VALUES = {"dnr": "IDN 2026/123", "namnd": "Idrottsnämnden", "epost": "", "telefon": ""}


def _runs(*texts: str) -> str:
    return "".join(f'<w:r><w:t xml:space="preserve">{t}</w:t></w:r>' for t in texts)


def _doc(inner: str) -> Any:
    return parse_xml(f'<w:body xmlns:w="{W_NS}">{inner}</w:body>')


def _paragraph(inner: str) -> Any:
    return _doc(f"<w:p>{inner}</w:p>")[0]


def test_a_field_split_over_runs_with_marks_between_is_filled() -> None:
    p = _paragraph(
        _runs("Dnr {")
        + '<w:proofErr w:type="spellStart"/>'
        + _runs("{ dn")
        + '<w:bookmarkStart w:id="0" w:name="x"/>'
        + "<w:r><w:rPr><w:b/></w:rPr><w:t>r }</w:t></w:r>"
        + _runs("} gäller")
    )
    assert fill_paragraph(p, VALUES) == set()
    assert paragraph_text(p) == "Dnr IDN 2026/123 gäller"
    # The value lands in the run where the field began, so it takes that run's look.
    assert p.findall(f"{w('r')}/{w('t')}")[0].text == "Dnr IDN 2026/123"


def test_several_fields_in_one_paragraph_and_names_with_diacritics() -> None:
    p = _paragraph(_runs("Till {{ Nämnd }}, ", "{{dnr}}", "."))
    fill_paragraph(p, VALUES)
    assert paragraph_text(p) == "Till Idrottsnämnden, IDN 2026/123."


def test_an_unknown_field_stays_visible_and_is_reported() -> None:
    p = _paragraph(_runs("{{ dnrr }} och {{ dnr }}"))
    assert fill_paragraph(p, VALUES) == {"dnrr"}
    assert paragraph_text(p) == "{{ dnrr }} och IDN 2026/123"


def test_a_value_is_not_searched_for_fields_again() -> None:
    p = _paragraph(_runs("{{ titel }}"))
    fill_paragraph(p, {"titel": "Om {{ dnr }} & <annat>"})
    assert paragraph_text(p) == "Om {{ dnr }} & <annat>"


def test_line_breaks_and_tabs_in_a_value_become_breaks_and_tabs() -> None:
    p = _paragraph(_runs("{{ adress }}"))
    fill_paragraph(p, {"adress": "Box 8310\n104 20 Stockholm\tSverige"})
    run = p.find(w("r"))
    assert [child.tag.split("}")[1] for child in run] == ["t", "br", "t", "tab", "t"]
    assert paragraph_text(p) == "Box 8310104 20 StockholmSverige"


def test_a_line_whose_fields_are_all_empty_is_left_out() -> None:
    body = _doc(
        f"<w:p>{_runs('Telefon: {{ telefon }}')}</w:p><w:p>{_runs('E-post: {{ epost }}')}</w:p>"
    )
    fill_fields(body, VALUES)
    # The first paragraph goes; the last one in its container is blanked instead.
    assert len(body.findall(w("p"))) == 1
    assert paragraph_text(body[0]) == ""


def test_a_line_with_one_empty_field_of_several_stays() -> None:
    p = _paragraph(_runs("{{ dnr }} {{ epost }}"))
    fill_paragraph(p, VALUES)
    assert paragraph_text(p) == "IDN 2026/123 "


def test_an_empty_line_that_holds_a_page_field_or_picture_stays() -> None:
    body = _doc(
        f"<w:p>{_runs('{{ epost }}')}<w:r><w:fldChar w:fldCharType='begin'/></w:r></w:p>"
        f"<w:p>{_runs('x')}</w:p>"
    )
    fill_fields(body, VALUES)
    assert len(body.findall(w("p"))) == 2


def test_text_of_a_paragraph_nested_in_a_text_box_belongs_to_that_paragraph() -> None:
    body = _doc(
        "<w:p>"
        + _runs("Ute {{ dnr }}")
        + "<w:r><w:txbxContent><w:p>"
        + _runs("Inne {{ namnd }}")
        + "</w:p></w:txbxContent></w:r></w:p>"
    )
    fill_fields(body, VALUES)
    outer = body[0]
    inner = outer.find(f".//{w('txbxContent')}/{w('p')}")
    assert paragraph_text(outer) == "Ute IDN 2026/123"
    assert paragraph_text(inner) == "Inne Idrottsnämnden"


@given(
    before=st.text(alphabet="ab {}", max_size=6),
    after=st.text(alphabet="ab {}", max_size=6),
    cuts=st.lists(st.integers(min_value=0, max_value=40), max_size=8),
)
def test_any_split_into_runs_gives_the_same_text_as_no_split(
    before: str, after: str, cuts: list[int]
) -> None:
    text = f"{before}{{{{ dnr }}}}{after}"
    whole = _paragraph(_runs(text.replace("&", "&amp;")))
    fill_paragraph(whole, VALUES)
    bounds = sorted({0, len(text), *(c % (len(text) + 1) for c in cuts)})
    pieces = [text[a:b] for a, b in itertools.pairwise(bounds)]
    split = _paragraph(_runs(*pieces))
    fill_paragraph(split, VALUES)
    assert paragraph_text(split) == paragraph_text(whole)
    assert "IDN 2026/123" in paragraph_text(split)

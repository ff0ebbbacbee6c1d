"""The rules behind what the editor asks: link addresses, numbering starts, table sizes,
own parts' keys and places (no Qt)."""

from __future__ import annotations

import pytest

from beslut.doctypes import load_doctypes
from beslut.model.draft import Draft, Section
from beslut.workflow.editing import (
    LinkError,
    NumberError,
    checked_link,
    checked_start,
    checked_table_size,
)
from beslut.workflow.ownparts import add_own_part, part_key, remove_part, text_part_order


def test_links_are_https_http_or_mailto() -> None:
    assert checked_link(" https://start.stockholm/a ") == "https://start.stockholm/a"
    assert checked_link("http://x.se") == "http://x.se"
    assert checked_link("www.stockholm.se") == "https://www.stockholm.se"
    assert checked_link("eva.ek@stad.se") == "mailto:eva.ek@stad.se"
    for bad in ("file:///C:/a.docx", "javascript:alert(1)", "https://", "ftp://x.se", "a b"):
        with pytest.raises(LinkError) as caught:
            checked_link(bad)
        assert "https://" in caught.value.user_message


def test_starts_and_table_sizes() -> None:
    assert checked_start("3") == 3 and checked_start(" 12. ") == 12
    for bad in ("0", "-1", "tre", "1000"):
        with pytest.raises(NumberError):
            checked_start(bad)
    assert checked_table_size("3 x 2") == (3, 2)
    assert checked_table_size("4x5") == (4, 5)
    assert checked_table_size("6") == (6, 2)
    for bad in ("", "0 x 2", "3 x 99", "1 2 3"):
        with pytest.raises(NumberError):
            checked_table_size(bad)


def test_part_keys_are_ascii_and_unique() -> None:
    assert part_key("Ekonomiska konsekvenser", ()) == "ekonomiska_konsekvenser"
    assert part_key("Åtgärder för år 2027", ()) == "atgarder_for_ar_2027"
    assert part_key("Bakgrund", ("bakgrund",)) == "bakgrund_2"
    assert part_key("Meta", ()) == "meta_2"  # the parts that are no text keep theirs
    assert part_key("!!!", ()) == "avsnitt"


def test_an_own_part_goes_where_the_user_put_it() -> None:
    doctype = next(d for d in load_doctypes() if d.key == "beslutsarende")
    type_keys = [s.key for s in doctype.sections]
    draft = Draft(sections=(Section("bakgrund", "Bakgrund"),))
    assert text_part_order(draft, doctype) == type_keys
    added, key = add_own_part(draft, doctype, " Ekonomiska konsekvenser ", "bakgrund")
    assert key == "ekonomiska_konsekvenser"
    order = text_part_order(added, doctype)
    assert order.index(key) == order.index("bakgrund") + 1
    assert added.section(key) == Section(key, "Ekonomiska konsekvenser")
    first, _ = add_own_part(added, doctype, "Inledning", None)
    assert text_part_order(first, doctype)[0] == "inledning"
    assert remove_part(added, key).section(key) is None

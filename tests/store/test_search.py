"""Tests for full-text search in the store: Swedish words, safety, staying in sync."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from beslut.model import Block, BlockKind, Draft, Metadata, Section
from beslut.store import Store, fts_query


def _draft(title: str, text: str = "") -> Draft:
    section = Section("arendet", "Ärendet", (Block.plain(BlockKind.PARAGRAPH, text),))
    return Draft(Metadata(title=title), sections=(section,))


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = Store.open(db_path)
    yield s
    s.close()


def test_search_finds_body_text_and_title(store: Store) -> None:
    a = store.create_draft(_draft("Simskola", "Bassängtid i Husbybadet"))
    b = store.create_draft(_draft("Biblioteksplan", "Meröppna bibliotek"))
    assert [d.id for d in store.list_drafts("husbybadet")] == [a]
    assert [d.id for d in store.list_drafts("biblioteksplan")] == [b]
    assert [d.id for d in store.list_drafts("bibl")] == [b]  # prefix while typing


def test_swedish_letters_are_distinct(store: Store) -> None:
    for_id = store.create_draft(_draft("Förslag", "för alla barn"))
    store.create_draft(_draft("Annat", "for the record"))
    assert [d.id for d in store.list_drafts("för")] == [for_id]
    assert for_id not in [d.id for d in store.list_drafts("for")]


@pytest.mark.parametrize(
    "query",
    [
        '"/',
        '"',
        "AND (",
        "*",
        "OR",
        "NOT",
        "-",
        "^",
        ":",
        "a:b",
        "NEAR(",
        "'",
        "\\",
        "\x00",
        "(((",
        "title:",
        '"""',
        "🏊",
        "  ",
    ],
)
def test_any_input_is_safe(store: Store, query: str) -> None:
    store.create_draft(_draft("Simskola AND OR NOT", 'text med (parentes) och "citat"'))
    result = store.list_drafts(query)
    assert isinstance(result, list)


def test_operators_are_words(store: Store) -> None:
    draft_id = store.create_draft(_draft("Beslut", "svart OR vitt"))
    assert [d.id for d in store.list_drafts("OR")] == [draft_id]


def test_index_follows_update_and_delete(store: Store) -> None:
    draft_id = store.create_draft(_draft("Simskola", "gammal formulering"))
    store.save_draft(draft_id, _draft("Simskola", "ny formulering"))
    assert store.list_drafts("gammal") == []
    assert [d.id for d in store.list_drafts("ny")] == [draft_id]
    store._conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
    rows = store._conn.execute(
        "SELECT rowid FROM drafts_fts WHERE drafts_fts MATCH ?", ('"formulering"',)
    ).fetchall()
    assert rows == []
    # The index agrees with its content table (FTS5 integrity check).
    store._conn.execute("INSERT INTO drafts_fts(drafts_fts) VALUES('integrity-check')")


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('AND ( "simskola') == '"AND"* "simskola"*'
    assert fts_query("*/()") is None

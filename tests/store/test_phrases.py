"""The phrase index (store/phrases.py): filled at migration, kept up to date by every
save, move to the trash, restore and purge, and safe for any typed text."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database

from beslut.model import Block, BlockKind, Draft, Metadata, Run, Section
from beslut.model.jsonio import block_from_json, body_json
from beslut.store import Store
from beslut.store.phrases import normalise, phrase_items
from beslut.store.schema import migrations
from beslut.store.versions import SCHEMA_VERSION


def _draft(title: str, points: tuple[str, ...], *paragraphs: str, namnd: str = "") -> Draft:
    blocks = tuple(Block.plain(BlockKind.PARAGRAPH, text) for text in paragraphs)
    return Draft(
        Metadata(title=title, namnd=namnd),
        decisions=points,
        sections=(Section("bakgrund", "Bakgrund", blocks),),
    )


def _rows(path: Path) -> list[tuple[int, str, int, str]]:
    """The index as a fresh connection reads it: (draft, part, place, text)."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT draft_id, part, idx, text FROM phrases ORDER BY id")
        return sorted(rows.fetchall())
    finally:
        conn.close()


def _matches(path: Path, word: str) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        sql = "SELECT rowid FROM phrases_fts WHERE phrases_fts MATCH ? ORDER BY rowid"
        return [row[0] for row in conn.execute(sql, (f'"{word}"*',))]
    finally:
        conn.close()


def test_a_new_draft_is_indexed_point_by_point_and_block_by_block(db_path: Path) -> None:
    table = Block.table([["Ort", "Kostnad"], ["Farsta", "100"]])
    draft = replace(
        _draft("Simskola", ("Nämnden godkänner.", ""), "Bakgrunden.", ""),
        sections=(
            Section("bakgrund", "Bakgrund", (Block.plain("paragraph", "Bakgrunden."), table)),
        ),
    )
    with Store.open(db_path) as store:
        draft_id = store.create_draft(draft)
    assert _rows(db_path) == [
        (draft_id, "bakgrund", 0, "Bakgrunden."),
        (draft_id, "bakgrund", 1, "Ort\tKostnad\nFarsta\t100"),
        (draft_id, "decisions", 0, "Nämnden godkänner."),
    ]
    conn = sqlite3.connect(db_path)
    stored = conn.execute("SELECT block FROM phrases WHERE idx = 1").fetchone()[0]
    conn.close()
    assert block_from_json(stored) == table  # inserted again as it was
    conn = sqlite3.connect(db_path)
    plain = conn.execute("SELECT block FROM phrases WHERE idx = 0 AND part = 'bakgrund'")
    assert plain.fetchone() == (None,)  # the text is the whole paragraph
    conn.close()


def test_a_save_replaces_only_what_changed(db_path: Path) -> None:
    with Store.open(db_path) as store:
        draft_id = store.create_draft(_draft("A", ("Punkt ett.",), "Stycke ett.", "Stycke två."))
        conn = store._conn
        before = dict(conn.execute("SELECT text, id FROM phrases").fetchall())
        # A paragraph written above the others: the kept rows keep their ids, move down.
        store.save_draft(
            draft_id, _draft("A", ("Punkt ett.",), "Nytt.", "Stycke ett.", "Stycke två.")
        )
        after = dict(conn.execute("SELECT text, id FROM phrases").fetchall())
    assert after["Stycke ett."] == before["Stycke ett."]
    assert after["Punkt ett."] == before["Punkt ett."]
    assert _rows(db_path) == [
        (draft_id, "bakgrund", 0, "Nytt."),
        (draft_id, "bakgrund", 1, "Stycke ett."),
        (draft_id, "bakgrund", 2, "Stycke två."),
        (draft_id, "decisions", 0, "Punkt ett."),
    ]
    assert _matches(db_path, "nytt") == [after["Nytt."]]
    with Store.open(db_path) as store:
        store.save_draft(draft_id, _draft("A", ("Punkt två.",)))
    assert _rows(db_path) == [(draft_id, "decisions", 0, "Punkt två.")]
    assert _matches(db_path, "stycke") == [] and _matches(db_path, "ett") == []


def test_a_new_namnd_reaches_every_row(db_path: Path) -> None:
    with Store.open(db_path) as store:
        draft_id = store.create_draft(_draft("A", ("Punkt.",), "Text.", namnd="Idrottsnämnden"))
        store.save_draft(draft_id, _draft("A", ("Punkt.",), "Text.", namnd="Kulturnämnden"))
    conn = sqlite3.connect(db_path)
    namnder = conn.execute("SELECT DISTINCT namnd FROM phrases").fetchall()
    conn.close()
    assert namnder == [("Kulturnämnden",)]


def test_the_trash_takes_the_rows_out_and_a_restore_puts_them_back(db_path: Path) -> None:
    with Store.open(db_path) as store:
        draft_id = store.create_draft(_draft("A", ("Simskolan startar.",), "Om simskolan."))
        store.delete_draft(draft_id)
    assert _rows(db_path) == [] and _matches(db_path, "simskola") == []
    with Store.open(db_path) as store:
        # A save of a draft in the trash does not bring its text back.
        store.save_draft(draft_id, _draft("A", ("Simskolan startar.",), "Om simskolan."))
        assert _rows(db_path) == []
        store.restore_draft(draft_id)
    assert [row[3] for row in _rows(db_path)] == ["Om simskolan.", "Simskolan startar."]
    assert len(_matches(db_path, "simskola")) == 2


def test_the_integrity_of_the_full_text_index_holds(db_path: Path) -> None:
    with Store.open(db_path) as store:
        draft_id = store.create_draft(_draft("A", ("Ett.", "Två."), "Tre.", "Fyra."))
        store.save_draft(draft_id, _draft("A", ("Två.", "Fem."), "Fyra.", "Tre."))
        store.delete_draft(draft_id)
        store.restore_draft(draft_id)
        store._conn.execute("INSERT INTO phrases_fts (phrases_fts) VALUES ('integrity-check')")


def _version_5_database(path: Path, drafts: list[tuple[Draft, str | None]]) -> None:
    conn = sqlite3.connect(path)
    migrations.apply(Database(conn), stop_before="0006_phrases")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 5
    with conn:
        for draft, deleted in drafts:
            conn.execute(
                "INSERT INTO drafts (title, namnd, dnr, status, doctype, created, modified, "
                "deleted, body, text) VALUES (?, ?, '', 'utkast', 'beslutsarende', "
                "'2025-01-01', '2025-01-02', ?, ?, ?)",
                (
                    draft.meta.title,
                    draft.meta.namnd,
                    deleted,
                    body_json(draft),
                    draft.search_text(),
                ),
            )
        conn.execute(
            "INSERT INTO drafts (title, namnd, dnr, status, doctype, created, modified, body, "
            "text) VALUES ('Trasig', '', '', 'utkast', 'beslutsarende', '2025', '2025', "
            "'{not json', '')"
        )
    conn.close()


def test_opening_a_version_5_database_fills_the_index(db_path: Path) -> None:
    kept = _draft("Kvar", ("Nämnden godkänner avtalet.",), "Avtalet gäller i tre år.")
    trashed = _draft("Borta", ("Nämnden säger upp avtalet.",))
    _version_5_database(db_path, [(kept, None), (trashed, "2026-01-01T00:00:00+00:00")])
    with Store.open(db_path) as store:
        assert store._conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 6
        assert store.load_draft(1) == kept
    assert _rows(db_path) == [
        (1, "bakgrund", 0, "Avtalet gäller i tre år."),
        (1, "decisions", 0, "Nämnden godkänner avtalet."),
    ]
    assert len(_matches(db_path, "avtalet")) == 2  # the full-text index too


@pytest.mark.parametrize(
    "typed",
    [
        '"',
        '"*',
        "*",
        "NEAR(a b",
        "a AND OR NOT",
        "^",
        "text : x",
        "{part}: x",
        "🙂 ü ß İ",
        "x" * 10_240,
        "ord " * 2500,
        "\x00\ud800",
    ],
)
def test_any_typed_text_is_a_safe_query(db_path: Path, typed: str) -> None:
    with Store.open(db_path) as store:
        store.create_draft(_draft("A", ("Nämnden godkänner.",), "Text."))
        store.phrase_candidates("decisions", typed, namnd=typed, exclude=None, each=10)
        store.phrase_candidates(typed, typed, exclude=None, each=10)


def test_normalise_ignores_case_punctuation_and_spaces() -> None:
    assert normalise("  Nämnden  GODKÄNNER, förslaget! ") == "nämnden godkänner förslaget"
    assert phrase_items(Draft()) == []


def test_a_draft_deleted_for_good_takes_its_rows_along(db_path: Path) -> None:
    with Store.open(db_path) as store:
        draft_id = store.create_draft(_draft("A", ("Simskolan startar.",), "Om simskolan."))
        store._conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
    assert _rows(db_path) == [] and _matches(db_path, "simskolan") == []


def test_candidates_of_the_same_namnd_come_beyond_the_newest(db_path: Path) -> None:
    with Store.open(db_path) as store:
        ours = store.create_draft(
            _draft("A", ("Nämnden godkänner taxan.",), namnd="Idrottsnämnden")
        )
        others = [
            store.create_draft(_draft("B", (f"Nämnden godkänner {n}.",), namnd="Kulturnämnden"))
            for n in range(5)
        ]
        found = store.phrase_candidates(
            "decisions", "godk", namnd="Idrottsnämnden", exclude=others[0], each=2
        )
    assert sorted(p.draft_id for p in found) == [ours, others[3], others[4]]


def test_a_change_of_formatting_alone_is_written(db_path: Path) -> None:
    plain = _draft("A", (), "Viktigt stycke.")
    bold = replace(
        plain,
        sections=(
            Section(
                "bakgrund",
                "Bakgrund",
                (Block(BlockKind.PARAGRAPH, (Run("Viktigt", bold=True), Run(" stycke."))),),
            ),
        ),
    )
    with Store.open(db_path) as store:
        draft_id = store.create_draft(plain)
        store.save_draft(draft_id, bold)
    conn = sqlite3.connect(db_path)
    (stored,) = conn.execute("SELECT block FROM phrases").fetchall()
    conn.close()
    assert block_from_json(stored[0]) == bold.sections[0].blocks[0]


def test_normal_form_drops_unicode_punctuation() -> None:
    assert normalise("”Nämnden” – godkänner… «förslaget»!") == "nämnden godkänner förslaget"

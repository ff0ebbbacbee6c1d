"""Opening a draft file (a .beslut file, as a double-click gives it) stores it as a new
draft with its bilaga files; a file that cannot be opened stores nothing and says why."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from beslut.errors import BeslutError, DraftFormatError
from beslut.model.draft import Draft
from beslut.model.jsonio import dumps
from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.workflow.files import open_draft_file, read_draft_file


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path, seed=seed_example) as opened:
        yield opened


def _example_file(store: Store, path: Path) -> tuple[Draft, dict[str, bytes]]:
    """Write the example draft, its bilaga files embedded, to ``path``."""
    draft = store.load_draft(1)
    files = store.files_for(draft)
    path.write_text(dumps(draft, files), encoding="utf-8")
    return draft, files


@pytest.mark.parametrize("name", ["Simskola.beslut", "simskola.json", "utan ändelse"])
def test_the_draft_and_its_files_become_a_new_draft(
    store: Store, tmp_path: Path, db_path: Path, name: str
) -> None:
    original, files = _example_file(store, tmp_path / name)
    assert len(files) == 2  # the example's two bilagor travel in the file
    draft_id = open_draft_file(store, tmp_path / name)
    assert draft_id != 1
    store.close()
    with Store.open(db_path) as again:  # what is on disk, not what the store remembers
        opened = again.load_draft(draft_id)
        assert opened == original
        assert opened.meta.title.startswith("Avgiftsfri simskola")
        assert [s.heading for s in opened.sections][:2] == ["Sammanfattning", "Ärendets beredning"]
        assert again.files_for(opened) == files
        assert [d.id for d in again.list_drafts()].count(draft_id) == 1


def test_opening_twice_gives_two_drafts(store: Store, tmp_path: Path) -> None:
    _example_file(store, tmp_path / "a.beslut")
    first = open_draft_file(store, tmp_path / "a.beslut")
    second = open_draft_file(store, tmp_path / "a.beslut")
    assert len({1, first, second}) == 3
    assert len(store.list_drafts()) == 3


def _broken_bilaga(store: Store, path: Path) -> None:
    _example_file(store, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["attachments"][0]["file"]["data"] = "aGVq"  # "hej": not the file it names
    path.write_text(json.dumps(data), encoding="utf-8")


def _newer(store: Store, path: Path) -> None:
    _example_file(store, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["format_version"] = 99
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(
    ("write", "said"),
    [
        (lambda store, path: path.write_bytes(b""), "inte giltig JSON"),
        (lambda store, path: path.write_bytes(b"PK\x03\x04\xff\xfe"), "inte giltig JSON"),
        (lambda store, path: path.write_text('{"a": 1}'), "inte ett utkast från beslut"),
        (lambda store, path: path.write_text("[]"), "Utkastet kan inte läsas"),
        (_broken_bilaga, "stämmer inte med dess storlek"),
        (_newer, "nyare version av beslut"),
    ],
    ids=["empty", "not text", "other JSON", "a list", "broken bilaga", "newer format"],
)
def test_a_bad_file_stores_nothing_and_says_why_in_swedish(
    store: Store, tmp_path: Path, write: object, said: str
) -> None:
    path = tmp_path / "trasig.beslut"
    assert callable(write)
    write(store, path)
    before = store.list_drafts()
    with pytest.raises(DraftFormatError) as info:
        open_draft_file(store, path)
    assert said in info.value.user_message
    assert str(path) in info.value.user_message  # which file, when several were opened
    assert store.list_drafts() == before


def test_a_missing_file_is_said_to_be_missing(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "finns inte.beslut"
    with pytest.raises(BeslutError) as info:
        open_draft_file(store, path)
    assert info.value.user_message == f"Filen {path} finns inte."
    assert len(store.list_drafts()) == 1


def test_a_folder_is_no_draft_file(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "mapp.beslut"
    folder.mkdir()
    with pytest.raises(BeslutError) as info:
        read_draft_file(folder)
    assert info.value.user_message == f"{folder} är en mapp, inte en utkastfil."
    assert len(store.list_drafts()) == 1

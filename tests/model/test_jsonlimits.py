"""Draft files are read within limits (issue 22): a hostile file is refused with a
Swedish message that says why, in little time and memory, never with RecursionError,
ValueError or MemoryError."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import time
import tracemalloc
from pathlib import Path

import pytest
from tests.model.hostiledrafts import HOSTILE, nested, write_hostile

from beslut.errors import DraftFormatError
from beslut.model import Attachment, Block, BlockKind, Draft, FileRef, Metadata, Section
from beslut.model.jsonio import dumps, loads
from beslut.model.jsonlimits import MAX_DEPTH, MAX_FILE_BYTES, MAX_ITEMS, MAX_TEXT
from beslut.workflow.files import read_draft_file


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_refused_with_a_message(tmp_path: Path, name: str) -> None:
    path, words = write_hostile(tmp_path, name)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(DraftFormatError) as info:
            read_draft_file(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 10
    assert peak < 64 * 2**20  # the over-size file is never read (it is sparse besides)
    message = info.value.user_message
    assert message.startswith(f"{path}: ")
    assert words in message


@pytest.mark.parametrize("name", sorted(set(HOSTILE) - {"over-size"}))
def test_the_same_text_is_refused_by_loads(tmp_path: Path, name: str) -> None:
    path, words = write_hostile(tmp_path, name)
    with pytest.raises(DraftFormatError) as info:
        loads(path.read_bytes())
    assert words in info.value.user_message


def test_a_text_over_the_size_limit_is_refused_by_loads() -> None:
    with pytest.raises(DraftFormatError) as info:
        loads(b" " * (MAX_FILE_BYTES + 1))
    assert "100,1 MB" in info.value.user_message
    assert f"högst {MAX_FILE_BYTES // 2**20} MB" in info.value.user_message


def test_a_file_as_deep_as_the_limit_is_read() -> None:
    draft, files = loads(nested(MAX_DEPTH))
    assert draft == Draft() and files == {}
    with pytest.raises(DraftFormatError):
        loads(nested(MAX_DEPTH + 1))


def test_one_item_fewer_than_the_limit_is_read() -> None:
    text = b'{"format": "beslut-draft", "format_version": 2, "x": [' + b"0," * (MAX_ITEMS - 3)
    draft, _files = loads(text + b"0]}")  # MAX_ITEMS - 1 commas in all
    assert draft == Draft()


def test_a_thirty_digit_number_reaches_the_field_check() -> None:
    text = '{"format": "beslut-draft", "format_version": ' + "1" * 30 + "}"
    with pytest.raises(DraftFormatError) as info:
        loads(text)
    assert "nyare version" in info.value.user_message  # read as a number, then checked


def test_brackets_quotes_and_backslashes_in_text_are_only_text() -> None:
    """The pre-scan cuts strings out of the file: escaped quotes and backslashes, and
    brackets and commas in text, neither nest nor count as items."""
    nasty = '[[[{{{ \\" \\\\" ,,,, ]]]"}"\\' * 200 + "\\"
    draft = Draft(
        Metadata(title=nasty, subtitle="\\\\\\", dnr='"'),
        decisions=("[" * (MAX_DEPTH * 3), "," * (MAX_ITEMS + 1)),
        sections=(Section("a", "]]]", (Block.plain(BlockKind.PARAGRAPH, nasty + "\n" + nasty),)),),
    )
    assert loads(dumps(draft))[0] == draft
    assert loads(dumps(draft).encode("utf-8"))[0] == draft


def test_a_bilaga_larger_than_a_text_may_be_is_read() -> None:
    content = os.urandom(MAX_TEXT)  # its base64 is a third longer than MAX_TEXT
    ref = FileRef("Stor.pdf", len(content), hashlib.sha256(content).hexdigest())
    draft = Draft(attachments=(Attachment("Stor", ref),))
    read, files = loads(dumps(draft, {ref.sha256: content}))
    assert read == draft and files == {ref.sha256: content}


def test_a_text_longer_than_the_limit_is_refused_naming_its_field() -> None:
    draft = Draft(Metadata(title="a"))
    text = dumps(dataclasses.replace(draft, decisions=("x", "y" * (MAX_TEXT + 1))))
    with pytest.raises(DraftFormatError) as info:
        loads(text)
    assert info.value.user_message.startswith("Utkastet kan inte läsas: decisions[1]: ")
    assert "5 000 000 tecken" in info.value.user_message


def test_a_draft_file_too_large_to_be_read_again_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.cliutil import run_cli

    from beslut.model import jsonio, jsonlimits
    from beslut.store import Store
    from beslut.store.seed import seed_example

    monkeypatch.setattr(jsonlimits, "MAX_FILE_BYTES", 4 * 2**20)
    monkeypatch.setattr(jsonio, "MAX_FILE_BYTES", 4 * 2**20)
    content = os.urandom(3 * 2**20)  # 4 MB as base64
    ref = FileRef("Stor.pdf", len(content), hashlib.sha256(content).hexdigest())
    draft = Draft(Metadata(title="Stor"), attachments=(Attachment("Stor", ref),))
    with pytest.raises(DraftFormatError) as info:
        dumps(draft, {ref.sha256: content})
    assert "Utkastfilen skulle bli 4,1 MB" in info.value.user_message
    assert "högst 4 MB" in info.value.user_message
    assert loads(dumps(draft))[0] == draft  # without the file it is small
    with Store.open(tmp_path / "t.db", seed=seed_example) as store:
        draft_id = store.create_draft(draft, {ref.sha256: content})
    out = tmp_path / "stor.beslut"
    args = ("--db", str(tmp_path / "t.db"), "export-json", str(draft_id), "-o", str(out))
    code, _out, err = run_cli(capsys, *args)
    assert code == 1 and "Utkastfilen skulle bli 4,1 MB" in err
    assert not out.exists()

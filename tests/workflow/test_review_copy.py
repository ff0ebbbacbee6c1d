"""A review copy knows what it is, and a received file is kept as a pending review
whatever its kind picks (workflow/review_copy.py, workflow/receiving.py)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from beslut.errors import BeslutError
from beslut.model.jsonio import dumps
from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.workflow.changes import changes, decide
from beslut.workflow.files import open_draft_file
from beslut.workflow.receiving import before, put_back, receive_file
from beslut.workflow.review import send_for_review
from beslut.workflow.review_copy import MARK, review_copy, send_back


def test_a_sent_file_is_a_review_copy_that_goes_back_without_the_mark(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db", seed=seed_example) as store:
        sent = send_for_review(store, 1, tmp_path / "till Eva")
        assert json.loads(sent.read_text(encoding="utf-8"))[MARK] == {"owner": "Sara Lindqvist"}
        copy_id = open_draft_file(store, sent)
        copy = review_copy(store, copy_id)
        assert copy is not None and copy.owner == "Sara Lindqvist"
        assert copy.folder == str(tmp_path) and copy.file == "till Eva.beslut"
        assert review_copy(store, 1) is None
        first, second = send_back(store, copy_id), send_back(store, copy_id)
    assert first.name == "till Eva granskad.beslut"
    assert second.name == "till Eva granskad 2.beslut"
    assert MARK not in json.loads(first.read_text(encoding="utf-8"))


def test_send_back_refuses_a_draft_that_is_no_review_copy(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db", seed=seed_example) as store, pytest.raises(BeslutError):
        send_back(store, 1)


def test_receive_file_picks_by_suffix_and_put_back_undoes_a_decision(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db", seed=seed_example) as store:
        draft = store.load_draft(1)
        reviewed = dataclasses.replace(draft, decisions=("Nytt förslag.", *draft.decisions[1:]))
        path = tmp_path / "Eva.BESLUT"
        path.write_text(dumps(reviewed), encoding="utf-8")
        found = receive_file(store, 1, path)
        assert found and store.load_draft(1) == draft
        for name in ("x.txt", "x.docx"):
            with pytest.raises(BeslutError):
                receive_file(store, 1, tmp_path / name)
        kept = before(store, 1)
        done = decide(store, 1, None, accept=True)
        assert done.left == 0 and store.get_review(1) is None
        put_back(store, 1, kept)
        assert store.load_draft(1) == draft and len(changes(store, 1)) == len(found)

"""Duplicating a draft reuses its stored files."""

from __future__ import annotations

from pathlib import Path

import pytest

from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.workflow.drafts import duplicate_draft


def test_the_copy_points_at_the_same_files_without_reading_them(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(db_path, seed=seed_example) as store:
        original = store.load_draft(1)

        def no_reading(_sha: str) -> bytes:
            raise AssertionError("a stored file was read again")

        monkeypatch.setattr(store, "get_file", no_reading)
        copy_id = duplicate_draft(store, 1)
        copy = store.load_draft(copy_id)
        assert copy.meta.title == f"Kopia av {original.meta.title}"
        assert copy.file_refs() == original.file_refs() and original.file_refs()
        assert store.has_files(r.sha256 for r in copy.file_refs()) == {
            r.sha256 for r in original.file_refs()
        }

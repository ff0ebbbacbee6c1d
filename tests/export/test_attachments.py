"""Tests for beslut.export.attachments: bilaga files fetched, checked and written."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from beslut.errors import NotFoundError
from beslut.export import AttachmentFileError
from beslut.export.attachments import attachment_files, write_attachments
from beslut.model import Attachment, Draft, FileRef


def test_the_example_bilagor_from_a_mapping_and_a_function(
    example: tuple[Draft, dict[str, bytes]], tmp_path: Path
) -> None:
    draft, files = example
    items = attachment_files(draft, files)
    assert items == attachment_files(draft, files.__getitem__)
    names = [name for name, _ in items]
    assert names == [
        "Bilaga 1 – Kostnadsberäkning för avgiftsfri simskola 2027.pdf",
        "Bilaga 2 – Schema för simskolan, vårterminen 2027.pdf",
    ]
    written = write_attachments(items, tmp_path)
    assert [p.read_bytes() for p in written] == [data for _, data in items]


def test_a_bilaga_without_file_is_skipped() -> None:
    assert attachment_files(Draft(attachments=(Attachment("På papper"),)), {}) == []


def test_a_missing_file_is_named_by_its_bilaga() -> None:
    ref = FileRef("a.pdf", 1, "ab" * 32)
    draft = Draft(attachments=(Attachment("Först"), Attachment("Kostnader", ref)))

    def store(sha256: str) -> bytes:
        raise NotFoundError("Filen finns inte.")

    sources: tuple[dict[str, bytes], Callable[[str], bytes]] = ({}, store)
    for source in sources:
        with pytest.raises(AttachmentFileError) as caught:
            attachment_files(draft, source)
        assert "bilaga 2 (”Kostnader”) saknas" in caught.value.user_message


def test_a_damaged_file_is_refused() -> None:
    ref = FileRef("a.pdf", 3, hashlib.sha256(b"abc").hexdigest())
    draft = Draft(attachments=(Attachment("Kostnader", ref),))
    with pytest.raises(AttachmentFileError) as caught:
        attachment_files(draft, {ref.sha256: b"abd"})
    assert "skadad" in caught.value.user_message

"""Adding bilaga files: empty files refused, large files asked about, files stored in
pieces and read back exactly."""

from __future__ import annotations

import hashlib
import tracemalloc
from pathlib import Path

from beslut.store import Store
from beslut.workflow.attach import MB, check_files, large_files_question, store_files, too_large


def test_an_empty_file_is_refused_with_a_message(tmp_path: Path, db_path: Path) -> None:
    empty = tmp_path / "tom.pdf"
    empty.write_bytes(b"")
    good = tmp_path / "Kostnader 2027.pdf"
    good.write_bytes(b"%PDF-1.4 kostnader")
    checks = check_files([empty, good, tmp_path / "saknas.pdf", tmp_path])
    assert [c.ok for c in checks] == [False, True, False, False]
    assert "tom (0 byte)" in str(checks[0].problem and checks[0].problem.user_message)
    with Store.open(db_path) as store:
        added = store_files(store, checks)
        assert [a.title for a in added.attachments] == ["Kostnader 2027"]
        assert len(added.problems) == 3
        ref = added.attachments[0].file
        assert ref is not None and store.get_file(ref.sha256) == b"%PDF-1.4 kostnader"


def test_a_file_over_the_limit_is_asked_about(tmp_path: Path) -> None:
    big = tmp_path / "ritning.pdf"
    with big.open("wb") as handle:
        handle.truncate(26 * MB)
    checks = check_files([big])
    large = too_large(checks, 25)
    assert large == checks
    assert "25 MB" in large_files_question(large, 25) and "ritning.pdf" in large_files_question(
        large, 25
    )
    assert too_large(checks, 30) == []


def test_a_large_file_is_stored_in_pieces(tmp_path: Path, db_path: Path) -> None:
    big = tmp_path / "stor.bin"
    block = bytes(range(256)) * 4096  # 1 MB
    with big.open("wb") as handle:
        for n in range(40):
            handle.write(block[n:] + block[:n])
    expected = hashlib.sha256(big.read_bytes()).hexdigest()
    with Store.open(db_path) as store:
        tracemalloc.start()
        added = store_files(store, check_files([big]))
        _now, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        ref = added.attachments[0].file
        assert ref is not None and ref.sha256 == expected and ref.size == 40 * MB
        assert peak < 8 * MB, f"peak {peak / MB:.1f} MB for a 40 MB file"
        assert hashlib.sha256(store.get_file(ref.sha256)).hexdigest() == expected
        again = store_files(store, check_files([big]))  # the same content: stored once
        assert again.attachments[0].file == ref

"""Benchmark the import: a 100 KB .docx (the city template's own export of a draft with
every block kind) read and recognised in process.

Goals: at most 300 ms, and at most 3 times the floor measured in the same run: python-
docx's own Document() load of the same file plus a walk over its paragraphs' text.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tests.importing.drafts import big_draft  # noqa: E402

from _util import median_ms, report  # noqa: E402
from beslut.doctypes.loader import load_doctypes  # noqa: E402
from beslut.importing import import_document  # noqa: E402
from beslut.settings import Settings  # noqa: E402
from beslut.workflow.exporting import export_draft  # noqa: E402


def floor(path: Path) -> int:
    """python-docx: load the document and walk its paragraphs' text."""
    from docx import Document

    document = Document(str(path))
    return sum(len(p.text) for p in document.paragraphs)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stor.docx"
        draft = big_draft()
        export_draft(draft, lambda sha: b"", path, Settings())
        doctypes = load_doctypes()
        back = import_document(path, doctypes).draft
        text = sum(len(s.text) for s in draft.sections)
        blocks = sum(len(s.blocks) for s in draft.sections)
        size = path.stat().st_size
        print(
            f"  {text / 1000:.0f} KB of text, {blocks} blocks, a {size / 1000:.0f} KB .docx; "
            f"round trip exact: {back == draft}"
        )
        ours = median_ms(lambda: import_document(path, doctypes), repeat=15)
        base = median_ms(lambda: floor(path), repeat=15)
        met = report("import a 100 KB .docx", ours, 300, "python-docx load + walk", base)
        within = ours <= 3 * base
        print(f"  within 3 times the floor: {'met' if within else 'MISSED'}")
    return 0 if met and within else 1


if __name__ == "__main__":
    raise SystemExit(main())

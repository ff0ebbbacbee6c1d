"""Benchmark the import: a 100 KB .docx (the city template's own export of a draft with
every block kind) read and recognised in process.

Goals: at most 300 ms, and at most 3 times the floor measured in the same run: python-
docx's own Document() load of the same file plus a walk over its paragraphs' text.

Then, for the figure only (no goal), the same draft through LibreOffice's PDF (54 pages)
against pypdf's own layout text of its pages (benchmarks/bench_import_pdf.py has the
PDF's goal).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tests.importing.drafts import big_draft  # noqa: E402

from _util import median_ms, report  # noqa: E402
from beslut.doctypes.loader import DocType, load_doctypes  # noqa: E402
from beslut.importing import import_document  # noqa: E402
from beslut.model import Draft  # noqa: E402
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
        pdf_figures(draft, Path(tmp), doctypes)
    return 0 if met and within else 1


def pdf_floor(path: Path) -> int:
    """pypdf: the layout text of every page."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    return sum(len(page.extract_text(extraction_mode="layout")) for page in reader.pages)


def pdf_figures(draft: Draft, folder: Path, doctypes: list[DocType]) -> None:
    if shutil.which("soffice") is None:
        print("  (no LibreOffice: the PDF figure is left out)")
        return
    path = folder / "stor-pdf.docx"
    export_draft(draft, lambda sha: b"", path, Settings(), pdf=True)
    pdf = path.with_suffix(".pdf")
    from pypdf import PdfReader

    pages = len(PdfReader(pdf).pages)
    ours = median_ms(lambda: import_document(pdf, doctypes), repeat=3, warmup=0)
    base = median_ms(lambda: pdf_floor(pdf), repeat=3, warmup=0)
    print(
        f"{'import the same draft as a ' + str(pages) + '-page PDF':<44} {ours:8.2f} ms"
        f"  floor pypdf layout text: {base:.2f} ms, ratio {ours / base:.2f}"
    )


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark the PDF import: a 40-page PDF of a TU's running text (headings, paragraphs,
lists, footnotes), read into blocks in process.

Goal: at most 2 times the floor measured in the same run: pypdf's own layout text of the
same pages (PdfReader, then ``extract_text(extraction_mode="layout")`` on each page). The
import parses and walks each page's content once (pdf_walk.py: the layout text and the
pieces with their fonts and places from the same walk); what it spends over the floor
is its own work a character (styles, footnotes, paragraphs, headings).

Then, when LibreOffice is there, the same for the city template's own export of a large
draft (benchmarks/bench_import.py's PDF), and a file whose 200 pages share one heavy
content stream (parsed once for all of them, and bounded by the time budget).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tests.importing.pdfmake import Text, content, pdf  # noqa: E402

from _util import filler, median_ms  # noqa: E402
from beslut.importing import read_document  # noqa: E402

PAGES = 40
RATIO_GOAL = 2.0


def tu_pages(count: int) -> list[list[Text]]:
    """Pages of a TU's text: a heading, paragraphs, a list and a footnote on each."""
    pages = []
    for n in range(count):
        words = filler(3000, seed=n).split()
        lines, line, y = [Text(f"{n + 1}. Bakgrund del {n + 1}", 72, 780, 14, "F2")], "", 750.0
        for word in words:
            if len(line) + len(word) > 88:
                lines.append(Text(line, 72, y))
                line, y = "", y - 13.2
                if y < 120:
                    break
            line = f"{line} {word}".strip()
        lines += [Text(f"• punkt {k} i listan", 90, y - 14 * k) for k in range(1, 3)]
        lines.append(Text("1 En fotnot längst ned på sidan.", 72, 60, 9))
        pages.append(lines)
    return pages


def floor(path: Path) -> int:
    """pypdf: the layout text of every page."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    return sum(len(page.extract_text(extraction_mode="layout")) for page in reader.pages)


def measure(name: str, path: Path, repeat: int = 5) -> bool:
    from pypdf import PdfReader

    pages = len(PdfReader(path).pages)
    ours = median_ms(lambda: read_document(path), repeat=repeat, warmup=1)
    base = median_ms(lambda: floor(path), repeat=repeat, warmup=1)
    ratio = ours / base
    met = ratio <= RATIO_GOAL
    print(
        f"{name + f' ({pages} pages)':<44} {ours:8.2f} ms, {ours / pages:.1f} ms a page"
        f"  floor pypdf layout text: {base:.2f} ms, ratio {ratio:.2f}"
        f" (goal <= {RATIO_GOAL:g}: {'met' if met else 'MISSED'})"
    )
    return met


def heavy(path: Path) -> None:
    """The figure only: a file whose pages share one heavy content stream is parsed once,
    and its time is bounded by the budget (a refusal, not an hour)."""
    import time

    from beslut.importing import ImportRefused

    start = time.perf_counter()
    try:
        read_document(path)
        outcome = "read"
    except ImportRefused as exc:
        outcome = f"refused ({exc.user_message[:60]}…)"
    seconds = time.perf_counter() - start
    print(f"{'pages sharing one heavy content stream':<44} {seconds:8.2f} s: {outcome}")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plain = folder / "tu.pdf"
        plain.write_bytes(pdf(tu_pages(PAGES)))
        met = measure("import a TU's text as PDF", plain)
        lines = [
            Text(f"Rad {n} i en ritning som alla sidor visar.", 72, 800 - n) for n in range(700)
        ]
        shared = folder / "delad.pdf"
        shared.write_bytes(pdf([[]] * 200, shared=content(lines)))
        heavy(shared)
        if shutil.which("soffice") is not None:
            met = libreoffice(folder) and met
        else:
            print("  (no LibreOffice: the city template's PDF is left out)")
    return 0 if met else 1


def libreoffice(folder: Path) -> bool:
    from tests.importing.drafts import big_draft

    from beslut.settings import Settings
    from beslut.workflow.exporting import export_draft

    path = folder / "stor.docx"
    export_draft(big_draft(), lambda sha: b"", path, Settings(), pdf=True)
    return measure("the city template's PDF of a large draft", path.with_suffix(".pdf"), 3)


if __name__ == "__main__":
    raise SystemExit(main())

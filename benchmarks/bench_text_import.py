"""Benchmark the import of plain text: 16 MB of a TU's text (lines wrapped at 72
characters, blank lines between paragraphs, headings, bullet and numbered lists, tables
of bars and of aligned spaces, footnotes, page numbers), read and recognised in process;
then the same text double-spaced (every line followed by an empty line, as some
extractions write it: its paragraphs are long); then lines of 400 characters each
followed by an empty line, which the import joins into one paragraph of 16 MB.

Goal: at most 5 s for 16 MB. The floor measured in the same run: decoding the bytes,
str.splitlines and one regex pass over every line (what any reader of lines must do),
printed as the ratio.
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import WORDS, filler, report  # noqa: E402
from beslut.doctypes.loader import load_doctypes  # noqa: E402
from beslut.importing import import_document  # noqa: E402

SIZE = 16 * 1024 * 1024
GOAL_MS = 5000
_LINE = re.compile(r"^\s*(?:[•\-*]|\d{1,3}[.)])\s+|\s{2,}| \| ")


def chunk(seed: int) -> str:
    """About 5 KB of a TU's body: a heading, paragraphs, lists, tables, a footnote and a
    page's furniture, its short lines different from other chunks' (as a real text's
    are: lines that repeat are taken for a page's header or footer)."""
    rng = random.Random(seed)

    def words(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n))

    out = [words(3).capitalize(), ""]
    for n in range(6):
        paragraph = filler(700, seed=seed * 10 + n).rstrip() + "."
        if n == 1:
            paragraph = paragraph.replace(".", ".1", 1)
        out += [*textwrap.wrap(paragraph, 72), ""]
        if n == 2:
            out += [f"{words(3).capitalize()} att", f"1. {words(5)},", f"2. {words(4)}.", ""]
            out += [f"• {words(6)}", f"  • {words(5)}", ""]
        if n == 3:
            out += [f"År | {words(1)} | {words(1)}", f"2027 | {words(2)} | 12", ""]
            out += [f"År      {words(1):<12}Antal", f"2027    {words(1):<12}12", ""]
        if n == 4:
            out += [f"Sida {seed % 7 + 2} (9)", ""]
    out += [f"1 Enligt {words(4)}.", "", f"Idrottsförvaltningen |{seed % 90 + 2}", ""]
    return "\n".join(out)


def tu_text(size: int) -> str:
    head = "Idrottsförvaltningen\nTjänsteutlåtande\nDnr IDN 2026/251\n\nSimskola för alla\n\n"
    head += "Ärendet\n\n"
    body: list[str] = []
    length = len(head)
    while length < size:
        piece = chunk(len(body))
        body.append(piece)
        length += len(piece.encode()) + 1
    return head + "\n".join(body)


def floor(path: Path) -> int:
    """Decode, split into lines and match one pattern against every line."""
    text = path.read_bytes().decode("utf-8")
    return sum(1 for line in text.splitlines() if _LINE.search(line))


def time_ms(func: object) -> float:
    start = time.perf_counter()
    func()  # type: ignore[operator]
    return (time.perf_counter() - start) * 1000


def main() -> int:
    doctypes = load_doctypes()
    met = True
    with tempfile.TemporaryDirectory() as tmp:
        text = tu_text(SIZE)
        double = "\n\n".join(text.splitlines())[:SIZE]
        # Paragraphs of one line, an empty line after each: read as double-spaced text,
        # all of it is one paragraph (joining its lines one by one took 50 s here).
        lines = [filler(400, seed=n) for n in range(50)]
        one = "\n\n".join(lines[n % 50] for n in range(SIZE // 402))
        cases = (
            ("16 MB of text", text),
            ("16 MB of double-spaced text", double),
            ("16 MB as one paragraph", one),
        )
        for name, body in cases:
            path = Path(tmp) / "tu.txt"
            path.write_text(body, encoding="utf-8")
            size = path.stat().st_size / 1024 / 1024
            base = min(time_ms(lambda p=path: floor(p)) for _ in range(3))
            ours = time_ms(lambda p=path: import_document(p, doctypes))
            met &= report(f"import {name} ({size:.1f} MB)", ours, GOAL_MS, "lines + regex", base)
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())

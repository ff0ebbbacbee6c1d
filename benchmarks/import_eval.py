"""Evaluate the import on a folder of documents other programs wrote.

    python benchmarks/import_eval.py FOLDER [FOLDER ...] [--details] [--timeout S]

Every .docx, .pdf and .txt under each FOLDER is imported in a fresh database (a child
process per file, so a hang or a crash is measured, not suffered), stored and read back.
Printed per corpus (a sub-folder holding files directly):

- outcome: imported / refused with a message / unexpected error (a traceback, a hang, or
  a draft that does not open again);
- coverage: the share of the words pandoc (.docx: ``pandoc -t plain``) or ``pdftotext``
  (.pdf) or the file itself (.txt) reads that reach the draft anywhere (title, facts,
  decisions, parts, bilagor, underskrifter, footnotes) or are named in the import's
  notice ("1 bild (”Karta”) lästes inte."), counted as a multiset after NFKC (m² is m2)
  and without list markers; and how many imported files keep at least 90 % of them;
- misplaced: words in decisions, bilagor or underskrifter of files whose reference text
  has no such part (no line naming Förslag till beslut or Bilagor).

Nothing here is a test: the figures go into a closing note before and after a change.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = (".docx", ".pdf", ".txt")
_WORD = re.compile(r"\w*[^\W\d_]\w*")  # a word has a letter: list numbers are structure
_DECISION_LINE = re.compile(r"(?im)^\s*(förvaltningens\s+)?förslag till beslut\s*:?\s*$")
_ATTACHMENT_LINE = re.compile(r"(?im)^\s*bilag(a|or)(\s+till ärendet)?\s*:?\s*$")

# The child: import one file, store it, read it back, print what it holds as JSON.
_CHILD = r"""
import json, sys, tempfile
from pathlib import Path
path = Path(sys.argv[1])
from beslut.doctypes.loader import load_doctypes
from beslut.importing import ImportRefused, import_document
from beslut.store import Store
try:
    imported = import_document(path, load_doctypes())
except ImportRefused as exc:
    print(json.dumps({"outcome": "refused", "why": exc.user_message}))
    raise SystemExit(0)
draft = imported.draft
with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "e.db") as store:
    back = store.load_draft(store.create_draft(draft))
meta = back.meta
notes = [run.note for s in back.sections for b in s.blocks for run in b.all_runs if run.note]
print(json.dumps({
    "outcome": "imported",
    "same": back == draft,
    "meta": [meta.title, meta.subtitle, meta.namnd, meta.dnr, meta.forvaltning,
             meta.avdelning, meta.handlaggare.name, meta.handlaggare.telefon,
             meta.handlaggare.epost],
    "sections": [s.heading + "\n" + s.text for s in back.sections],
    "notes": notes,
    "decisions": list(back.decisions),
    "attachments": [a.title for a in back.attachments],
    "signatories": [f"{s.name} {s.title}" for s in back.signatories],
    "notices": list(getattr(imported.found, "notices", [])),
}))
"""


# A list item's marker as pandoc prints it ("1.", "a.", "iv)", "-"): structure, not words.
_MARKER = re.compile(r"(?m)^[ \t]*(?:[-*•+]|\(?(?:\d+|[a-zA-Z]|[ivxlcdm]+)[.)])[ \t]+")


def words(text: str) -> collections.Counter[str]:
    """The words of ``text`` as compared: compatibility forms folded (m² is m2: the draft
    has no superscript), lower case."""
    folded = unicodedata.normalize("NFKC", text)
    return collections.Counter(w.lower() for w in _WORD.findall(folded))


_PLACES = ("meta", "sections", "notes", "decisions", "attachments", "signatories")


def reference(path: Path) -> str | None:
    """What another reader makes of the file's text, or None when it cannot."""
    try:
        if path.suffix == ".docx" and shutil.which("pandoc"):
            done = subprocess.run(
                ["pandoc", "-t", "plain", "--wrap=none", str(path)],
                capture_output=True,
                timeout=60,
            )
        elif path.suffix == ".pdf" and shutil.which("pdftotext"):
            done = subprocess.run(
                ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=60
            )
        elif path.suffix == ".txt":
            return path.read_bytes().decode("utf-8", "replace")
        else:
            return None
    except subprocess.TimeoutExpired:
        return None
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def evaluate(path: Path, timeout: float) -> dict[str, Any]:
    env_path = f"{ROOT / 'src'}"
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path)],
            capture_output=True,
            timeout=timeout,
            cwd=ROOT,
            env={**_env(), "PYTHONPATH": env_path},
        )
    except subprocess.TimeoutExpired:
        return {"outcome": "error", "why": f"no answer within {timeout:.0f} s"}
    stderr = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != 0:
        last = stderr.splitlines()[-1] if stderr else f"exit {done.returncode}"
        return {"outcome": "error", "why": last}
    result: dict[str, Any] = json.loads(done.stdout.decode("utf-8").splitlines()[-1])
    if result.get("outcome") == "imported" and not result.get("same"):
        result = {"outcome": "error", "why": "the stored draft reads back otherwise"}
    result["stderr"] = stderr
    return result


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def score(path: Path, result: dict[str, Any]) -> dict[str, Any]:
    ref = reference(path)
    out: dict[str, Any] = {"file": path.name, **result}
    if result["outcome"] != "imported" or ref is None:
        return out
    got = words(
        "\n".join(
            str(x)
            for key in (*_PLACES, "notices")  # a notice names what was not read
            for x in result[key]
        )
    )
    want = words(_MARKER.sub("", ref))
    total = sum(want.values())
    kept = sum(min(n, got[w]) for w, n in want.items())
    out["coverage"] = kept / total if total else 1.0
    out["words"] = total
    special = 0
    if not _DECISION_LINE.search(ref):
        special += sum(len(_WORD.findall(str(d))) for d in result["decisions"])
        special += sum(len(_WORD.findall(str(s))) for s in result["signatories"])
    if not _ATTACHMENT_LINE.search(ref):
        special += sum(len(_WORD.findall(str(a))) for a in result["attachments"])
    out["misplaced"] = special
    return out


def corpora(folders: list[Path]) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = collections.defaultdict(list)
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in SUFFIXES:
                found[path.parent.name].append(path)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--details", action="store_true", help="a line per file")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--json", type=Path, help="write every file's result here")
    args = parser.parse_args()
    everything = []
    print(
        f"{'corpus':<20} {'files':>5} {'imported':>8} {'refused':>7} {'errors':>6} "
        f"{'words':>8} {'coverage':>8} {'>=90%':>9} {'misplaced':>9}"
    )
    for name, paths in corpora(args.folders).items():
        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(lambda p: score(p, evaluate(p, args.timeout)), paths))
        everything.extend(results)
        outcome = collections.Counter(str(r["outcome"]) for r in results)
        scored = [r for r in results if "coverage" in r]
        total = sum(int(r["words"]) for r in scored)
        kept = sum(float(r["coverage"]) * int(r["words"]) for r in scored)
        good = sum(1 for r in scored if float(r["coverage"]) >= 0.9)
        misplaced = sum(int(r["misplaced"]) for r in scored)
        print(
            f"{name:<20} {len(paths):>5} {outcome['imported']:>8} {outcome['refused']:>7} "
            f"{outcome['error']:>6} {total:>8} {kept / max(total, 1):>8.1%} "
            f"{good:>4}/{len(scored):<4} {misplaced:>9}"
        )
        if args.details:
            for r in results:
                print("   ", _detail(r))
    if args.json:
        args.json.write_text(json.dumps(everything, ensure_ascii=False, indent=1), "utf-8")
    return 0


def _detail(r: dict[str, Any]) -> str:
    if r["outcome"] != "imported":
        return f"{r['file']}: {r['outcome']}: {r.get('why', '')}"[:200]
    figures = (
        f"coverage {float(r['coverage']):.0%} of {r['words']}, misplaced {r['misplaced']}"
        if "coverage" in r
        else "no reference text"
    )
    noise = " (stderr)" if r.get("stderr") else ""
    return f"{r['file']}: {figures}{noise}"


if __name__ == "__main__":
    raise SystemExit(main())

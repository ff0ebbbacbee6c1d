"""Benchmark receiving a review done in Word: a 100 KB .docx (beslut's export of a draft
with every block kind) edited as Word edits it, with 200 tracked changes and 50 comments,
taken in with receive_docx_for_review (read, place the marks, propose the changes, add
the comments, keep the pending review).

Goal: at most 3 times the floor measured in the same run: the plain import of the same
file (import_document).
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tests.importing.drafts import big_draft  # noqa: E402
from tests.review.wordedit import WordEdit, text_of, w  # noqa: E402

from _util import report  # noqa: E402
from beslut.doctypes.loader import load_doctypes  # noqa: E402
from beslut.importing import import_document  # noqa: E402
from beslut.settings import Settings  # noqa: E402
from beslut.store import Store  # noqa: E402
from beslut.workflow.changes import receive_docx_for_review  # noqa: E402
from beslut.workflow.exporting import export_draft  # noqa: E402

CHANGES, COMMENTS = 200, 50


def reviewed(path: Path) -> tuple[int, int]:
    """Edit ``path`` in place: tracked changes and comments on paragraphs with a unique
    beginning; the numbers made."""
    edit = WordEdit(path)
    starts: dict[str, int] = {}
    for p in edit.body.iter(w("p")):
        text = text_of(p)
        if len(text) > 60 and " och " in text[10:]:
            starts[text[:40]] = starts.get(text[:40], 0) + 1
    unique = [s for s, n in starts.items() if n == 1]
    changes = comments = 0
    for k, start in enumerate(unique):
        if changes < CHANGES:
            author = ("Anna Chef", "Bo Kollega")[k % 2]
            text = text_of(edit.paragraph(start))
            at = text.index(" och ", 10)
            if k % 3 == 0:
                edit.replace(start, " och ", " samt ", author)
            elif k % 3 == 1:
                edit.delete(start, text[at : at + 4], author)
            else:
                edit.insert(start, text[:at], " gärna", author)
            changes += 1
        elif comments < COMMENTS:
            edit.comment(start, start[:12], "Greta", f"Kommentar {k}")
            comments += 1
    for start in unique[: COMMENTS - comments]:  # too few paragraphs left: on changed ones
        edit.comment(start[:10], start[:8], "Greta", "Kommentar")
        comments += 1
    edit.last_modified_by("Greta Granskare")
    edit.save()
    return changes, comments


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "granskad.docx"
        draft = big_draft()
        export_draft(draft, lambda sha: b"", path, Settings())
        changes, comments = reviewed(path)
        size = path.stat().st_size
        doctypes = load_doctypes()
        with Store.open(folder / "t.db") as store:
            draft_id = store.create_draft(draft)
            found = receive_docx_for_review(store, draft_id, path)
            print(
                f"  a {size / 1000:.0f} KB .docx with {changes} tracked changes and {comments} "
                f"comments: {len(found)} changes proposed, "
                f"{len(store.load_draft(draft_id).comments)} comments added"
            )
            # The two taken in turns, so that the machine's speed drifting (it does, on a
            # shared one) weighs on both alike.
            import_document(path, doctypes)  # warmed up, as the receiving is by the first
            times, floors = [], []
            for _ in range(11):
                store.save_draft(draft_id, draft)  # the comments not there yet: added again
                gc.collect()  # neither pays for the other's garbage
                start = time.perf_counter()
                receive_docx_for_review(store, draft_id, path)
                times.append((time.perf_counter() - start) * 1000)
                gc.collect()
                start = time.perf_counter()
                import_document(path, doctypes)
                floors.append((time.perf_counter() - start) * 1000)
            ours, base = statistics.median(times), statistics.median(floors)
        report("receive a reviewed 100 KB .docx", ours, 3 * base, "plain import", base)
        within = ours <= 3 * base
        print(f"  within 3 times the floor: {'met' if within else 'MISSED'}")
    return 0 if within else 1


if __name__ == "__main__":
    raise SystemExit(main())

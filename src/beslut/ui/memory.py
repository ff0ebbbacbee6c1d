"""The open draft's objects kept out of Python's cyclic garbage collector while it is open.

With a 100 KB draft open, a full collection walks hundreds of thousands of objects (its
model, the editor's caches and widgets): 115 ms measured here, on the GUI thread, in the
middle of typing or of spelling. Frozen, they are still freed by their reference counts
when the draft closes; release() hands them back to the collector for the cycles.
"""

from __future__ import annotations

import gc


def hold() -> None:
    """The draft is open: what lives now lives as long as it (no full collection walks
    it). Only where the collector runs (the app turns it on once it is shown)."""
    if gc.isenabled():
        gc.freeze()


def release() -> None:
    """The draft closes: the collector may look at its objects again."""
    gc.unfreeze()
    if gc.isenabled():
        gc.collect(1)  # what is young goes now; the old go with the next full collection

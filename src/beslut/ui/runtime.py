"""How the app's Python threads share the interpreter.

Background jobs (a decision on a review, the granskning, an import) are Python threads
beside the GUI thread. When the GUI thread needs the interpreter while one of them runs
Python, it waits until that thread is asked to hand it over: after Python's switch
interval, 5 ms by default, and again at each of the many times a turn of the event loop
calls into Python. Measured with benchmarks/bench_decide.py, turns with nothing of ours
on the GUI thread took 13-15 ms while a decision ran on the worker; with 1 ms, 7-9 ms.
"""

from __future__ import annotations

import sys

SWITCH_INTERVAL_S = 0.001


def share_interpreter() -> None:
    """Let the GUI thread have the interpreter back soon after it asks (call once, at
    start; the command line keeps Python's default)."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)

"""Regular expressions that come from the user or the template folder, run with a time limit.

A Dnr pattern is typed in the settings or written in checks.toml. Python's ``re`` cannot
be stopped, and a pattern such as ``([A-Z ]+)+[0-9]+/[0-9]+`` backtracks for seconds,
then minutes, as the Dnr grows: in the granskning, in the export's gate and on the GUI
thread at every keystroke. Such patterns run with the ``regex`` package, which has a
``timeout``: a match that takes longer than ``TIMEOUT`` raises PatternTooSlow with a
Swedish message instead of hanging. When a pattern is saved or read, it is also tried on
a few strings of the kind that make backtracking explode, and refused when one of them
takes too long.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from beslut.errors import BeslutError
from beslut.i18n import _

TIMEOUT = 0.2  # seconds one match of a user's pattern may take
MAX_PATTERN = 500  # characters: a Dnr pattern is far shorter
MAX_SUBJECT = 200  # characters of a Dnr tried against the pattern; a longer one never fits
# Strings that make a backtracking pattern explode: a run of one kind of character that
# a repeated group takes in many ways, ended by a character that makes the match fail.
_RUN = 40
_PROBE_CHARS = "Aa0 .-/:Å_"
_PROBE_ENDS = ("", "!", "\x00", "/")


class PatternTooSlow(BeslutError):
    """A user's pattern that took longer than TIMEOUT on one string."""


def too_slow(pattern: str) -> PatternTooSlow:
    message = _(
        "Dnr-mönstret tar för lång tid att pröva (mer än {seconds} sekunder på ett "
        "diarienummer). Förenkla mönstret, till exempel utan en upprepning inuti en annan "
        "som ([A-Z ]+)+."
    ).format(seconds=str(TIMEOUT).replace(".", ","))
    return PatternTooSlow(message, f"pattern {pattern!r} timed out after {TIMEOUT} s")


@lru_cache(maxsize=16)
def _compiled(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern, regex.VERSION0)


def bounded_fullmatch(pattern: str, text: str) -> bool:
    """True when all of ``text`` matches ``pattern``; PatternTooSlow after TIMEOUT seconds.
    ``pattern`` must have passed pattern_problem."""
    if len(text) > MAX_SUBJECT:
        return False
    try:
        return _compiled(pattern).fullmatch(text, timeout=TIMEOUT) is not None
    except TimeoutError as exc:
        raise too_slow(pattern) from exc


def pattern_problem(pattern: str, example: str = "") -> str | None:
    """Why ``pattern`` cannot be used as a Dnr pattern, in Swedish, or None when it can.

    It must compile, be at most MAX_PATTERN characters, and answer within TIMEOUT on
    ``example`` and on strings that make backtracking explode.
    """
    if len(pattern) > MAX_PATTERN:
        return _("mönstret är längre än {limit} tecken").format(limit=MAX_PATTERN)
    try:
        _compiled(pattern)
    except (regex.error, OverflowError, RecursionError, ValueError) as exc:
        return _("mönstret är inte ett giltigt uttryck ({why})").format(why=exc)
    try:
        for text in _probes(example):
            bounded_fullmatch(pattern, text)
    except PatternTooSlow as exc:
        return exc.user_message
    return None


def _probes(example: str) -> list[str]:
    found = [example] if example else []
    for char in _PROBE_CHARS:
        for end in _PROBE_ENDS:
            found.append(char * _RUN + end)
            found.append("KS " + (char + " ") * (_RUN // 2) + end)
    return found

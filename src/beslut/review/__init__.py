"""Reviewing a received draft change by change: propose, accept, reject (no Qt)."""

from beslut.review.apply import accept, decide, reject, shift_spans
from beslut.review.changes import AuthoredSpan, Change, Kind, propose

__all__ = ["AuthoredSpan", "Change", "Kind", "accept", "decide", "propose", "reject", "shift_spans"]

"""The nämnd's own texts from the tjänsteutlåtanden (no Qt): the kallelse entry of each
ärende, a kallelse of several, and the protokollsutdrag skeleton.

The nämndsekreterare types the same facts again today; beslut holds the parts and writes
both exactly: the kallelse entry (ärendemening, Dnr, a short Sammanfattning,
"Förvaltningens förslag till beslut" with the numbered points) and the protokollsutdrag
(a § to fill in, ärendemening, Dnr, "Ärendet" from the Sammanfattning, "Beslut" with the
points as the nämnd's decision, and "Beslutsunderlag": the TU with its date and its
bilagor). The decision points are taken as they stand: the granskning already checks that
they read as the nämnd's decision (no "att", no reference to the TU), and a finding of
those rules that remains is said in ``notes``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from beslut.checks.swedish import long_date
from beslut.doctypes.loader import DocType
from beslut.errors import BeslutError
from beslut.i18n import _
from beslut.model.draft import Draft

SUMMARY = "sammanfattning"
SHORT_WORDS = 60  # a kallelse entry's Sammanfattning: whole sentences up to about this
DECISION_RULES = "decision."  # the granskning rules on the decision points ("decision.att", ...)


class MeetingError(BeslutError):
    """Drafts that cannot share one kallelse (another nämnd or sammanträde)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One ärende as the kallelse lists it."""

    number: int
    title: str
    dnr: str
    summary: str
    decision_heading: str
    decisions: tuple[str, ...]
    notes: tuple[str, ...] = ()  # decision-rule findings that remain, for the secretary


@dataclass(frozen=True, slots=True)
class Kallelse:
    """The agenda of a sammanträde: its nämnd, date and ärenden in order."""

    namnd: str
    meeting_date: dt.date | None
    entries: tuple[Entry, ...]

    @property
    def heading(self) -> str:
        """ "Kallelse till Idrottsnämndens sammanträde 5 januari 2027" (document text:
        Swedish in any language of the app)."""
        name = self.namnd or "nämnden"
        owner = name if name.endswith("s") else f"{name}s"
        when = f" {long_date(self.meeting_date)}" if self.meeting_date else ""
        return f"Kallelse till {owner} sammanträde{when}"


@dataclass(frozen=True, slots=True)
class Utdrag:
    """The protokollsutdrag skeleton of one ärende."""

    namnd: str
    meeting_date: dt.date | None
    title: str
    dnr: str
    arendet: tuple[str, ...]  # the Sammanfattning's paragraphs
    decisions: tuple[str, ...]
    underlag: tuple[str, ...]  # Beslutsunderlag: the TU with its date, then the bilagor
    notes: tuple[str, ...] = ()


def _summary_paragraphs(draft: Draft) -> tuple[str, ...]:
    section = draft.section(SUMMARY)
    if section is None:
        return ()
    return tuple(b.text.strip() for b in section.blocks if b.text.strip())


def short_summary(draft: Draft, words: int = SHORT_WORDS) -> str:
    """The Sammanfattning's first paragraph, cut after the sentence that passes about
    ``words`` words (never inside a sentence)."""
    from beslut.checks import default_config
    from beslut.checks.lexicon import lexicon_for
    from beslut.checks.tokens import sentences

    paragraphs = _summary_paragraphs(draft)
    if not paragraphs:
        return ""
    first = paragraphs[0]
    counted, end = 0, len(first)
    # The granskning's own sentences, which know "bl.a." and "t.ex." end none.
    for sentence in sentences(first, lexicon_for(default_config()).abbreviations):
        counted += sentence.words
        if counted >= words:
            end = sentence.end
            break
    return first[:end].strip()


def decision_notes(draft: Draft, doctype: DocType | None) -> tuple[str, ...]:
    """The findings of the decision rules that remain, as lines for the output."""
    from beslut.checks import run_checks

    report = run_checks(draft, doctype=doctype)
    found = [f for f in report.findings if f.rule.startswith(DECISION_RULES)]
    return tuple(
        _("Beslutspunkt {n}: {message}").format(n=(f.location.index or 0) + 1, message=f.message)
        for f in found
    )


def entry(draft: Draft, doctype: DocType | None, number: int = 1) -> Entry:
    """The kallelse entry of one ärende."""
    heading = doctype.decision_heading if doctype else "Förvaltningens förslag till beslut"
    return Entry(
        number,
        draft.meta.title,
        draft.meta.dnr,
        short_summary(draft),
        heading,
        tuple(d.strip() for d in draft.decisions if d.strip()),
        decision_notes(draft, doctype),
    )


def kallelse(drafts: Sequence[tuple[Draft, DocType | None]]) -> Kallelse:
    """The kallelse of ``drafts`` in the order given, numbered from 1. Every draft must
    be for the same nämnd and sammanträde."""
    if not drafts:
        raise MeetingError(_("Välj minst ett utkast till kallelsen."), "no drafts")
    first = drafts[0][0].meta
    for draft, _doctype in drafts[1:]:
        meta = draft.meta
        if meta.namnd != first.namnd or meta.meeting_date != first.meeting_date:
            message = _(
                "”{title}” gäller {namnd} {date}, inte {first_namnd} {first_date}. En "
                "kallelse gäller ett sammanträde: välj utkast för samma nämnd och datum."
            )
            raise MeetingError(
                message.format(
                    title=meta.title,
                    namnd=meta.namnd or "–",
                    date=meta.meeting_date or "–",
                    first_namnd=first.namnd or "–",
                    first_date=first.meeting_date or "–",
                ),
                "drafts for different meetings",
            )
    entries = tuple(entry(d, t, n) for n, (d, t) in enumerate(drafts, start=1))
    return Kallelse(first.namnd, first.meeting_date, entries)


def utdrag(draft: Draft, doctype: DocType | None) -> Utdrag:
    """The protokollsutdrag skeleton of one ärende."""
    meta = draft.meta
    dated = f" daterat {long_date(meta.date)}" if meta.date else ""
    numbered = enumerate(draft.attachments, start=1)  # a bilaga keeps its number in the TU
    bilagor = tuple(f"Bilaga {n}. {a.title}" for n, a in numbered if a.title)
    underlag = (f"Tjänsteutlåtande{dated}", *bilagor)
    return Utdrag(
        meta.namnd,
        meta.meeting_date,
        meta.title,
        meta.dnr,
        _summary_paragraphs(draft),
        tuple(d.strip() for d in draft.decisions if d.strip()),
        underlag,
        decision_notes(draft, doctype),
    )

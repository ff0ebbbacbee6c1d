"""The Word styles of a tjänsteutlåtande, one table used both ways (no Qt).

Export writes each kind of paragraph in the first of its styles that the template has;
import reads a paragraph in a TU's own style (the first name of each kind) as that kind,
so what beslut writes, beslut reads back. Names are as Word stores them, in English
whatever the language of the user's Word ("heading 1", "List Number"); compare them in
lower case.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """A kind of paragraph in a TU, as the template styles it (export's Role)."""

    TITLE = "title"
    SUBTITLE = "subtitle"
    FACT = "fact"  # a line of the first page's facts (Dnr, datum, ...)
    FACT_HEADING = "fact_heading"  # the name before a fact ("Handläggare")
    HEADING = "heading"  # a part's heading
    SUBHEADING = "subheading"
    SUBSUBHEADING = "subsubheading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    BULLET_2 = "bullet_2"
    BULLET_3 = "bullet_3"
    NUMBERED = "numbered"
    NUMBERED_2 = "numbered_2"
    NUMBERED_3 = "numbered_3"
    DECISION = "decision"
    ATTACHMENT = "attachment"
    SIGNATURE = "signature"
    SIGNATURE_TITLE = "signature_title"


# For each kind, the style names export tries in order; the first is the TU's own.
STYLES: dict[Kind, tuple[str, ...]] = {
    Kind.TITLE: ("Title", "heading 1"),
    Kind.SUBTITLE: ("Subtitle", "Body Text", "Normal"),
    Kind.FACT: ("Uppgift", "Body Text", "Normal"),
    Kind.FACT_HEADING: ("Uppgiftsrubrik", "Uppgift", "Body Text", "Normal"),
    Kind.HEADING: ("heading 1",),
    Kind.SUBHEADING: ("heading 2",),
    Kind.SUBSUBHEADING: ("heading 3", "heading 2"),
    Kind.PARAGRAPH: ("Body Text", "Normal"),
    Kind.BULLET: ("List Bullet",),
    Kind.BULLET_2: ("List Bullet 2", "List Bullet"),
    Kind.BULLET_3: ("List Bullet 3", "List Bullet"),
    Kind.NUMBERED: ("List Number",),
    Kind.NUMBERED_2: ("List Number 2", "List Number"),
    Kind.NUMBERED_3: ("List Number 3", "List Number"),
    Kind.DECISION: ("Beslutspunkt", "List Number"),
    Kind.ATTACHMENT: ("Bilaga", "List Number"),
    Kind.SIGNATURE: ("Underskrift", "Body Text", "Normal"),
    Kind.SIGNATURE_TITLE: ("Underskrift titel", "Body Text", "Normal"),
}


def own_style(kind: Kind) -> str:
    """The TU's own style for ``kind``, in lower case as import compares it."""
    return STYLES[kind][0].lower()

"""Personal data: personnummer, contact details, addresses and names of private persons
do not belong in a document that is published.

What is the organisation's own is never flagged: the handläggare's phone and e-mail in
the draft, the user's and the organisation's details in the settings (CheckConfig's
own_details), and the names of the signatories, the handläggare and the politicians in
politiker.txt (CheckConfig's known_people).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from beslut.checks.context import Context
from beslut.checks.findings import Severity
from beslut.checks.people import first_names
from beslut.checks.personal_data import (
    Span,
    email_domain,
    find_addresses,
    find_emails,
    find_names,
    find_phones,
    normalized,
    phone_digits,
)
from beslut.checks.personnummer import (
    PERSONNUMMER,
    POSSIBLE,
    SAMORDNINGSNUMMER,
    find_id_numbers,
)
from beslut.checks.rules.base import Hit, rule
from beslut.i18n import N_, _

PREFIX = "personal."  # every rule here: what a publication copy masks

# Mail services anyone can use: an address there says nothing about the organisation.
PUBLIC_MAIL = frozenset(
    {"gmail.com", "hotmail.com", "hotmail.se", "outlook.com", "outlook.se", "live.se",
     "live.com", "yahoo.com", "yahoo.se", "icloud.com", "me.com", "msn.com", "telia.com",
     "spray.se", "bredband.net", "comhem.se", "protonmail.com", "proton.me", "aol.com"}
)  # fmt: skip


def _published() -> str:
    return _("Tjänsteutlåtandet blir en allmän handling som kan publiceras:")


def _numbers(ctx: Context, kind: str, message: str) -> Iterator[Hit]:
    for unit in ctx.units:
        for hit in find_id_numbers(unit.text):
            if hit.kind == kind:
                number = unit.text[hit.start : hit.end]
                yield Hit(unit.location.span(hit.start, hit.end), message.format(number=number))


@rule("personal.personnummer", Severity.VARNING, N_("Personnummer i texten"))
def personnummer(ctx: Context) -> Iterator[Hit]:
    """Numbers anywhere in the text that pass the personnummer check (date and Luhn digit)."""
    message = _(
        "”{number}” ser ut som ett personnummer. Tjänsteutlåtandet blir en allmän "
        "handling: ta bort numret."
    )
    return _numbers(ctx, PERSONNUMMER, message)


@rule("personal.samordningsnummer", Severity.VARNING, N_("Samordningsnummer i texten"))
def samordningsnummer(ctx: Context) -> Iterator[Hit]:
    """Valid numbers whose day is 60 more than the date's: samordningsnummer."""
    message = _(
        "”{number}” ser ut som ett samordningsnummer. Tjänsteutlåtandet blir en allmän "
        "handling: ta bort numret."
    )
    return _numbers(ctx, SAMORDNINGSNUMMER, message)


@rule("personal.mojligt_personnummer", Severity.VARNING, N_("Möjliga personnummer i texten"))
def possible_personnummer(ctx: Context) -> Iterator[Hit]:
    """A personnummer's shape and a real date, but a wrong check digit: a typo, maybe."""
    message = _(
        "”{number}” har formen av ett personnummer men kontrollsiffran stämmer inte. Är "
        "det ett personnummer med ett skrivfel, ta bort numret."
    )
    return _numbers(ctx, POSSIBLE, message)


@rule("personal.epost", Severity.VARNING, N_("E-postadresser som inte är förvaltningens"))
def emails(ctx: Context) -> Iterator[Hit]:
    """E-mail addresses other than the organisation's (its addresses and its domain)."""
    own = _own_emails(ctx)
    domains = {email_domain(a) for a in own} - PUBLIC_MAIL - {""}
    message = _("{published} ta bort e-postadressen ”{value}” om den är en privatpersons.")

    def is_own(value: str) -> bool:
        domain = email_domain(value)
        return value.lower() in own or any(domain == d or domain.endswith("." + d) for d in domains)

    return _found(ctx, find_emails, is_own, message)


@rule("personal.telefon", Severity.VARNING, N_("Telefonnummer som inte är förvaltningens"))
def phones(ctx: Context) -> Iterator[Hit]:
    """Phone numbers other than the handläggare's and the organisation's."""
    own = {phone_digits(v[a:b]) for v in _own_details(ctx) for a, b in find_phones(v)}
    message = _("{published} ta bort telefonnumret ”{value}” om det är en privatpersons.")

    def find(text: str) -> Iterator[Span]:
        numbers = [(h.start, h.end) for h in find_id_numbers(text)]
        return (s for s in find_phones(text) if not _overlaps(s, numbers))

    return _found(ctx, find, lambda value: phone_digits(value) in own, message)


@rule("personal.adress", Severity.VARNING, N_("Gatuadresser i texten"))
def addresses(ctx: Context) -> Iterator[Hit]:
    """Street addresses and postcodes, except the organisation's own."""
    own = [_squeezed(v) for v in _own_details(ctx)]
    message = _("{published} ta bort adressen ”{value}” om den är en privatpersons.")

    def is_own(value: str) -> bool:
        squeezed = _squeezed(value)
        return any(squeezed in detail for detail in own)

    return _found(ctx, find_addresses, is_own, message)


@rule("personal.namn", Severity.TIPS, N_("Namn på privatpersoner"))
def names(ctx: Context) -> Iterator[Hit]:
    """A first name followed by a capitalised word, unless it is a known person's."""
    known = [normalized(n).split() for n in _known_people(ctx)]
    names_list = first_names()
    message = _("{published} ”{value}” kan vara namnet på en privatperson: ta bort det i så fall.")

    def find(text: str) -> Iterator[Span]:
        places = list(find_addresses(text))
        return (s for s in find_names(text, names_list) if not _overlaps(s, places))

    return _found(ctx, find, lambda value: _is_known(normalized(value).split(), known), message)


def _found(
    ctx: Context,
    find: Callable[[str], Iterable[Span]],
    is_own: Callable[[str], bool],
    message: str,
) -> Iterator[Hit]:
    for unit in ctx.units:
        for start, end in find(unit.text):
            value = unit.text[start:end]
            if not is_own(value):
                text = message.format(published=_published(), value=value)
                yield Hit(unit.location.span(start, end), text)


def _own_details(ctx: Context) -> list[str]:
    person = ctx.draft.meta.handlaggare
    return [person.telefon, person.epost, *ctx.config.own_details]


def _own_emails(ctx: Context) -> set[str]:
    found = {detail[a:b].lower() for detail in _own_details(ctx) for a, b in find_emails(detail)}
    for detail in ctx.config.own_details:  # the web site's domain: "https://www.x.se"
        host = re.sub(r"^[a-z]+://", "", detail.strip().lower()).split("/")[0]
        if "." in host and "@" not in host and " " not in host:
            found.add("@" + host.removeprefix("www."))
    return found


def _known_people(ctx: Context) -> list[str]:
    draft = ctx.draft
    return [draft.meta.handlaggare.name, *(s.name for s in draft.signatories),
            *ctx.config.known_people]  # fmt: skip


def _is_known(words: list[str], known: list[list[str]]) -> bool:
    """True when the candidate's words are a known person's name: the whole name, its
    start ("Anna Svensson" of "Anna Svensson Berg") or its first and last name."""
    for name in known:
        if len(name) < 2:
            continue
        if words[: len(name)] == name or name[: len(words)] == words:
            return True
        if words[0] == name[0] and words[-1] == name[-1]:
            return True
    return False


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in others)


def _squeezed(value: str) -> str:
    return "".join(ch for ch in value.lower() if ch.isalnum())

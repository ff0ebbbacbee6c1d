"""The command line's reuse: ``phrases --part KEY|beslut --search TEXT``, the points and
paragraphs of one's other drafts and the organisation's wording, best first, through
workflow/phrases.py as the app's search field (no Qt)."""

from __future__ import annotations

import argparse
import json
import sys

from beslut.cli.common import EXIT_OK, local_time, notices, open_store
from beslut.i18n import _, ngettext

SHORT = 100  # characters of a hit's text on its line


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``phrases`` to ``sub``."""
    p = sub.add_parser(
        "phrases",
        help=_("hitta beslutspunkter och stycken i dina andra utkast att återanvända"),
    )
    p.add_argument(
        "--part",
        required=True,
        metavar=_("DEL"),
        help=_("delen: beslut för Förslag till beslut, annars delens nyckel (som bakgrund)"),
    )
    p.add_argument("--search", default="", metavar=_("TEXT"), help=_("ord att söka efter"))
    p.add_argument(
        "--draft",
        type=int,
        metavar=_("ID"),
        help=_("utkastet du skriver: dess egen text visas inte, liknande utkast först"),
    )
    p.add_argument("--limit", type=int, default=20, metavar="N", help=_("högst så många träffar"))
    p.add_argument("--json", action="store_true", help=_("utdata som JSON"))
    p.set_defaults(func=cmd_phrases)


def cmd_phrases(args: argparse.Namespace) -> int:
    from beslut.settings import load_settings
    from beslut.workflow.phrases import find_phrases
    from beslut.workflow.templates import available_doctypes

    with open_store(args) as store:
        current = None if args.draft is None else store.load_draft(args.draft)
        offered = available_doctypes(load_settings(store))
        notices(offered.notices)
        hits = find_phrases(
            store,
            args.part,
            args.search,
            current=current,
            current_id=args.draft,
            doctypes=offered.types,
            limit=max(args.limit, 0),
        )
    if args.json:
        rows = [hit.as_json() for hit in hits]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    if not hits:
        print(_("Inga träffar."))
    for hit in hits:
        line = _short(hit.text)
        if hit.similar:
            similar = ngettext("({n} liknande)", "({n} liknande)", hit.similar)
            line += " " + similar.format(n=hit.similar)
        if hit.standard:
            source = _("organisationens formulering")
        else:
            source = f"{hit.title or '–'}, {local_time(hit.date)[:10]}"
        print(f"{line} – {source}")
    return EXIT_OK


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHORT else text[: SHORT - 1] + "…"

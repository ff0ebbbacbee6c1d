"""The command line's review change by change: ``changes ID``, ``accept ID N...|--all``
and ``reject ID N...|--all``, through workflow/changes.py (no Qt)."""

from __future__ import annotations

import argparse
import json
import sys

from beslut.cli.common import EXIT_OK, EXIT_USAGE, open_store
from beslut.i18n import _, ngettext


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``changes``, ``accept`` and ``reject`` to ``sub``."""
    draft = _("ID")
    p = sub.add_parser(
        "changes", help=_("lista de föreslagna ändringarna i en mottagen granskning")
    )
    p.add_argument("id", type=int, metavar=draft)
    p.add_argument("--json", action="store_true", help=_("utdata som JSON"))
    p.set_defaults(func=cmd_changes)
    for name, helptext, accept in (
        ("accept", _("godta ändringar i en mottagen granskning"), True),
        ("reject", _("avvisa ändringar i en mottagen granskning"), False),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("id", type=int, metavar=draft)
        p.add_argument("numbers", type=int, nargs="*", metavar="N", help=_("ändringarnas nummer"))
        p.add_argument("--all", action="store_true", help=_("alla ändringar som är kvar"))
        p.set_defaults(func=cmd_decide, accept=accept)


def cmd_changes(args: argparse.Namespace) -> int:
    from beslut.review import Kind
    from beslut.workflow.changes import changes, describe_change

    with open_store(args) as store:
        found = changes(store, args.id)
        draft = store.load_draft(args.id)
        review = store.get_review(args.id)
    if args.json:
        rows = [
            {
                "number": c.number,
                "kind": c.kind.value,
                "part": c.location.part,
                "index": c.location.index,
                "field": c.location.field,
                "start": c.location.start,
                "end": c.location.end,
                "new_index": c.new_index,
                "where": describe_change(c, draft, draft if review is None else review.received),
                "old": c.old,
                "new": c.new,
                "author": c.author,
            }
            for c in found
        ]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    if review is None:
        print(_("Utkastet {id} har ingen granskning som väntar.").format(id=args.id))
        return EXIT_OK
    if not found:
        print(_("Granskningen har inga ändringar kvar."))
    for c in found:
        where = describe_change(c, draft, review.received)
        print(f"{c.number:3}. {where} – {c.kind.label} ({c.author})")
        if c.kind is Kind.MOVE_BLOCK:  # the same text at both places
            print(f"     ”{_short(c.old)}”")
        else:
            print(f"     ”{_short(c.old)}” → ”{_short(c.new)}”")
    return EXIT_OK


def _short(text: str, limit: int = 160) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cmd_decide(args: argparse.Namespace) -> int:
    from beslut.workflow.changes import decide

    if args.all == bool(args.numbers):
        message = _("Ange ändringarnas nummer eller --all.")
        print("beslut: " + message, file=sys.stderr)
        return EXIT_USAGE
    with open_store(args) as store:
        done = decide(store, args.id, None if args.all else args.numbers, accept=args.accept)
    n = done.decided
    if args.accept:
        verb = ngettext("Godtog {n} ändring.", "Godtog {n} ändringar.", n)
    else:
        verb = ngettext("Avvisade {n} ändring.", "Avvisade {n} ändringar.", n)
    print(verb.format(n=n))
    if done.revision is not None:
        message = _("Granskningen är klar; texten finns som version {revision}.")
        print(message.format(revision=done.revision))
    else:
        left = ngettext("{n} ändring kvar.", "{n} ändringar kvar.", done.left)
        print(left.format(n=done.left))
    return EXIT_OK

"""The command line's versions: list, keep, compare and restore a draft's versions,
through the same workflow as the app's Versioner view (workflow/versions.py)."""

from __future__ import annotations

import argparse
import json
import sys

from beslut.cli.common import EXIT_INPUT, EXIT_OK, EXIT_USAGE, local_time, open_store
from beslut.i18n import _, ngettext


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``versions``, ``save-version``, ``diff`` and ``restore`` to ``sub``."""
    draft = _("ID")
    p = sub.add_parser("versions", help=_("lista ett utkasts versioner, den nyaste först"))
    p.add_argument("id", type=int, metavar=draft)
    p.add_argument("--json", action="store_true", help=_("utdata som JSON"))
    p.set_defaults(func=cmd_versions)
    p = sub.add_parser("save-version", help=_("spara utkastets text som en version"))
    p.add_argument("id", type=int, metavar=draft)
    p.add_argument("--label", default="", metavar=_("TEXT"), help=_("versionens namn"))
    p.set_defaults(func=cmd_save_version)
    p = sub.add_parser(
        "diff", help=_("visa vad som ändrats, ord för ord, med borttaget och tillagt markerat")
    )
    p.add_argument("id", type=int, metavar=draft)
    p.add_argument(
        "--from",
        dest="old",
        type=int,
        metavar=_("VERSION"),
        help=_("den äldre versionen (som standard den senaste)"),
    )
    p.add_argument(
        "--to",
        dest="new",
        type=int,
        metavar=_("VERSION"),
        help=_("den nyare versionen (som standard nuvarande text)"),
    )
    p.set_defaults(func=cmd_diff)
    p = sub.add_parser(
        "restore", help=_("gå tillbaka till en version (nuvarande text sparas först som version)")
    )
    p.add_argument("id", type=int, metavar=draft)
    p.add_argument("revision", type=int, metavar=_("VERSION"))
    p.set_defaults(func=cmd_restore)


def add_replace_arguments(p: argparse.ArgumentParser) -> None:
    """``import-json FILE --replace ID [--force]``: a reviewed version comes back."""
    p.add_argument(
        "--replace",
        type=int,
        metavar=_("ID"),
        help=_(
            "ta emot filen som en granskad version av utkastet: dess ändringar väntar på "
            "att godtas eller avvisas (beslut changes/accept/reject)"
        ),
    )
    p.add_argument(
        "--force", action="store_true", help=_("ta emot även om filen gäller ett annat ärende")
    )
    p.add_argument(
        "--reviewer",
        default="",
        metavar=_("NAMN"),
        help=_("vem som granskade (som standard filens namn)"),
    )


def cmd_receive(args: argparse.Namespace) -> int:
    """Take a reviewed version in as a pending review: the draft is untouched until its
    changes are accepted (``beslut changes/accept/reject``)."""
    from pathlib import Path

    from beslut.workflow.changes import receive_docx_for_review, receive_for_review
    from beslut.workflow.review import ReviewMismatch

    if len(args.files) != 1:
        print("beslut: " + _("--replace tar en fil åt gången."), file=sys.stderr)
        return EXIT_USAGE
    path = Path(args.files[0])
    with open_store(args) as store:
        before = len(store.load_draft(args.replace).comments)
        try:
            if path.suffix.lower() == ".docx":  # a review done in Word
                found = receive_docx_for_review(
                    store, args.replace, path, reviewer=args.reviewer, force=args.force
                )
            else:
                found = receive_for_review(
                    store, args.replace, path, reviewer=args.reviewer, force=args.force
                )
            added = len(store.load_draft(args.replace).comments) - before
        except ReviewMismatch as exc:
            print(f"beslut: {exc.question}", file=sys.stderr)
            print(
                "beslut: " + _("Inget togs emot. Ange --force för att ta emot ändå."),
                file=sys.stderr,
            )
            return EXIT_INPUT
    message = _(
        "Den granskade versionen väntar med {n} föreslagna ändringar; utkastet {id} är "
        "oförändrat. Se dem med ”beslut changes {id}” och godta eller avvisa dem med "
        "”beslut accept/reject {id} N…|--all”."
    )
    print(message.format(n=len(found), id=args.replace))
    if added:
        print(
            ngettext(
                "{n} kommentar från filen lades till i utkastet.",
                "{n} kommentarer från filen lades till i utkastet.",
                added,
            ).format(n=added)
        )
    return EXIT_OK


def cmd_versions(args: argparse.Namespace) -> int:
    from beslut.workflow.versions import list_versions

    with open_store(args) as store:
        versions = list_versions(store, args.id)
    if args.json:
        rows = [
            {"id": v.id, "created": v.created, "label": v.label, "made": v.made.value}
            for v in versions
        ]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    if not versions:
        print(_("Utkastet {id} har inga versioner än.").format(id=args.id))
    for v in versions:
        print(f"{v.id:5}  {local_time(v.created)}  {v.made_label:<20} {v.label}")
    return EXIT_OK


def cmd_save_version(args: argparse.Namespace) -> int:
    from beslut.workflow.versions import save_version

    with open_store(args) as store:
        print(save_version(store, args.id, args.label))
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from beslut.diff import render_plain
    from beslut.workflow.versions import compare_versions

    with open_store(args) as store:
        parts = compare_versions(store, args.id, args.old, args.new)
    sys.stdout.write(render_plain(parts))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from beslut.workflow.versions import restore_version

    with open_store(args) as store:
        kept = restore_version(store, args.id, args.revision)
    message = _(
        "Utkastet {id} har texten från version {revision}; texten före finns som version {kept}."
    )
    print(message.format(id=args.id, revision=args.revision, kept=kept))
    return EXIT_OK

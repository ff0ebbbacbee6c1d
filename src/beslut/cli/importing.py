"""The command line's import: existing tjänsteutlåtanden in Word, PDF or text become
drafts (``beslut import FILE...``), read and recognised by the same core as the app's
Arkiv > Importera dokument…"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from beslut.cli.common import EXIT_INPUT, EXIT_OK, open_store
from beslut.i18n import _


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``import FILE... [--type KEY] [--preview]`` to the subcommands ``sub``."""
    p = sub.add_parser(
        "import", help=_("importera tjänsteutlåtanden från Word (.docx), PDF eller text")
    )
    p.add_argument("files", nargs="+", metavar=_("FIL"))
    p.add_argument(
        "--type",
        metavar=_("TYP"),
        help=_("dokumenttypen (t.ex. remissvar) i stället för den som känns igen"),
    )
    p.add_argument(
        "--preview",
        action="store_true",
        help=_("visa vad som känns igen i varje fil utan att skapa något"),
    )
    from beslut.cli.versions import add_replace_arguments

    add_replace_arguments(p)  # a review done in Word comes back: FILE.docx --replace ID
    p.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    """Import the files: all or none; print each new draft's id (--preview: what was
    recognised, and create nothing)."""
    from beslut.settings import load_settings
    from beslut.workflow.importing import read_files, store_imported, summary
    from beslut.workflow.templates import available_doctypes

    if args.replace is not None:
        from beslut.cli.versions import cmd_receive

        return cmd_receive(args)
    with open_store(args) as store:
        settings = load_settings(store)
        types = [d.key for d in available_doctypes(settings).types]
        if args.type is not None and args.type not in types:
            message = _("Dokumenttypen ”{key}” finns inte. Välj en av: {keys}.")
            keys = ", ".join(types)
            print("beslut: " + message.format(key=args.type, keys=keys), file=sys.stderr)
            return EXIT_INPUT
        paths = [Path(name) for name in args.files]
        read = read_files(paths, settings, args.type, database=store.path)
        if read.problems:
            for problem in read.problems:
                print(f"beslut: {problem}", file=sys.stderr)
            print("beslut: " + _("inget utkast importerades."), file=sys.stderr)
            return EXIT_INPUT
        if args.preview:
            for item in read.imported:
                print(item.path.name)
                print("\n".join(f"  {line}" for line in summary(item, read.doctypes)))
            return EXIT_OK
        for draft_id in store_imported(store, read.imported):
            print(draft_id)
    return EXIT_OK

"""The command line's argument parser, with every subcommand (built only for a command:
a plain start of the app parses its few arguments without it)."""

from __future__ import annotations

import argparse

from beslut import __version__, argparse_sv
from beslut.cli import publish, tracked
from beslut.cli.app_args import CommandOrFile
from beslut.cli.drafts import (
    cmd_check,
    cmd_export,
    cmd_export_json,
    cmd_import_json,
    cmd_list,
    cmd_show,
)
from beslut.i18n import _


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    argparse_sv.install()
    parser = argparse.ArgumentParser(
        prog="beslut",
        description=_("Skriv tjänsteutlåtanden till nämnden. Utan kommando startar programmet."),
    )
    parser.add_argument("--version", action="version", version=f"beslut {__version__}")
    file, draft_or_file = _("FIL"), _("ID|FIL")
    draft_or_file_help = _("utkastets nummer eller en utkastfil (.json)")
    parser.add_argument("--db", metavar=file, help=_("databasen att använda (annars BESLUT_DB)"))
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help=_("starta programmet, visa huvudfönstret och avsluta direkt (för kontroller)"),
    )
    parser.set_defaults(file=None)
    sub = parser.add_subparsers(
        dest="command",
        action=CommandOrFile,
        metavar=_("UTKASTFIL | KOMMANDO"),
        help=_("en utkastfil (.beslut) att öppna i programmet, eller ett av kommandona"),
    )

    p = sub.add_parser("list", help=_("lista utkast"))
    p.add_argument(
        "--search", "-s", metavar=_("TEXT"), help=_("visa bara utkast som innehåller TEXT")
    )
    p.add_argument("--json", action="store_true", help=_("skriv listan som JSON"))
    p.add_argument("--trash", action="store_true", help=_("lista papperskorgen"))
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help=_("visa ett utkast som text"))
    p.add_argument("id", metavar=draft_or_file, help=draft_or_file_help)
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("import-json", help=_("importera utkastfiler"))
    p.add_argument("files", nargs="+", metavar=file)
    from beslut.cli import versions

    versions.add_replace_arguments(p)
    p.set_defaults(func=cmd_import_json)

    p = sub.add_parser("export-json", help=_("spara ett utkast som utkastfil"))
    p.add_argument("id", metavar=draft_or_file)
    p.add_argument("-o", "--output", required=True, metavar=file, help=_("filen (- för stdout)"))
    p.set_defaults(func=cmd_export_json)

    p = sub.add_parser("export", help=_("exportera ett utkast till Word i stadens mall"))
    p.add_argument("id", metavar=draft_or_file, help=draft_or_file_help)
    p.add_argument(
        "-o", "--output", required=True, metavar=file, help=_("Word-filen (.docx) eller en mapp")
    )
    p.add_argument("--pdf", action="store_true", help=_("gör också en PDF/A med LibreOffice"))
    p.add_argument(
        "--attachments", action="store_true", help=_("spara bilagorna bredvid Word-filen")
    )
    p.add_argument(
        "--comments",
        action="store_true",
        help=_("ta med utkastets kommentarer som Word-kommentarer (inte för nämndens kopia)"),
    )
    p.add_argument("--template", metavar=file, help=_("en egen Wordmall i stället för stadens"))
    p.add_argument(
        "--force",
        action="store_true",
        help=_(
            "exportera även om granskningen hittar fel eller personnummer, och skriv över "
            "filer med samma namn"
        ),
    )
    tracked.add_argument(p)
    publish.add_arguments(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("check", help=_("granska ett utkast (avslutar med 1 om fel finns)"))
    p.add_argument("id", metavar=draft_or_file, help=draft_or_file_help)
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help=_("utdata som text eller JSON")
    )
    publish.add_check_argument(p)
    p.set_defaults(func=cmd_check)

    from beslut.cli import backup, changes, importing, namnd, phrases

    importing.add_parser(sub)
    versions.add_parsers(sub)
    changes.add_parsers(sub)
    namnd.add_parsers(sub)
    backup.add_parser(sub)
    phrases.add_parser(sub)
    return parser

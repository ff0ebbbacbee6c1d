"""The command line: ``beslut`` starts the app; ``beslut <command>`` works on the store.

This module and everything it imports at the top stay free of Qt; the GUI is imported
only when no subcommand is given. Its text is marked for translation like the app's, but
the command line always speaks Swedish (it never calls ``set_language``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from beslut import __version__, argparse_sv, cli_tracked
from beslut.cli_args import CommandOrFile, names_a_draft_file
from beslut.errors import BeslutError
from beslut.i18n import _
from beslut.settings import load_settings
from beslut.store import Store, resolve_db_path
from beslut.store.paths import data_dir
from beslut.store.seed import seed_example

if TYPE_CHECKING:
    from beslut.model.draft import Draft

log = logging.getLogger("beslut")

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2

Command = Callable[[argparse.Namespace], int]


def open_store(args: argparse.Namespace) -> Store:
    """The store chosen by --db / BESLUT_DB / the default, created with the example."""
    path = resolve_db_path(getattr(args, "db", None))
    return Store.open(path, seed=seed_example, on_wait=_tell_waiting_for_restore)


def _tell_waiting_for_restore() -> None:
    message = _("Väntar på att databasen ska återställas klart från en säkerhetskopia …")
    print(message, file=sys.stderr, flush=True)


def load_draft_source(
    source: str, args: argparse.Namespace, store: Store | None = None
) -> tuple[Draft, dict[str, bytes]]:
    """A draft and its bilaga files, from a store id ("12") or a draft file ("x.json").

    An open ``store`` is used for an id; without one the store is opened for it.
    """
    if source.isdigit():
        if store is None:
            with open_store(args) as opened:
                return load_draft_source(source, args, opened)
        draft = store.load_draft(int(source))
        return draft, store.files_for(draft)
    path = Path(source)
    if not path.is_file():
        message = _("”{source}” är varken numret på ett utkast eller en fil som finns.")
        raise BeslutError(message.format(source=source), f"no draft id or file: {source}")
    return read_draft_file(path, None if store is None else store.path)


def read_draft_file(path: Path, database: Path | None) -> tuple[Draft, dict[str, bytes]]:
    """Read a draft file, naming the file in any message (as the app reads one); never
    one of the files of ``database``."""
    from beslut.workflow.files import read_draft_file as read

    return read(path, database)


# --- commands ------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    """List drafts, optionally filtered by a search."""
    with open_store(args) as store:
        drafts = store.list_drafts(args.search, trash=args.trash)
    if args.json:
        import json

        print(json.dumps([d.as_json() for d in drafts], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not drafts:
        print(_("Inga utkast hittades.") if args.search else _("Det finns inga utkast."))
        return EXIT_OK
    for d in drafts:
        when = _local_time(d.modified)
        print(f"{d.id:>5}  {when}  {d.status:<10}  {d.dnr:<16}  {d.namnd:<24}  {d.title}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    """Print a draft as readable text."""
    from beslut.cli_show import render_text

    draft, _files = load_draft_source(args.id, args)
    print(render_text(draft))
    return EXIT_OK


def cmd_import_json(args: argparse.Namespace) -> int:
    """Import draft files: all or none, so a bad file never leaves half an import."""
    if args.replace is not None:
        from beslut.cli_versions import cmd_receive

        return cmd_receive(args)
    loaded, problems = [], []
    for name in args.files:
        try:
            loaded.append(read_draft_file(Path(name), resolve_db_path(args.db)))
        except BeslutError as exc:
            problems.append(exc.user_message)
    if problems:
        for message in problems:
            print(f"beslut: {message}", file=sys.stderr)
        print("beslut: " + _("inget utkast importerades."), file=sys.stderr)
        return EXIT_INPUT
    with open_store(args) as store:
        for draft_id in store.create_drafts(loaded):
            print(draft_id)
    return EXIT_OK


def cmd_export_json(args: argparse.Namespace) -> int:
    """Write a stored draft, bilaga files included, to a draft file."""
    from beslut.export.safe_write import write_bytes
    from beslut.model.jsonio import dumps

    draft, files = load_draft_source(args.id, args)
    text = dumps(draft, files)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        write_bytes(Path(args.output), text.encode("utf-8"))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Export a draft to Word in the city template; optionally PDF/A and the bilagor.

    A stored draft's export is kept as a version of it, as the app does. A fel or a
    personnummer left in the text stops the export unless --force is given.
    """
    from beslut.workflow.checking import check_draft
    from beslut.workflow.exporting import export_draft, export_stored
    from beslut.workflow.gate import export_gate

    template = Path(args.template) if args.template else None
    target = Path(args.output)
    with open_store(args) as store:  # the draft, and the organisation's template and footer
        settings = load_settings(store)
        if args.id.isdigit():
            draft_id = int(args.id)
            draft = store.load_draft(draft_id)
            present = store.has_files(ref.sha256 for ref in draft.file_refs())
        else:
            draft_id, (draft, files) = None, load_draft_source(args.id, args, store)
            present = set(files)
        checked = check_draft(draft, settings, present)
        _notices(checked.notices)
        gate = export_gate(checked.report)
        if gate.stops and not args.force:
            print("beslut: " + gate.refusal(), file=sys.stderr)
            return EXIT_INPUT
        if gate.stops:
            print("beslut: " + gate.reasons(), file=sys.stderr)
        from beslut.store.ownfiles import refuse_database_file

        for written in (target, target.with_suffix(".pdf")):  # a draft file's too
            refuse_database_file(written, store.path)
        options = {"pdf": args.pdf, "attachments": args.attachments, "template": template}
        since = cli_tracked.changes_since(args, draft_id)
        if draft_id is not None:
            exported = export_stored(
                store, draft_id, target, settings, draft=draft, changes_since=since, **options
            )
        else:
            exported = export_draft(draft, files, target, settings, **options)
    for path in exported.written:
        print(path)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Run the granskning checks; exit code 1 when a finding of severity fel remains."""
    from beslut.checks.report import exit_code, format_json, format_text
    from beslut.workflow.checking import check_draft

    with open_store(args) as store:  # the draft, and the user's Dnr pattern, rules, templates
        settings = load_settings(store)
        draft, files = load_draft_source(args.id, args, store)
    checked = check_draft(draft, settings, set(files))
    _notices(checked.notices)
    findings = checked.report.findings
    if args.format == "json":
        sys.stdout.write(format_json(findings))
    else:
        sys.stdout.write(format_text(findings, draft, checked.doctype))
    return exit_code(findings)


def _notices(notices: Sequence[str]) -> None:
    """What the user should know (a fallback template folder or type), on stderr."""
    for notice in notices:
        print(f"beslut: {notice}", file=sys.stderr)


def _local_time(stamp: str) -> str:
    try:
        return dt.datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


# --- the parser ----------------------------------------------------------------------


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
    from beslut import cli_versions

    cli_versions.add_replace_arguments(p)
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
    p.add_argument("--template", metavar=file, help=_("en egen Wordmall i stället för stadens"))
    p.add_argument(
        "--force",
        action="store_true",
        help=_("exportera även om granskningen hittar fel eller personnummer"),
    )
    cli_tracked.add_argument(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("check", help=_("granska ett utkast (avslutar med 1 om fel finns)"))
    p.add_argument("id", metavar=draft_or_file, help=draft_or_file_help)
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help=_("utdata som text eller JSON")
    )
    p.set_defaults(func=cmd_check)

    from beslut import cli_backup, cli_import, cli_namnd

    cli_import.add_parser(sub)
    cli_versions.add_parsers(sub)
    cli_namnd.add_parsers(sub)
    cli_backup.add_parser(sub)
    return parser


def app_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of a plain start of the app, ``[--db FIL] [--smoke-test] [UTKASTFIL]``
    in any order, as build_parser() parses them, but without building every subcommand's
    parser (that costs start-up time). None for anything else: a command, --help, an
    abbreviation or a mistake, which the full parser then handles."""
    values: dict[str, object] = {"db": None, "smoke_test": False, "command": None, "file": None}
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--smoke-test":
            values["smoke_test"] = True
        elif arg.startswith("--db="):
            values["db"] = arg.removeprefix("--db=")
        elif arg == "--db" and rest and not rest[0].startswith("-"):
            values["db"] = rest.pop(0)
        elif values["file"] is None and names_a_draft_file(arg):
            values["file"] = arg
        else:
            return None
    return argparse.Namespace(**values)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; with no command, start the desktop app."""
    args = app_arguments(sys.argv[1:] if argv is None else argv)
    if args is None:
        args = build_parser().parse_args(argv)
    if args.command is not None:
        gc.enable()  # python -m beslut loads with the collector off (__main__.py)
    func: Command = start_gui if args.command is None else args.func
    try:
        return func(args)
    except BeslutError as exc:
        log.debug("%s", exc.detail)
        print(f"beslut: {exc.user_message}", file=sys.stderr)
        from beslut import cli_backup

        hint = cli_backup.damaged_database_hint(exc, args.db)
        if hint is not None:
            print(f"beslut: {hint}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        log_file = _log_crash()
        message = _("ett oväntat fel inträffade ({name}). Detaljer finns i {path}.")
        print("beslut: " + message.format(name=type(exc).__name__, path=log_file), file=sys.stderr)
        return EXIT_INPUT


def start_gui(args: argparse.Namespace) -> int:
    """Start the desktop app (imports Qt only now)."""
    # Start-up creates thousands of Qt enum and class objects; collecting garbage in
    # between only costs time. The app turns the collector back on once it is shown.
    gc.disable()
    try:
        from beslut.ui.app import run
    except ImportError as exc:  # Qt itself, or a system library it needs, is missing
        gc.enable()
        raise BeslutError(
            _(
                "Det grafiska programmet kan inte starta: {why}. På Debian/Ubuntu saknas "
                "troligen ett systembibliotek; 'python3 dev.py run' säger vilket."
            ).format(why=exc),
            repr(exc),
        ) from exc
    result: int = run(args)
    return result


def _log_crash() -> Path:
    """Append the current exception's traceback to the log file; returns its path."""
    path = data_dir() / "beslut.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return path
    log.addHandler(handler)
    log.exception("unexpected error")
    log.removeHandler(handler)
    handler.close()
    return path

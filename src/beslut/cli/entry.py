"""Where the command line starts: a plain start of the app, or a command; and what the
user is told when either fails (no Qt until the app starts)."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from beslut.cli.app_args import names_a_draft_file
from beslut.cli.common import EXIT_INPUT, Command
from beslut.errors import BeslutError
from beslut.i18n import _
from beslut.store.paths import data_dir

log = logging.getLogger("beslut")
# The speller's child process (beslut.spelling.server.SERVER_FLAG, not imported: start-up).
SPELLING_SERVER = "--spelling-server"


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
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments[:1] == [SPELLING_SERVER]:  # the frozen app's speller process
        from beslut.spelling.server import main as serve_spelling

        return serve_spelling(arguments[1:])
    utf8_output()
    args = app_arguments(arguments)
    if args is None:
        from beslut.cli.parser import build_parser

        args = build_parser().parse_args(argv)
    if args.command is not None:
        gc.enable()  # python -m beslut loads with the collector off (__main__.py)
    func: Command = start_gui if args.command is None else args.func
    try:
        return func(args)
    except BeslutError as exc:
        log.debug("%s", exc.detail)
        print(f"beslut: {exc.user_message}", file=sys.stderr)
        from beslut.cli.backup import damaged_database_hint

        hint = damaged_database_hint(exc, args.db)
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
        raise BeslutError(qt_missing_message(exc, sys.platform), repr(exc)) from exc
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


def qt_missing_message(exc: ImportError, platform: str) -> str:
    """What to do when Qt cannot load, said for the user's own system."""
    if platform == "win32":
        return _(
            "Det grafiska programmet kan inte starta: {why}. En fil som hör till beslut "
            "saknas eller är skadad. Installera om beslut, eller be IT-supporten om hjälp."
        ).format(why=exc)
    return _(
        "Det grafiska programmet kan inte starta: {why}. På Debian/Ubuntu saknas "
        "troligen ett systembibliotek; 'python3 dev.py run' säger vilket."
    ).format(why=exc)


def utf8_output() -> None:
    """Output that goes to a file or a pipe is UTF-8, as docs/draft-format.md promises,
    whatever the system's code page (Windows writes redirected output in cp1252, which
    cannot hold every character of a draft). A console gets its own encoding."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            if stream.isatty():
                continue
            reconfigure(encoding="utf-8", errors="strict" if stream is sys.stdout else "replace")
        except (OSError, ValueError) as exc:  # a closed or unusual stream
            log.debug("cannot make %s UTF-8: %s", stream, exc)

"""The command line's nämnd documents: ``beslut kallelse ID... -o OUT.docx`` and
``beslut protokoll ID -o OUT.docx`` (a .txt target gets plain text), through the same
workflow as the app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from beslut.cli.common import EXIT_OK, open_store
from beslut.i18n import _
from beslut.namnd.texts import Kallelse

if TYPE_CHECKING:
    from beslut.namnd.texts import Utdrag
    from beslut.settings import Settings
    from beslut.store import Store


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "kallelse", help=_("kallelse till sammanträdet: ärendena i den ordning de anges")
    )
    p.add_argument("ids", nargs="+", type=int, metavar=_("ID"))
    _output(p)
    p.set_defaults(func=cmd_kallelse)
    p = sub.add_parser("protokoll", help=_("protokollsutdrag för ett ärende, att fylla i"))
    p.add_argument("id", type=int, metavar=_("ID"))
    _output(p)
    p.set_defaults(func=cmd_protokoll)


def _output(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar=_("FIL"),
        help=_("Word-filen (.docx) eller en textfil (.txt)"),
    )


def cmd_kallelse(args: argparse.Namespace) -> int:
    from beslut.workflow.namnd import kallelse_of

    return _write(args, lambda store, settings: kallelse_of(store, args.ids, settings))


def cmd_protokoll(args: argparse.Namespace) -> int:
    from beslut.workflow.namnd import utdrag_of

    return _write(args, lambda store, settings: utdrag_of(store, args.id, settings))


def _write(args: argparse.Namespace, make: Callable[[Store, Settings], Kallelse | Utdrag]) -> int:
    from beslut.settings import load_settings
    from beslut.workflow.namnd import write_document

    with open_store(args) as store:
        settings = load_settings(store)
        doc = make(store, settings)
    notes = (
        [n for e in doc.entries for n in e.notes] if isinstance(doc, Kallelse) else list(doc.notes)
    )
    for note in notes:
        print("beslut: " + note, file=sys.stderr)
    print(write_document(doc, Path(args.output), settings, store.path))
    return EXIT_OK

"""``beslut export --changes-since VERSION``: the option and its check, kept out of cli.py."""

from __future__ import annotations

import argparse

from beslut.errors import BeslutError
from beslut.i18n import _


def add_argument(parser: argparse.ArgumentParser) -> None:
    """Add --changes-since to the export command's ``parser``."""
    parser.add_argument(
        "--changes-since",
        type=int,
        metavar=_("VERSION"),
        help=_("markera ändringarna sedan versionen som spårade ändringar i Word-filen"),
    )


def changes_since(args: argparse.Namespace, draft_id: int | None) -> int | None:
    """The version to mark the changes since; only a stored draft has versions."""
    revision: int | None = args.changes_since
    if revision is not None and draft_id is None:
        message = _("--changes-since gäller ett sparat utkast (ett ID), inte en utkastfil.")
        raise BeslutError(message, "--changes-since with a draft file")
    return revision

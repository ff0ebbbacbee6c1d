"""The command line: ``beslut`` starts the app; ``beslut <command>`` works on the store.

One module a concern: entry.py (where it starts), parser.py (the arguments), common.py
(what the commands share: exit codes, the store, a draft by id or file), and one module
per group of commands. The package and everything it imports at the top stay free of
Qt; the GUI is imported only when no command is given, and a plain start of the app
loads neither the parser nor the commands. Its text is marked for translation like the
app's, but the command line always speaks Swedish (it never calls ``set_language``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from beslut.cli.entry import app_arguments, main, start_gui

if TYPE_CHECKING:
    import argparse

__all__ = ["app_arguments", "build_parser", "main", "start_gui"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand (parser.py, loaded only now)."""
    from beslut.cli.parser import build_parser as build

    return build()

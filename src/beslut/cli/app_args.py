"""The top-level positional of the command line: a command, or a draft file to open in
the app (``beslut FIL``, the command a double-click on a .beslut file runs).

argparse alone cannot have an optional positional beside the subcommands (it gives a
lone argument to the subcommands, which refuse a name that is not theirs), so the
subcommands' action takes a draft file too. Qt-free, and cheap to import (start-up time).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from beslut.i18n import _

# The subcommands' names (build_parser makes them; a test keeps the two the same).
COMMANDS = (
    "list",
    "show",
    "import-json",
    "export-json",
    "export",
    "check",
    "import",
    "versions",
    "save-version",
    "diff",
    "restore",
    "changes",
    "accept",
    "reject",
    "kallelse",
    "protokoll",
    "backup",
    "phrases",
)

DRAFT_FILE_SUFFIXES = (".beslut", ".json")


def names_a_draft_file(arg: str) -> bool:
    """Whether a top-level argument that is no command names a draft file to open
    (``beslut FIL``): it ends in .beslut or .json, has a folder in it, or is a file that
    exists. Anything else is a mistyped command, which argparse reports as one."""
    if not arg or arg.startswith("-") or arg in COMMANDS:
        return False
    if arg.lower().endswith(DRAFT_FILE_SUFFIXES) or "/" in arg or "\\" in arg:
        return True
    return os.path.isfile(arg)


class _CommandsOrFile:
    """The choices of the top-level positional: a command's name, or a draft file."""

    def __init__(self, commands: Mapping[str, object]) -> None:
        self._commands = commands

    def __contains__(self, value: object) -> bool:
        return value in self._commands or (isinstance(value, str) and names_a_draft_file(value))

    def __iter__(self) -> Iterator[str]:
        return iter(self._commands)


if TYPE_CHECKING:
    _SubParsersAction = argparse._SubParsersAction[argparse.ArgumentParser]
else:  # not subscriptable at run time
    _SubParsersAction = argparse._SubParsersAction


class CommandOrFile(_SubParsersAction):
    """The top-level positional: a command and its arguments, or a draft file to open in
    the app (``beslut FIL``: how a double-click on a .beslut file starts it), which sets
    ``file`` and leaves ``command`` None. The options may follow the file too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # argparse checks the value against the choices before it calls the action; the
        # stubs have them as the commands' dict, but only ``in`` and iteration are used.
        self.choices = _CommandsOrFile(self._name_parser_map)  # type: ignore[assignment]

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        assert isinstance(values, list) and values
        if getattr(namespace, "file", None) is not None:
            parser.error(_("ange en utkastfil att öppna eller ett kommando, inte flera"))
        if values[0] in self._name_parser_map:
            super().__call__(parser, namespace, values, option_string)
            return
        namespace.file = values[0]
        # What follows the file is the top level's options (``beslut FIL --db X``); a
        # second file or a command there comes back here and is refused above.
        _namespace, extras = parser.parse_known_args(values[1:], namespace)
        if extras:
            unrecognized = vars(namespace).setdefault(argparse._UNRECOGNIZED_ARGS_ATTR, [])
            unrecognized.extend(extras)

"""The name lists the personal-data check reads: the shipped first names and the
organisation's politicians (politiker.txt in the template folder, one name a line)."""

from __future__ import annotations

import functools
from pathlib import Path

from beslut.errors import BeslutError
from beslut.i18n import _
from beslut.listfile import ListFileProblem, read_list_lines

POLITICIANS_NAME = "politiker.txt"
FIRST_NAMES = ("names", "fornamn.txt")  # in beslut/data: see the file's own header
MAX_LIST_BYTES = 1024 * 1024  # a nämnd's politicians fit in a few kB
MAX_NAME = 100  # characters in one name


class NameListError(BeslutError):
    """A politiker.txt that cannot be read."""


@functools.cache
def first_names() -> frozenset[str]:
    """Swedish first names (Isof's 500 most common of each sex, through Faker: MIT)."""
    from beslut.resources import data_folder

    path = data_folder(*FIRST_NAMES[:-1]) / FIRST_NAMES[-1]
    return frozenset(_lines(path.read_text(encoding="utf-8")))


def read_names(path: Path) -> tuple[str, ...]:
    """The names of a list file: one a line, UTF-8, "#" starts a comment."""
    try:
        lines = read_list_lines(path, MAX_LIST_BYTES)
    except ListFileProblem as exc:
        raise _error(path, exc.what, exc.detail) from exc
    return tuple(dict.fromkeys(name for name in lines if len(name) <= MAX_NAME))


def _lines(text: str) -> list[str]:
    names = (" ".join(line.split("#", 1)[0].split()) for line in text.splitlines())
    return [name for name in names if name and len(name) <= MAX_NAME]


def organisation_politicians(template_dir: Path | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The politicians listed in the organisation's folder, and notices when the list
    cannot be used (the check then goes on without it)."""
    if template_dir is None:
        return (), ()
    path = template_dir / POLITICIANS_NAME
    try:
        if not path.is_file():
            return (), ()
        return read_names(path), ()
    except OSError as exc:
        return (), (_error(path, _("filen kan inte läsas"), repr(exc)).user_message,)
    except NameListError as exc:
        return (), (exc.user_message,)


def _error(path: Path, what: str, detail: str) -> NameListError:
    message = _("Listan över politiker {path} kan inte användas: {problem}.")
    return NameListError(message.format(path=path, problem=what), f"{path}: {detail}")

"""Reading a TOML file of the template folder with limits, and its fields by type.

The organisation's shared folder is written by hand and may hold anything: a file nested
hundreds of levels deep (tomllib then runs out of stack), a huge file, a string where a
list belongs (a string is iterable: ``standard = "Nämnden beslutar"`` became one decision
per letter). Every problem becomes TomlProblem with Swedish words for the user, naming
the field; the callers (document types, checks.toml) put the file's name before them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from beslut.i18n import _

MAX_TOML = 1024 * 1024  # bytes: the shipped files are a few KB
MAX_TEXT = 20_000  # characters in one text (guidance and examples are the longest)
MAX_LINE = 200  # characters in a name, heading, key or file name
MAX_ITEMS = 1000  # entries in one list


class TomlProblem(Exception):
    """Why a TOML file or one of its fields cannot be used, in Swedish (``str()``)."""


def read_toml(path: Path) -> dict[str, Any]:
    """The parsed file, or TomlProblem: too large, not UTF-8, not TOML, nested too deep."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_TOML + 1)
    except OSError as exc:
        why = exc.strerror or exc
        raise TomlProblem(_("filen kan inte öppnas ({why})").format(why=why)) from exc
    if len(data) > MAX_TOML:
        raise TomlProblem(_("filen är större än {limit} kB").format(limit=MAX_TOML // 1024))
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:  # a file saved as ANSI (cp1252), not UTF-8
        raise TomlProblem(_("filen är inte sparad som UTF-8")) from exc
    except tomllib.TOMLDecodeError as exc:
        raise TomlProblem(_("filen är inte giltig TOML ({why})").format(why=exc)) from exc
    except RecursionError as exc:  # tomllib reads nested lists and tables recursively
        raise TomlProblem(_("filen har listor eller tabeller i för många nivåer")) from exc


class FieldProblem(TomlProblem):
    """A field of the wrong kind; ``field`` names it ("sections nr 2.heading")."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(_("”{field}” {problem}").format(field=field, problem=problem))
        self.field = field


def _name(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def table(data: Mapping[str, Any], key: str, where: str = "") -> Mapping[str, Any]:
    """The table ``key`` ({} when absent)."""
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise FieldProblem(_name(where, key), _("ska vara en tabell ([{key}])").format(key=key))
    return value


def tables(data: Mapping[str, Any], key: str, where: str = "") -> list[Mapping[str, Any]]:
    """The array of tables ``key`` ([[key]]; [] when absent)."""
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise FieldProblem(
            _name(where, key), _("ska vara en lista av tabeller ([[{key}]])").format(key=key)
        )
    if len(value) > MAX_ITEMS:
        raise FieldProblem(_name(where, key), _too_many())
    return value


def text(
    data: Mapping[str, Any],
    key: str,
    where: str = "",
    default: str | None = None,
    limit: int = MAX_LINE,
) -> str:
    """The text ``key``; required when ``default`` is None."""
    name = _name(where, key)
    if key not in data:
        if default is None:
            raise FieldProblem(name, _("saknas (ett obligatoriskt fält)"))
        return default
    value = data[key]
    if not isinstance(value, str):
        raise FieldProblem(name, _("ska vara en text inom citattecken"))
    if len(value) > limit:
        raise FieldProblem(name, _("är längre än {limit} tecken").format(limit=limit))
    return value


def strings(
    data: Mapping[str, Any], key: str, where: str = "", limit: int = MAX_TEXT
) -> tuple[str, ...]:
    """The list of texts ``key`` (() when absent): a single text is refused, not split."""
    name = _name(where, key)
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        example = _('till exempel {key} = ["…", "…"]').format(key=key)
        raise FieldProblem(
            name, _("ska vara en lista med texter ({example})").format(example=example)
        )
    if len(value) > MAX_ITEMS:
        raise FieldProblem(name, _too_many())
    if any(len(v) > limit for v in value):
        raise FieldProblem(
            name, _("har en text som är längre än {limit} tecken").format(limit=limit)
        )
    return tuple(value)


def flag(data: Mapping[str, Any], key: str, where: str = "", default: bool = False) -> bool:
    """The truth value ``key`` (true or false without quotes)."""
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise FieldProblem(_name(where, key), _("ska vara true eller false (utan citattecken)"))
    return value


def _too_many() -> str:
    return _("har fler än {limit} poster").format(limit=MAX_ITEMS)

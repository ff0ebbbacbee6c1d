"""Hostile draft files, written by the tests themselves (issue 22): each with the words
its refusal must hold. The model, command-line and app tests read the same files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from beslut.model.jsonlimits import MAX_DEPTH, MAX_FILE_BYTES, MAX_ITEMS

_HEAD = b'{"format": "beslut-draft", "format_version": 2, '


def _deep(path: Path) -> None:
    path.write_bytes(_HEAD + b'"meta": {"title": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}")


def _deep_and_broken(path: Path) -> None:
    """Nested 100,000 deep, with an unterminated string after it: the pre-scan leaves a
    file whose quotes do not pair to json, which must still not end in RecursionError."""
    path.write_bytes(_HEAD + b'"x": ' + b"[" * 100_000 + b"]" * 100_000 + b', "y": "')


def nested(depth: int) -> bytes:
    """A draft whose unknown field "x" makes it ``depth`` deep (the draft's own object
    counted), lists and objects taking turns, with text between them."""
    value: object = "[{"
    for level in range(depth - 1):
        value = ["}]", value] if level % 2 else {"a": value, "b": "]]"}
    return json.dumps({"format": "beslut-draft", "format_version": 2, "x": value}).encode()


def _just_too_deep(path: Path) -> None:
    path.write_bytes(nested(MAX_DEPTH + 1))


def _long_int(path: Path) -> None:
    block = b'{"kind": "numbered", "start": ' + b"9" * 5000 + b', "runs": []}'
    path.write_bytes(
        _HEAD + b'"sections": [{"key": "a", "heading": "A", "blocks": [' + block + b"]}]}"
    )


def _negative_long_int(path: Path) -> None:
    path.write_bytes(b'{"format": "beslut-draft", "format_version": -' + b"1" * 5000 + b"}")


def _over_size(path: Path) -> None:
    with path.open("wb") as stream:  # sparse: nothing is written but the size
        stream.write(_HEAD)
        stream.truncate(MAX_FILE_BYTES + 1)


def _many_items(path: Path) -> None:
    path.write_bytes(_HEAD + b'"decisions": [' + b'"x",' * MAX_ITEMS + b'"x"]}')


HOSTILE: dict[str, tuple[Callable[[Path], object], str]] = {
    "deep": (_deep, f"fler än {MAX_DEPTH} nivåer"),
    "deep-and-broken": (_deep_and_broken, f"fler än {MAX_DEPTH} nivåer"),
    "just-too-deep": (_just_too_deep, f"fler än {MAX_DEPTH} nivåer"),
    "long-int": (_long_int, "ett tal med 5000 siffror"),
    "negative-long-int": (_negative_long_int, "ett tal med 5000 siffror"),
    "over-size": (_over_size, f"högst {MAX_FILE_BYTES // 2**20} MB"),
    "many-items": (_many_items, "fler än 500 000 delar"),
    "invalid-utf-8": (
        lambda p: p.write_bytes(_HEAD + b'"meta": {"title": "\xff\xfe"}}'),
        "inte giltig JSON",
    ),
    "nan": (lambda p: p.write_bytes(b'{"format": "beslut-draft", "format_version": NaN}'), "NaN"),
    "infinity": (
        lambda p: p.write_bytes(_HEAD + b'"meta": {"title": Infinity}}'),
        "värdet Infinity",
    ),
    "minus-infinity": (
        lambda p: p.write_bytes(_HEAD + b'"decisions": [-Infinity]}'),
        "värdet -Infinity",
    ),
    "meta-a-list": (lambda p: p.write_bytes(_HEAD + b'"meta": []}'), "meta: ett objekt väntades"),
    "sections-an-object": (
        lambda p: p.write_bytes(_HEAD + b'"sections": {"a": 1}}'),
        "sections: en lista väntades",
    ),
    "text-a-number": (
        lambda p: p.write_bytes(_HEAD + b'"decisions": [1.5e308]}'),
        "decisions[0]: text väntades",
    ),
    "a-list-not-a-draft": (lambda p: p.write_bytes(b"[1, 2, 3]"), "ett objekt väntades"),
    "empty": (lambda p: p.write_bytes(b""), "inte giltig JSON"),
}


def write_hostile(folder: Path, name: str) -> tuple[Path, str]:
    """The hostile file ``name`` in ``folder``, and the words its refusal must hold."""
    write, words = HOSTILE[name]
    path = folder / f"{name}.beslut"
    write(path)
    return path, words

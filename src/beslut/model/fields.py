"""Type checks for the model's fields: a wrong value fails where it enters, naming its field."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from itertools import repeat
from typing import TypeVar

__all__ = [
    "ModelTypeError",
    "ModelValueError",
    "check_date",
    "check_enum",
    "check_int",
    "check_items",
    "wrong",
]

_T = TypeVar("_T")
_E = TypeVar("_E", bound=StrEnum)


class ModelTypeError(TypeError):
    """A model object was given a value of the wrong type: the program's fault, not the user's.

    The message is English and names the class, the field and the type that came, e.g.
    ``Draft.decisions[0] must be str, not bool``.
    """


class ModelValueError(ValueError):
    """A model object was given a value of the right type but outside its range (a list
    level of 5, say): the program's fault, or a draft file's, which jsonio says first."""


def wrong(owner: object, name: str, expected: str, value: object) -> ModelTypeError:
    """The error for field ``name`` of ``owner`` holding ``value`` instead of ``expected``."""
    return ModelTypeError(
        f"{type(owner).__name__}.{name} must be {expected}, not {type(value).__name__}"
    )


def check_int(owner: object, name: str, value: object) -> int:
    """``value`` if it is an int (a bool is not)."""
    if isinstance(value, int) and value is not True and value is not False:
        return value
    raise wrong(owner, name, "int", value)


def check_date(owner: object, name: str, value: object) -> dt.date | None:
    """``value`` if it is a date (not a datetime) or None."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    raise wrong(owner, name, "date or None", value)


def check_enum(owner: object, name: str, cls: type[_E], value: object) -> _E:
    """``value`` as a member of ``cls``: a member, or a member's value (else ValueError)."""
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        return cls(value)
    raise wrong(owner, name, f"{cls.__name__} or str", value)


def check_items(owner: object, name: str, value: object, item_type: type[_T]) -> tuple[_T, ...]:
    """``value`` as a tuple: any iterable (not a str) whose items are all ``item_type``."""
    if type(value) is tuple:
        result: tuple[object, ...] = value
    elif isinstance(value, str | bytes):
        raise wrong(owner, name, f"a tuple of {item_type.__name__}", value)
    else:
        try:
            iterator = iter(value)  # type: ignore[call-overload]
        except TypeError:
            raise wrong(owner, name, f"a tuple of {item_type.__name__}", value) from None
        result = tuple(iterator)
    if not all(map(isinstance, result, repeat(item_type))):
        index, item = next((i, x) for i, x in enumerate(result) if not isinstance(x, item_type))
        raise wrong(owner, f"{name}[{index}]", item_type.__name__, item)
    return result  # type: ignore[return-value]  # every item was checked above

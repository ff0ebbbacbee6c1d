"""The draft of a tjänsteutlåtande as plain Python objects (no Qt).

The names below load on first use, so that ``beslut.model.status`` can be imported
at start-up without building the whole model (its dataclasses cost start-up time).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # explicit re-exports for type checkers and linters
    from beslut.model.comments import Comment as Comment
    from beslut.model.comments import Reply as Reply
    from beslut.model.comments import next_comment_id as next_comment_id
    from beslut.model.draft import Attachment as Attachment
    from beslut.model.draft import Block as Block
    from beslut.model.draft import BlockKind as BlockKind
    from beslut.model.draft import Draft as Draft
    from beslut.model.draft import FileRef as FileRef
    from beslut.model.draft import Metadata as Metadata
    from beslut.model.draft import Person as Person
    from beslut.model.draft import Run as Run
    from beslut.model.draft import Section as Section
    from beslut.model.draft import Signatory as Signatory
    from beslut.model.draft import copy_of as copy_of
    from beslut.model.fields import ModelTypeError as ModelTypeError
    from beslut.model.fields import ModelValueError as ModelValueError
    from beslut.model.status import Status as Status
    from beslut.model.text import clean_text as clean_text

_HOMES = {
    "Attachment": "draft",
    "Block": "draft",
    "BlockKind": "draft",
    "Comment": "comments",
    "Reply": "comments",
    "next_comment_id": "comments",
    "Draft": "draft",
    "FileRef": "draft",
    "Metadata": "draft",
    "Person": "draft",
    "Run": "draft",
    "Section": "draft",
    "Signatory": "draft",
    "copy_of": "draft",
    "ModelTypeError": "fields",
    "ModelValueError": "fields",
    "Status": "status",
    "clean_text": "text",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'beslut.model' has no attribute {name!r}")
    return getattr(importlib.import_module(f"beslut.model.{home}"), name)

"""The draft of a tjänsteutlåtande as plain Python objects (no Qt)."""

from beslut.model.draft import (
    Attachment,
    Block,
    BlockKind,
    Draft,
    FileRef,
    Metadata,
    Person,
    Run,
    Section,
    Signatory,
    Status,
)
from beslut.model.text import clean_text

__all__ = [
    "Attachment",
    "Block",
    "BlockKind",
    "Draft",
    "FileRef",
    "Metadata",
    "Person",
    "Run",
    "Section",
    "Signatory",
    "Status",
    "clean_text",
]

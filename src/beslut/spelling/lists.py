"""The words spelling accepts beyond the dictionary: the organisation's word list
(ordlista.txt in the template folder: places, nämnder, abbreviations), the user's own
list (in the database) and the names in the draft's own particulars."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from beslut.errors import BeslutError
from beslut.i18n import _
from beslut.listfile import ListFileProblem, read_list_lines
from beslut.model.draft import Draft
from beslut.spelling.words import name_words

WORD_LIST_NAME = "ordlista.txt"
MAX_LIST_BYTES = 4 * 1024 * 1024  # a list of 200,000 words is ~3 MB
MAX_LIST_WORD = 100  # characters in one entry


class WordListError(BeslutError):
    """An ordlista.txt that cannot be read."""


def clean_word(text: str) -> str:
    """A word as a list keeps it: no surrounding spaces; "" when it is no word."""
    word = text.strip()
    if not word or len(word) > MAX_LIST_WORD or any(c.isspace() for c in word):
        return ""
    return word


def read_word_list(path: Path) -> frozenset[str]:
    """The words of an ordlista.txt: one a line, UTF-8, "#" starts a comment."""
    try:
        lines = read_list_lines(path, MAX_LIST_BYTES)
    except ListFileProblem as exc:
        raise _error(path, exc.what, exc.detail) from exc
    return frozenset(w for w in map(clean_word, lines) if w)


def organisation_words(template_dir: Path | None) -> tuple[frozenset[str], tuple[str, ...]]:
    """The organisation's word list, and notices when it cannot be used."""
    if template_dir is None or not (template_dir / WORD_LIST_NAME).is_file():
        return frozenset(), ()
    try:
        return read_word_list(template_dir / WORD_LIST_NAME), ()
    except WordListError as exc:
        return frozenset(), (exc.user_message,)


def _error(path: Path, what: str, detail: str) -> WordListError:
    message = _("Ordlistan {path} kan inte användas: {problem}.")
    return WordListError(message.format(path=path, problem=what), f"{path}: {detail}")


def draft_names(draft: Draft) -> frozenset[str]:
    """The words of the draft's particulars: nämnd, förvaltning, avdelning, the
    handläggare and the underskrifter; never marked as misspelled."""
    meta = draft.meta
    values: list[str] = [
        meta.namnd,
        meta.forvaltning,
        meta.avdelning,
        meta.handlaggare.name,
        meta.handlaggare.epost,
    ]
    values += [value for s in draft.signatories for value in (s.name, s.title)]
    return name_words(values)


@dataclass(frozen=True, slots=True)
class WordLists:
    """The user's own words and the organisation's."""

    personal: frozenset[str] = frozenset()
    organisation: frozenset[str] = frozenset()

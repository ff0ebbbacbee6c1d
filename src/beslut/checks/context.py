"""What every rule reads: the draft, the settings, the document type and shared tokenization."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from beslut.checks.config import CheckConfig
from beslut.checks.lexicon import Lexicon, lexicon_for
from beslut.checks.lix import Lix, lix_of
from beslut.checks.tokens import Sentence, sentences
from beslut.checks.units import DATED, HEADINGS, RUNNING, TextUnit, UnitKind, text_units
from beslut.doctypes.loader import DocType
from beslut.model.draft import Draft

if TYPE_CHECKING:
    from beslut.spelling.check import SpellingCheck

FileCheck = Callable[[str], bool]


@dataclass
class Context:
    """One run of the checks over one draft; tokenization is done once and shared."""

    draft: Draft
    config: CheckConfig
    doctype: DocType | None = None
    file_exists: FileCheck | None = None
    spelling: SpellingCheck | None = None
    sentence_cache: dict[str, tuple[Sentence, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lexicon: Lexicon = lexicon_for(self.config)
        self.units: list[TextUnit] = text_units(self.draft)
        self._lix: dict[str, Lix] | None = None

    def of_kind(self, kinds: Collection[UnitKind]) -> Iterator[TextUnit]:
        """The text units of the given kinds, in document order."""
        return (unit for unit in self.units if unit.kind in kinds)

    def running_text(self) -> Iterator[TextUnit]:
        """Paragraphs, list items, decision points and footnotes."""
        return self.of_kind(RUNNING)

    def dated_text(self) -> Iterator[TextUnit]:
        """Running text and table cells: where a date is written."""
        return self.of_kind(DATED)

    def headings(self) -> Iterator[TextUnit]:
        """The title, section headings and sub-headings."""
        return self.of_kind(HEADINGS)

    def sentences(self, unit: TextUnit) -> tuple[Sentence, ...]:
        """The sentences of a unit's text, computed once per distinct text."""
        found = self.sentence_cache.get(unit.text)
        if found is None:
            found = sentences(unit.text, self.lexicon.abbreviations)
            self.sentence_cache[unit.text] = found
        return found

    def lix_by_part(self) -> dict[str, Lix]:
        """The LIX of the running text of each part (section keys and DECISIONS)."""
        if self._lix is None:
            self._lix = {}
            for unit in self.running_text():
                self._lix[unit.part] = self._lix.get(unit.part, Lix()) + lix_of(
                    self.sentences(unit)
                )
        return self._lix


def file_check(files: FileCheck | Collection[str] | None) -> FileCheck | None:
    """A predicate "is this sha256 in the store" from a callable or a collection of hashes."""
    if files is None or callable(files):
        return files
    known = frozenset(files)
    return known.__contains__

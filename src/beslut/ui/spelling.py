"""The app's spelling: one speller process for the whole app, the words the user added
or ignored, and the open draft's names and language; tells the editors when answers
arrive or a list changes, so they mark the words again."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Collection, Iterable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from beslut.errors import BeslutError
from beslut.model.draft import Draft
from beslut.settings import Settings
from beslut.spelling.client import SpellerProcess
from beslut.spelling.lists import draft_names
from beslut.spelling.words import accepts

if TYPE_CHECKING:
    from beslut.checks import CheckConfig
    from beslut.spelling.check import SpellingCheck
    from beslut.store import Store

log = logging.getLogger(__name__)

BATCH_MS = 30  # words asked for within this time go to the speller as one question
BATCH_WORDS = 400  # at most this many in one question


class SpellService(QObject):
    """What the editors ask: is a word misspelled (True/False, None while unknown)."""

    # On the GUI thread: a list changed, with its words (a set; None: every word) ...
    words_changed = Signal(object)
    # ... and the speller answered questions (a block waiting for an answer has one).
    answered = Signal()
    _answered = Signal(object)  # from the speller's reader thread

    def __init__(self, speller: SpellerProcess | None = None) -> None:
        super().__init__()
        self.speller = speller or SpellerProcess()
        self.listed: frozenset[str] = frozenset()  # the user's and the organisation's
        self.ignored: set[str] = set()  # "Ignorera": for the rest of the session
        self.names: frozenset[str] = frozenset()  # the open draft's particulars
        self.enabled = True  # False for a draft in English, or when the user turned it off
        self.add_to_list: Callable[[str], None] | None = None  # stores a word (the window)
        self._wanted: set[str] = set()
        self._memo: dict[str, bool] = {}  # answers given, until a list changes
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BATCH_MS)
        self._timer.timeout.connect(self._ask)
        # Queued even from the GUI thread: a menu adds its items before answers arrive.
        self._answered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    # --- what the editors ask -----------------------------------------------------

    def is_misspelled(self, word: str) -> bool | None:
        """True or False when known; None when the speller has not answered yet (the
        word is asked for, and words_changed tells when it is answered)."""
        if not self.enabled:
            return False
        state = self._memo.get(word)
        if state is not None:
            return state
        if self.accepted(word):
            state = False
        else:
            known = self.speller.cache.known(word)
            if known is None:
                self._wanted.add(word)
                if not self._timer.isActive():
                    self._timer.start(BATCH_MS)
                return None
            state = not known
        self._memo[word] = state
        return state

    def accepted(self, word: str) -> bool:
        """True when a list takes ``word`` (the user's, the organisation's, the draft's
        names, or ignored in this session)."""
        return word in self.ignored or accepts(self.listed, word) or accepts(self.names, word)

    def suggest(self, word: str, answer: Callable[[tuple[str, ...]], None]) -> None:
        """Call ``answer`` on the GUI thread with what to write instead of ``word``."""
        future = self.speller.submit_suggest(word)
        future.add_done_callback(lambda done: self._answered.emit((answer, done)))

    # --- the lists ----------------------------------------------------------------

    def set_lists(self, listed: Collection[str]) -> None:
        """The user's and the organisation's words (when a window opens its store)."""
        changed = set(listed) ^ set(self.listed)
        self.listed = frozenset(listed)
        self._changed(changed)

    def set_draft(self, draft: Draft, *, on: bool = True) -> None:
        """The open draft: its names are accepted; a draft in English is not checked,
        nor any when the user switched spelling off (``on``)."""
        names, enabled = draft_names(draft), on and draft.meta.language == "sv"
        if names == self.names and enabled == self.enabled:
            return
        changed = set(names) ^ set(self.names)
        self.names, was = names, self.enabled
        self.enabled = enabled
        self._changed(None if enabled != was else changed)

    def add_word(self, word: str) -> None:
        """ "Lägg till i ordlistan": stored by the window, accepted at once."""
        if self.add_to_list is not None:
            self.add_to_list(word)
        self.listed = self.listed | {word}
        self._changed({word})

    def ignore(self, word: str) -> None:
        """ "Ignorera": not marked again in this session."""
        self.ignored.add(word)
        self._changed({word})

    def _changed(self, words: Iterable[str] | None) -> None:
        """Tell the editors; None means every word."""
        self._memo.clear()
        self.words_changed.emit(None if words is None else set(words))

    # --- the speller --------------------------------------------------------------

    def _ask(self) -> None:
        """Ask for the words wanted, BATCH_WORDS at a time (each turn of the event loop
        stays short; the rest go at the next one)."""
        words = set(itertools.islice(self._wanted, BATCH_WORDS))
        self._wanted -= words
        if self._wanted:
            self._timer.start(0)
        if not words:
            return
        future = self.speller.submit_unknown(words)
        future.add_done_callback(lambda done: self._answered.emit((self._checked, done)))

    def _checked(self, found: set[str]) -> None:
        self.answered.emit()

    def _deliver(self, item: tuple[Callable[[Any], None], Future[Any]]) -> None:
        answer, future = item
        try:
            result = future.result()
        except Exception as exc:  # the speller is gone: words stay unmarked
            log.info("spelling: %s", exc)
            return
        answer(result)

    def close(self) -> None:
        self.speller.close()


_service: SpellService | None = None


def spell_service() -> SpellService:
    """The app's one spelling service (its process starts at the first question)."""
    global _service
    if _service is None:
        _service = SpellService()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(_service.close)
    return _service


def use_spelling(store: Store, settings: Settings, draft: Draft) -> None:
    """A draft opens: the user's words from ``store`` and the organisation's list; a
    word the user adds is stored there. A list that cannot be read is left out (the
    granskning on the command line names it)."""
    from beslut.spelling.lists import WordLists
    from beslut.workflow.spelling import word_lists

    service = spell_service()
    try:
        lists, notices = word_lists(store, settings)
    except BeslutError as exc:  # the database could not be read: no own words this time
        log.warning("spelling lists: %s", exc.detail)
        lists, notices = WordLists(), ()
    for notice in notices:
        log.warning("spelling: %s", notice)
    service.set_lists(lists.personal | lists.organisation)
    service.add_to_list = store.add_word
    service.set_draft(draft, on="spelling.unknown" not in settings.disabled_rules)


def spelling_for(draft: Draft, config: CheckConfig) -> SpellingCheck | None:
    """How the granskning checks the spelling of ``draft`` (None when it does not:
    switched off in the settings); updates the marks in the text too."""
    service = spell_service()
    service.set_draft(draft, on=config.enabled("spelling.unknown"))
    if not service.enabled:
        return None
    from beslut.spelling.check import SpellingCheck

    return SpellingCheck(service.speller, service.listed | frozenset(service.ignored))

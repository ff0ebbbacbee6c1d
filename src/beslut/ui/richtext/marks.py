"""What the editor marks in the text, and what a pointer or right click on a mark offers:
misspelled words (red wavy underline, suggestions, "Lägg till i ordlistan", "Ignorera")
and the granskning's findings (the tooltip says what and why; the menu offers the fix)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QPoint, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QTextEdit

from beslut.checks.findings import Finding
from beslut.i18n import _
from beslut.spelling.words import word_spans
from beslut.ui.spelling import SpellService

SPELLING_RED = QColor("#d0021b")
# Words looked at in one turn of the event loop, then it turns again (a few ms of work).
SLICE_WORDS = 60


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines misspelled words in red.

    Words not yet answered are asked for; the blocks that asked are marked again when
    the answers come. Marking many blocks (a draft opening, spelling switched on, the
    answers for a whole draft) goes a slice of blocks at a time, so the GUI thread is
    never held for long: while ``paused`` (the editor loading its text), blocks are only
    queued.

    Marking a block again moves the document's revision, though the text is the same:
    ``restyled(before, after)`` says so, for caches of the text kept by revision.
    """

    restyled = Signal(int, int)

    def __init__(self, document: QTextDocument, service: SpellService) -> None:
        super().__init__(document)
        self.service = service
        self.underline = QTextCharFormat()
        self.underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.underline.setUnderlineColor(SPELLING_RED)
        self.paused = False
        # True while blocks are marked again: the document then reports a change of its
        # contents that is no edit (SectionEditor must not take it for one).
        self.marking = False
        self._asked: set[int] = set()  # blocks (by number) with a word not yet answered
        self._queue: dict[int, None] = {}  # blocks to mark again, in order, once each
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next_slice)
        service.words_changed.connect(self._words_changed)
        service.answered.connect(self._answered)

    def highlightBlock(self, text: str) -> None:
        service = self.service
        if not service.enabled or not text:
            return
        number = self.currentBlock().blockNumber()
        if self.paused:
            self._later([number])
            return
        for start, end in word_spans(text):
            state = service.is_misspelled(text[start:end])
            if state:
                self.setFormat(start, end - start, self.underline)
            elif state is None:
                self._asked.add(number)

    def pause(self) -> None:
        """Only queue blocks until resume() (the editor is loading its text)."""
        self.paused = True

    def resume(self) -> None:
        self.paused = False
        self._timer.start()

    def _later(self, numbers: Iterable[int]) -> None:
        self._queue.update(dict.fromkeys(numbers))
        if not self.paused and not self._timer.isActive():
            self._timer.start()

    def _next_slice(self) -> None:
        document = self.document()
        words = 0
        before = document.revision()
        self.marking = True
        try:
            while self._queue and words < SLICE_WORDS:
                number = next(iter(self._queue))
                del self._queue[number]
                block = document.findBlockByNumber(number)
                if block.isValid():
                    words += block.text().count(" ") + 1
                    self.rehighlightBlock(block)
        finally:
            self.marking = False
        after = document.revision()
        if after != before:
            self.restyled.emit(before, after)
        if self._queue and not self.paused:
            self._timer.start()

    def _answered(self) -> None:
        """Answers came: mark again the blocks that were waiting for one."""
        asked, self._asked = self._asked, set()
        self._later(sorted(asked))

    def _words_changed(self, words: set[str] | None) -> None:
        """A list changed (or the language): mark again the blocks that hold ``words``
        (None: every block)."""
        document = self.document()
        numbers = []
        block = document.begin()
        while block.isValid():
            if words is None or any(word in block.text() for word in words):
                numbers.append(block.blockNumber())
            block = block.next()
        self._later(numbers)


def word_at(cursor: QTextCursor) -> QTextCursor | None:
    """A cursor over the word (as spelling sees words) at ``cursor``, or None."""
    block = cursor.block()
    offset = cursor.position() - block.position()
    for start, end in word_spans(block.text()):
        if start <= offset <= end:
            found = QTextCursor(block)
            found.setPosition(block.position() + start)
            found.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
            return found
    return None


class Marks(QObject):
    """The marks of one text area: the spelling and the findings shown on it."""

    def __init__(self, edit: QTextEdit, service: SpellService | None) -> None:
        super().__init__(edit)
        self.edit = edit
        self.service = service
        self.highlighter = SpellHighlighter(edit.document(), service) if service else None
        self.findings: list[tuple[QTextCursor, Finding]] = []
        self.changes: list[tuple[QTextCursor, str]] = []  # a review's changes, said
        self.fix: Callable[[Finding], None] | None = None  # the editor applies a fix

    def pause(self) -> None:
        """The text is being replaced: mark it afterwards (resume)."""
        if self.highlighter is not None:
            self.highlighter.pause()

    def resume(self) -> None:
        if self.highlighter is not None:
            self.highlighter.resume()

    @property
    def marking(self) -> bool:
        """True while the spelling marks blocks again (no edit of the text)."""
        return self.highlighter is not None and self.highlighter.marking

    def finding_at(self, position: int) -> Finding | None:
        """The finding whose marked range holds ``position``, or None."""
        for cursor, finding in self.findings:
            if cursor.selectionStart() <= position <= cursor.selectionEnd():
                return finding
        return None

    def tooltip(self, point: QPoint) -> str:
        """What the marks at ``point`` (viewport coordinates) say; "" for nothing."""
        cursor = self.edit.cursorForPosition(point)
        lines = []
        finding = self.finding_at(cursor.position())
        if finding is not None:
            lines.append(f"{finding.severity.label}: {finding.message}")
            if finding.fix is not None:
                lines.append(
                    _("Högerklicka för att rätta: {label}").format(label=finding.fix.label)
                )
        position = cursor.position()
        for marked, said in self.changes:
            if marked.selectionStart() <= position <= marked.selectionEnd():
                lines.append(said)
        misspelled = self._misspelled(cursor)
        if misspelled is not None:
            word = misspelled.selectedText()
            lines.append(_("Stavning: ”{word}” finns inte i ordlistan.").format(word=word))
        return "\n".join(lines)

    def _misspelled(self, cursor: QTextCursor) -> QTextCursor | None:
        if self.service is None:
            return None
        word = word_at(cursor)
        if word is None or not self.service.is_misspelled(word.selectedText()):
            return None
        return word

    def add_to_menu(self, menu: QMenu, point: QPoint) -> None:
        """Put what the marks at ``point`` offer at the top of the context menu."""
        cursor = self.edit.cursorForPosition(point)
        first = menu.actions()[0] if menu.actions() else None
        added: list[QAction] = []
        finding = self.finding_at(cursor.position())
        if finding is not None and finding.fix is not None and not self.edit.isReadOnly():
            action = QAction(_("Rätta: {label}").format(label=finding.fix.label), menu)
            action.triggered.connect(lambda _checked=False, f=finding: self._fix(f))
            added.append(action)
        misspelled = self._misspelled(cursor)
        if misspelled is not None:
            added += self._spelling_actions(menu, misspelled)
        if added:
            menu.insertActions(first, added)  # type: ignore[arg-type]
            menu.insertSeparator(first)  # type: ignore[arg-type]

    def _fix(self, finding: Finding) -> None:
        if self.fix is not None:
            self.fix(finding)

    def _spelling_actions(self, menu: QMenu, word_cursor: QTextCursor) -> list[QAction]:
        assert self.service is not None
        service, word = self.service, word_cursor.selectedText()
        waiting = QAction(_("Söker förslag…"), menu)
        waiting.setEnabled(False)
        read_only = self.edit.isReadOnly()

        def show(suggestions: tuple[str, ...]) -> None:
            try:
                if waiting not in menu.actions():
                    return
            except RuntimeError:  # the menu is closed and gone
                return
            if not suggestions:
                waiting.setText(_("Inga förslag"))
                return
            for suggestion in suggestions:
                action = QAction(suggestion, menu)
                font = action.font()
                font.setBold(True)
                action.setFont(font)
                action.setEnabled(not read_only)
                action.triggered.connect(
                    lambda _checked=False, s=suggestion: self._replace(word_cursor, word, s)
                )
                menu.insertAction(waiting, action)
            menu.removeAction(waiting)

        add = QAction(_("Lägg till i ordlistan"), menu)
        add.triggered.connect(lambda _checked=False: service.add_word(word))
        ignore = QAction(_("Ignorera"), menu)
        ignore.triggered.connect(lambda _checked=False: service.ignore(word))
        service.suggest(word, show)
        return [waiting, add, ignore]

    def _replace(self, word_cursor: QTextCursor, word: str, suggestion: str) -> None:
        """The misspelled word replaced by ``suggestion``: one undo step, its format kept."""
        if word_cursor.selectedText() != word:
            return  # the text changed while the menu was open
        word_cursor.insertText(suggestion)

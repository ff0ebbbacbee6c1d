"""A scripted Messages for GUI tests: answers come from the test, nothing modal opens.

Modelled on qutebrowser's message bridge mock (tests/helpers/messagemock.py): the code
under test asks and tells exactly as in the app; the test says beforehand what the user
answers and reads afterwards what the user was told.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QWidget

from beslut.ui.messages import Messages, log_failure, message_for


class ScriptedMessages(Messages):
    """Records every question and message; answers from queues, else a safe default.

    The defaults are what a cautious user does: no to every question, cancel every
    dialog, close every message.
    """

    def __init__(self) -> None:
        self.asked: list[str] = []  # the text of each question
        self.told: list[str] = []  # information shown
        self.errors: list[str] = []  # error messages shown
        self.answers: list[bool] = []  # for ask() and confirm(), in order
        self.confirm_actions: list[str] = []  # the action button confirm() offered
        self.choices: list[int | None] = []  # for choose() and choose_action()
        self.texts: list[str | None] = []  # for text()
        self.defaults: list[str] = []  # what text() had filled in, in order
        self.files: list[Path | None] = []  # for save_file()
        self.opened: list[list[Path]] = []  # for open_files()
        self.filters: list[str] = []  # the file filter each open_files() offered

    @property
    def everything(self) -> list[str]:
        """All the user was asked, told or shown as an error, in one list."""
        return [*self.asked, *self.told, *self.errors]

    def ask(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.asked.append(text)
        return self.answers.pop(0) if self.answers else False

    def confirm(self, parent: QWidget | None, title: str, text: str, action: str) -> bool:
        self.asked.append(text)
        self.confirm_actions.append(action)
        return self.answers.pop(0) if self.answers else False

    def tell(self, parent: QWidget | None, title: str, text: str) -> None:
        self.told.append(text)

    def error(self, parent: QWidget | None, exc: BaseException, title: str = "") -> None:
        log_failure(exc)
        self.errors.append(message_for(exc))

    def choose(
        self, parent: QWidget | None, title: str, text: str, options: Sequence[str]
    ) -> int | None:
        self.asked.append(text)
        return self.choices.pop(0) if self.choices else None

    def choose_action(
        self, parent: QWidget | None, title: str, text: str, actions: Sequence[str]
    ) -> int | None:
        self.told.append(text)
        return self.choices.pop(0) if self.choices else None

    def text(self, parent: QWidget | None, title: str, label: str, default: str = "") -> str | None:
        self.asked.append(label)
        self.defaults.append(default)
        return self.texts.pop(0) if self.texts else None

    def save_file(
        self, parent: QWidget | None, title: str, suggested: Path, file_filter: str
    ) -> Path | None:
        self.asked.append(title)
        return self.files.pop(0) if self.files else None

    def open_files(self, parent: QWidget | None, title: str, file_filter: str = "") -> list[Path]:
        self.asked.append(title)
        self.filters.append(file_filter)
        return self.opened.pop(0) if self.opened else []

    def folder(self, parent: QWidget | None, title: str) -> Path | None:
        self.asked.append(title)
        return None

"""Starting the desktop app: Qt set-up, translations, one instance per database."""

from __future__ import annotations

import gc
import logging
import sqlite3
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from beslut.errors import BeslutError
from beslut.i18n import _, current_language, set_language
from beslut.settings import load_settings
from beslut.store import Store, resolve_db_path
from beslut.store.seed import seed_example
from beslut.ui import errors
from beslut.ui.icons import icon
from beslut.ui.instance import InstanceLock, ask_to_come_forward, listen, lock_database
from beslut.ui.main_window import MainWindow
from beslut.ui.messages import Messages
from beslut.ui.qlocale import ui_locale
from beslut.ui.runtime import share_interpreter
from beslut.ui.style import STYLE

if TYPE_CHECKING:
    import argparse

log = logging.getLogger(__name__)


def _install_translations(app: QApplication, language: str) -> None:
    """Our text from the catalog; Qt's dates, numbers and (in Swedish) its own texts."""
    set_language(language)
    QLocale.setDefault(ui_locale())
    if current_language() != "sv":
        return  # Qt's own texts are English already
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_sv",):  # Qt Widgets' own texts (qt_sv would load every module's)
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)


def _collect_garbage_again() -> None:
    """Turn the collector on again (start_gui turned it off), leaving out the objects
    start-up made: they live as long as the app."""
    gc.freeze()
    gc.enable()


def clean_export_folder_later(qsettings: QSettings) -> threading.Thread | None:
    """Remove, off the GUI thread, what a killed export left in the last export folder."""
    from beslut.tempfiles import clean_export_folder
    from beslut.ui import state

    folder = qsettings.value(state.EXPORT_FOLDER)
    if not folder:
        return None
    worker = threading.Thread(target=clean_export_folder, args=(Path(str(folder)),), daemon=True)
    worker.start()
    return worker


def run(args: argparse.Namespace) -> int:
    """Start the app on the database chosen by --db / BESLUT_DB / the default."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    share_interpreter()
    app.setApplicationName("beslut")
    app.setOrganizationName("beslut")
    app.setWindowIcon(icon("beslut"))
    app.setStyleSheet(STYLE)  # on the platform's own style: native on Windows
    messages = Messages()
    errors.install_excepthook(messages)
    try:
        path = resolve_db_path(getattr(args, "db", None))
    except BeslutError as exc:  # --db "" or ~nouser/...
        _install_translations(app, "sv")
        messages.error(None, exc, _("beslut kan inte starta"))
        return 1
    smoke = bool(getattr(args, "smoke_test", False))
    file = Path(args.file) if getattr(args, "file", None) else None  # beslut FIL
    lock = InstanceLock()
    # The lock on the file itself is taken before the database is opened, so two starts
    # through two names of one file never open it at the same moment; a database that
    # does not exist yet is locked by its path until it does.
    if not smoke and not lock_database(lock, path):
        return _second_start(path, messages, file)
    store = _open_store(path, messages)
    if store is None:
        lock.release()
        return 1
    if not smoke and not lock_database(lock, path):  # it was created just now
        store.close()
        return _second_start(path, messages, file)
    settings = load_settings(store)
    _install_translations(app, settings.language)
    window = MainWindow(store, QSettings("beslut", "beslut"), settings, messages)
    window.instance_lock = lock
    server = None if smoke else listen(path, window, lambda forwarded: _open(window, forwarded))
    window.show()
    QTimer.singleShot(0, _collect_garbage_again)
    if smoke:
        QTimer.singleShot(0, app.quit)  # exit as soon as the event loop is idle
    else:
        window.safety.start_daily_backup()
        clean_export_folder_later(window.qsettings)
        recovered = window.safety.offer_recoveries()
        if file is None and not recovered:
            window.reopen_last()
    if file is not None:
        _open(window, file)
    code = app.exec()
    store = window.store  # a restored backup is a new store
    if not smoke:
        window.safety.wait()
        _backup_on_close(store)
    store.close()
    lock.release()
    del server
    return code


def _open(window: MainWindow, file: Path) -> None:
    """Open the draft file ``file`` in the window (its code loads only now)."""
    from beslut.ui.open_file import open_file

    open_file(window, file)


def _second_start(path: Path, messages: Messages, file: Path | None = None) -> int:
    """Another beslut has this database open: bring it forward (handing it the draft file
    to open, if one was given), or say why not."""
    if ask_to_come_forward(path, file=file):
        log.info("another beslut has %s open; asked it to come forward", path)
        return 0
    _install_translations(QApplication.instance(), "sv")  # type: ignore[arg-type]
    messages.tell(
        None,
        _("beslut är redan igång"),
        _(
            "Databasen {path} är redan öppen i ett annat beslut-fönster. Byt till det "
            "fönstret, eller stäng det och starta igen."
        ).format(path=path),
    )
    return 1


def _open_store(path: Path, messages: Messages) -> Store | None:
    """The store at ``path``; a corrupt file offers the newest backup instead."""
    from beslut.store import StoreCorruptError

    try:
        return Store.open(path, seed=seed_example)
    except StoreCorruptError as exc:
        _install_translations(QApplication.instance(), "sv")  # type: ignore[arg-type]
        return _offer_backup(path, exc, messages)
    except BeslutError as exc:
        _install_translations(QApplication.instance(), "sv")  # type: ignore[arg-type]
        messages.error(None, exc, _("beslut kan inte starta"))
        return None


def _offer_backup(path: Path, exc: BeslutError, messages: Messages) -> Store | None:
    from beslut.i18n import format_datetime_ui
    from beslut.store.backups import newest_backup
    from beslut.store.restore import restore_backup

    backup = newest_backup(path)
    if backup is None:
        messages.error(None, exc, _("beslut kan inte starta"))
        return None
    question = _(
        "{why}\n\nDen senaste säkerhetskopian är från {when}. Vill du återställa den? Det "
        "som ändrats efter den går förlorat; den skadade filen sparas bland "
        "säkerhetskopiorna."
    ).format(why=exc.user_message, when=format_datetime_ui(backup.created))
    if not messages.ask(None, _("Databasen är skadad"), question):
        return None
    try:
        restore_backup(path, backup.path)
        return Store.open(path, seed=seed_example)
    except BeslutError as again:
        messages.error(None, again, _("beslut kan inte starta"))
        return None


def _backup_on_close(store: Store) -> None:
    from beslut.store.backups import make_backup

    try:
        make_backup(store)
    except BeslutError as exc:
        log.warning("no backup on closing: %s", exc)
    except sqlite3.ProgrammingError as exc:  # closed: a restore could not reopen the file
        log.warning("no backup on closing: %s", exc)

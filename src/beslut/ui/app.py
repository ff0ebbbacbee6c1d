"""Starting the desktop app: Qt set-up, translations, one instance per database."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
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
from beslut.ui.main_window import MainWindow
from beslut.ui.qlocale import ui_locale
from beslut.ui.style import STYLE

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

log = logging.getLogger(__name__)


def instance_name(db_path: str) -> str:
    """The local-socket name shared by every beslut started on the same database."""
    import hashlib

    digest = hashlib.sha256(db_path.encode("utf-8")).hexdigest()[:16]
    return f"beslut-{digest}"


def _already_running(name: str) -> bool:
    """Ask a running beslut on this database to come forward; True when one answered."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(300):
        return False
    socket.write(b"raise\n")
    socket.waitForBytesWritten(300)
    socket.disconnectFromServer()
    return True


def _listen(name: str, window: MainWindow) -> QLocalServer:
    from PySide6.QtNetwork import QLocalServer

    server = QLocalServer(window)
    QLocalServer.removeServer(name)  # a server left behind by a crash
    server.listen(name)

    def raise_window() -> None:
        connection = server.nextPendingConnection()
        if connection is not None:
            connection.close()
        window.showNormal()
        window.raise_()
        window.activateWindow()

    server.newConnection.connect(raise_window)
    return server


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


def run(args: argparse.Namespace) -> int:
    """Start the app on the database chosen by --db / BESLUT_DB / the default."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("beslut")
    app.setOrganizationName("beslut")
    app.setWindowIcon(icon("beslut"))
    app.setStyleSheet(STYLE)  # on the platform's own style: native on Windows
    errors.install_excepthook()
    path = resolve_db_path(getattr(args, "db", None))
    smoke = bool(getattr(args, "smoke_test", False))
    name = "" if smoke else instance_name(str(path.resolve()))
    if name and _already_running(name):
        log.info("another beslut has %s open; asked it to come forward", path)
        return 0
    try:
        store = Store.open(path, seed=seed_example)
    except BeslutError as exc:
        from PySide6.QtWidgets import QMessageBox

        _install_translations(app, "sv")
        QMessageBox.critical(None, _("beslut kan inte starta"), exc.user_message)
        return 1
    settings = load_settings(store)
    _install_translations(app, settings.language)
    window = MainWindow(store, QSettings("beslut", "beslut"), settings)
    server = _listen(name, window) if name else None
    window.show()
    QTimer.singleShot(0, _collect_garbage_again)
    if smoke:
        QTimer.singleShot(0, app.quit)  # exit as soon as the event loop is idle
    else:
        window.reopen_last()
    code = app.exec()
    store.close()
    del server
    return code

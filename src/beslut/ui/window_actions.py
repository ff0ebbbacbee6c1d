"""The main window's actions, declared once as a table: text, icon, what they do, key,
tip, and where they appear (menus and toolbar)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar

from beslut.i18n import N_, _
from beslut.ui.icons import icon

_KEY = QKeySequence.StandardKey


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One action: ``slot`` is the window's method (or a callable of the window)."""

    name: str  # the window's attribute: act_<name>
    text: str  # N_: translated when the action is made
    icon: str
    slot: str | Callable[[Any], object]  # the window, whose methods it calls
    shortcut: QKeySequence.StandardKey | str | tuple[str, ...] | None = None  # a tuple: all
    tip: str = ""  # N_; the text without "&" when empty
    enabled: bool = True  # at start (the zoom's: enabled while a draft is open)


ACTIONS = (
    ActionSpec("new", N_("&Nytt"), "new", "list_actions.new_draft", _KEY.New,
               N_("Nytt tjänsteutlåtande (Ctrl+N)")),
    ActionSpec("open", N_("Ö&ppna"), "open", "open_selected", None,
               N_("Öppna valt utkast (Enter)")),
    ActionSpec("open_file", N_("Öppna &fil…"), "open", "versions.open_files", _KEY.Open,
               N_("Öppna en utkastfil (.beslut), till exempel en som kommit från granskning")),
    ActionSpec("import", N_("I&mportera dokument…"), "open", "importer.ask", None,
               N_("Importera ett tjänsteutlåtande från Word, PDF eller text")),
    ActionSpec("duplicate", N_("&Duplicera"), "duplicate", "list_actions.duplicate_selected"),
    ActionSpec("delete", N_("&Ta bort"), "delete", "list_actions.delete_selected", _KEY.Delete,
               N_("Flytta valt utkast till papperskorgen")),
    ActionSpec("restore", N_("Å&terställ"), "restore", "list_actions.restore_selected"),
    ActionSpec("back", N_("Alla &utkast"), "back", "back_to_list", "Alt+Left",
               N_("Tillbaka till listan")),
    ActionSpec("export", N_("&Exportera…"), "export", lambda w: w.exporter.export(False, False),
               "Ctrl+E", N_("Exportera till Word (Ctrl+E)")),
    ActionSpec("version", N_("Spara &version…"), "save", "save_version", _KEY.Save,
               N_("Spara en version av utkastet")),
    ActionSpec("versions", N_("Versi&oner…"), "restore", "versions.show", "Ctrl+Shift+H",
               N_("Utkastets versioner: jämför och återställ (Ctrl+Skift+H)")),
    ActionSpec("send_review", N_("Skicka för &granskning…"), "export", "versions.send", None,
               N_("Spara utkastet med bilagorna som en fil att skicka till den som granskar")),
    ActionSpec("receive_review", N_("Ta emot gran&skad version…"), "open", "versions.receive",
               None, N_("Ersätt utkastets text med den granskade filen (texten före sparas)")),
    ActionSpec("kallelse", N_("&Kallelse för sammanträdet…"), "export",
               "namnd.kallelse_for_selected", None,
               N_("Kallelse till sammanträdet med de valda utkasten, i listans ordning")),
    ActionSpec("settings", N_("&Inställningar…"), "settings", "edit_settings", _KEY.Preferences),
    ActionSpec("backups", N_("Säker&hetskopior…"), "restore", "backups.show", None,
               N_("Databasens säkerhetskopior: återställ en, eller skapa en nu")),
    ActionSpec("find", N_("&Sök"), "open", "focus_search", _KEY.Find),
    ActionSpec("replace", N_("&Ersätt…"), "open", lambda w: w.focus_search(replace=True),
               "Ctrl+H", N_("Sök och ersätt i utkastet (Ctrl+H)")),
    ActionSpec("undo", N_("&Ångra"), "back", "undo", _KEY.Undo),
    ActionSpec("redo", N_("&Gör om"), "restore", "redo", "Ctrl+Y"),
    ActionSpec("zoom_in", N_("Zooma &in"), "open", "zoom.zoom_in", ("Ctrl++", "Ctrl+="),
               N_("Större text i redigeraren (Ctrl+plus)"), enabled=False),
    ActionSpec("zoom_out", N_("Zooma &ut"), "back", "zoom.zoom_out", "Ctrl+-",
               N_("Mindre text i redigeraren (Ctrl+minus)"), enabled=False),
    ActionSpec("zoom_normal", N_("&Normal storlek"), "restore", "zoom.zoom_normal", "Ctrl+0",
               N_("Texten i redigeraren i normal storlek (Ctrl+0)"), enabled=False),
    ActionSpec("help", N_("&Vägledning"), "help", "show_guidance", _KEY.HelpContents,
               N_("Vägledning för den här delen (F1)")),
    ActionSpec("quit", N_("&Avsluta"), "back", "close", _KEY.Quit),
    ActionSpec("about", N_("&Om beslut"), "beslut", "about"),
)  # fmt: skip

# The menus and the toolbar by action name; None is a separator.
MENUS = (
    (N_("&Arkiv"), ("new", "open", "open_file", "import", "duplicate", "delete", "restore",
                    None, "export", "version", "versions", "send_review", "receive_review",
                    "kallelse", None, "backups", "settings", None, "quit")),
    (N_("&Redigera"), ("undo", "redo", None, "find", "replace")),
    (N_("&Visa"), ("back", None, "zoom_in", "zoom_out", "zoom_normal")),
    (N_("&Hjälp"), ("help", "about")),
)  # fmt: skip
TOOLBAR = ("back", "new", "open", "duplicate", "delete", "restore", None, "export", "version",
           "versions", "settings")  # fmt: skip


def make_action(window: QMainWindow, spec: ActionSpec) -> QAction:
    """The QAction of ``spec`` on ``window``; its signal's `checked` never reaches the slot."""
    text = _(spec.text)
    action = QAction(icon(spec.icon), text, window)
    if spec.shortcut is not None:
        # setShortcuts with a QKeySequence: setShortcut's overloads, and a QKeySequence
        # made from a QKeySequence, build PySide6.QtCore.Qt's enums (start-up time).
        keys = spec.shortcut if isinstance(spec.shortcut, tuple) else (spec.shortcut,)
        action.setShortcuts([QKeySequence(key) for key in keys])
    action.setEnabled(spec.enabled)
    action.setToolTip(_(spec.tip) if spec.tip else text.replace("&", ""))
    slot = spec.slot

    def triggered(_checked: bool = False) -> None:
        if isinstance(slot, str):
            target: object = window
            for name in slot.split("."):  # "close", "list_actions.new_draft"
                target = getattr(target, name)
            assert callable(target)
            target()
        else:
            slot(window)

    action.triggered.connect(triggered)
    return action


def make_actions(window: QMainWindow) -> dict[str, QAction]:
    """Every action of the window, by name; also set as ``window.act_<name>``."""
    actions = {spec.name: make_action(window, spec) for spec in ACTIONS}
    for name, action in actions.items():
        setattr(window, f"act_{name}", action)
    return actions


def make_menus_and_toolbar(window: QMainWindow, actions: dict[str, QAction]) -> QToolBar:
    """The menu bar and the toolbar from MENUS and TOOLBAR."""
    bar = window.menuBar()
    for title, names in MENUS:
        menu = bar.addMenu(_(title))
        for name in names:
            menu.addSeparator() if name is None else menu.addAction(actions[name])
    toolbar = QToolBar(_("Verktygsfält"), window)  # in place before it is filled
    toolbar.setObjectName("toolbar")
    toolbar.setMovable(False)
    # Qt.ToolButtonStyle by name: the enum itself would build all of Qt's (start-up time).
    toolbar.setProperty("toolButtonStyle", "ToolButtonTextBesideIcon")
    for name in TOOLBAR:
        toolbar.addSeparator() if name is None else toolbar.addAction(actions[name])
    window.addToolBar(toolbar)
    return toolbar

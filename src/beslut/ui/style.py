"""The app's look: calm colours, clear focus, readable sizes (a Qt style sheet)."""

STYLE = """
QMainWindow, QDialog { background: #f5f7fa; }
QToolBar#toolbar { background: #e8eef6; spacing: 4px; padding: 4px;
                   border-bottom: 1px solid #c9d4e3; }
QToolBar#toolbar QToolButton { color: #10243d; padding: 4px 10px; border-radius: 4px; }
QToolBar#toolbar QToolButton:hover { background: #d3dfef; }
QToolBar#toolbar QToolButton:disabled { color: #8a94a3; }
QToolBar#toolbar QToolButton:focus { border: 2px solid #2d5282; }
QLabel#draftTitle { font-size: 15pt; color: #1f3a5f; padding: 6px 2px; }
QLabel#stepHeading { font-size: 13pt; font-weight: 600; color: #1f3a5f; padding: 4px 0; }
QLabel#emptyState { color: #5b6573; font-size: 12pt; }
QLabel#hint { color: #9a3412; }
QLabel#summary { font-size: 11pt; padding: 4px 0; }
QListWidget#steps { background: white; border: 1px solid #d5dbe3; font-size: 11pt; }
QListWidget#steps::item { padding: 7px 6px; border-bottom: 1px solid #eef1f5; }
QListWidget#steps::item:selected { background: #dbe7f5; color: #10243d; }
QTextBrowser#guidance { background: #fffbea; border: 1px solid #eadfb4; padding: 6px; }
QTableView { background: white; selection-background-color: #dbe7f5;
             selection-color: #10243d; }
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QDateEdit {
    background: white; border: 1px solid #c3cbd6; border-radius: 3px; padding: 3px; }
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QDateEdit:focus {
    border: 2px solid #2d5282; }
QComboBox QAbstractItemView { background: white; color: #10243d; border: 1px solid #c3cbd6;
    outline: 0; selection-background-color: #2d5282; selection-color: white; }
QComboBox::item { background: white; color: #10243d; }
QComboBox::item:selected { background: #2d5282; color: white; }
QPushButton { padding: 5px 12px; }
QPushButton:default { background: #1f3a5f; color: white; border-radius: 3px; }
QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"], QTextEdit[readOnly="true"] {
    background: #eef1f5; color: #3d4756; }
QFrame#banner { background: #fdecea; border-bottom: 1px solid #e3b3ad; }
QFrame#banner[kind="info"] { background: #fff4d6; border-bottom: 1px solid #e6cf8b; }
QFrame#banner QLabel { color: #3b1410; font-size: 11pt; }
QFrame#findBar { background: #e8eef6; border-top: 1px solid #c9d4e3; }
QLabel#findCount { color: #10243d; padding-left: 8px; }
QLabel#findCount[notFound="true"] { color: #9a3412; font-weight: 600; }
"""

# A received review's changes, in Word's colours (ui/change_marks.py in the text).
CHANGE_RED = "#b3261e"  # deleted
CHANGE_GREEN = "#2e7d32"  # inserted, moved
# A change on a field (ui/field_marks.py): (frame, fill, text, left bar); with the focus
# the frame is the focus's blue.
_CHANGED = {
    "inserted": (CHANGE_GREEN, "#e8f5e9", "#10243d", CHANGE_GREEN),
    "deleted": (CHANGE_RED, "#fdecea", CHANGE_RED, CHANGE_RED),
    "replaced": (CHANGE_RED, "#fdecea", "#10243d", CHANGE_GREEN),
}
_FIELDS = ("QLineEdit", "QPlainTextEdit", "QComboBox", "QDateEdit")
for _value, (_frame, _fill, _text, _bar) in _CHANGED.items():
    _selector = ", ".join(f'{f}[change="{_value}"]' for f in _FIELDS)
    _focus = ", ".join(f'{f}[change="{_value}"]:focus' for f in _FIELDS)
    STYLE += (
        f"{_selector} {{ border: 2px solid {_frame}; border-left: 6px solid {_bar}; "
        f"background: {_fill}; color: {_text}; }}\n"
        f"{_focus} {{ border: 2px solid #2d5282; border-left: 6px solid {_bar}; }}\n"
    )

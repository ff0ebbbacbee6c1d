"""The start-up floor: a bare PySide6 main window that quits once the event loop is idle.

benchmarks/bench_startup.py runs it with Python beside ``beslut --smoke-test``;
benchmarks/bench_frozen.py freezes it with packaging/beslut.spec (``-- --bare``) and runs
it beside the frozen app. Both are shown at the same size and quit the same way.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())

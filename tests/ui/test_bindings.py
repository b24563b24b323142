"""Guards against a Qt binding release that breaks the app in ways our other tests miss.

PySide6 6.12.0 returned None from many void methods without taking a reference,
so every call dropped one; on Python 3.11 the process aborted ("none_dealloc")
after a few minutes of a visible countdown. This repeats the calls the
countdown makes every second, many times over, and checks None's count holds.
"""

import os
import subprocess
import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QColor,
    QFont,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QLabel

ROUNDS = 200  # few enough that a broken release fails here rather than aborts


def test_void_calls_keep_their_references_to_none(qapp):
    pixmap = QPixmap(64, 64)
    painter = QPainter(pixmap)
    box = QRectF(4, 4, 56, 56)
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(ROUNDS):
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#2f80d1"), 4))
        painter.drawArc(box, 90 * 16, -1000)
        painter.drawEllipse(box)
        painter.setFont(QFont())
        color = QColor("#8a8f98")
        color.setAlpha(90)
        label.setText("14:59")
        label.setEnabled(True)
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(label, "one minute left"))
    painter.end()
    lost = before - sys.getrefcount(None)
    assert lost < ROUNDS, f"{lost} references to None lost in {ROUNDS} rounds"


WHOLE_SESSION = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from necktimer.core.clock import FakeClock
from necktimer.core.service import SessionService
from necktimer.settings_io import SettingsFile
from necktimer.ui.app import Necktimer, ensure_application

class SilentChime:
    def play(self):
        return True

app = ensure_application()
folder = Path("profile").absolute()  # in the test's tmp_path (the working folder)
clock = FakeClock()
settings = SettingsFile(folder)
instance = Necktimer(SessionService.open(folder, clock, settings), settings,
                     tray_available=False, dbus_address=None, system_bus=None,
                     chime=SilentChime(), arm_backstop=None)
instance.start()
instance.window.start_ice()
for _ in range(15 * 60 + 5):
    clock.advance(1)
    instance.controller.refresh()
    instance.window.ring.repaint()
    app.processEvents()
print(instance.controller.state.status.state.value)
instance.shutdown()
"""


def test_a_whole_visible_session_runs_to_its_end(tmp_path):
    """Fifteen minutes of a visible countdown, second by second, in its own process."""
    result = subprocess.run([sys.executable, "-c", WHOLE_SESSION], capture_output=True,
                            text=True, cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "waiting"


NO_SOURCE_READING = """
import builtins, linecache, os, sys
python_import = builtins.__import__
import necktimer.ui.main_window  # the package loads PySide6 first (necktimer.pyside)
import necktimer
from PySide6.QtCore import Qt  # a class PySide6 creates on first use
from PySide6.QtWidgets import QFileDialog  # a widget module's class, after the hand-back
print(builtins.__import__ is python_import)
ours = os.path.dirname(necktimer.__file__) + os.sep
print(sorted(name for name in linecache.cache if name.startswith(ours)))
print(Qt.AlignmentFlag.AlignCenter.name, QFileDialog.__name__)
"""


def test_the_window_modules_load_without_pyside_reading_their_source(tmp_path):
    """PySide6's import hook reads every later module's source; necktimer hands it back.

    In a fresh process (pytest has PySide loaded already, hook and all), importing
    the window leaves Python's own import in place, no module's source in
    linecache, and Qt's lazily made classes still load.
    """
    result = subprocess.run([sys.executable, "-c", NO_SOURCE_READING], capture_output=True,
                            text=True, cwd=tmp_path, timeout=60,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split("\n")[:3] == ["True", "[]", "AlignCenter QFileDialog"]


FIRST_PAINT = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from necktimer.core.clock import FakeClock
from necktimer.core.service import SessionService
from necktimer.settings_io import SettingsFile
from necktimer.ui.app import Necktimer, ensure_application
from PySide6 import QtWidgets

UNUSED = ("QWizard", "QFileDialog", "QGraphicsView", "QStyle", "QCommonStyle")
app = ensure_application()
folder = Path("profile").absolute()  # in the test's tmp_path (the working folder)
settings = SettingsFile(folder)
instance = Necktimer(SessionService.open(folder, FakeClock(), settings), settings,
                     tray_available=False, dbus_address=None, system_bus=None,
                     arm_backstop=None)
instance.window.fit_to_screen()
instance.window.show()
app.processEvents()
print(sorted(name for name in UNUSED if name in vars(QtWidgets)))
instance.start()
app.processEvents()
print(sorted(name for name in UNUSED if name in vars(QtWidgets)))
instance.shutdown()
"""


def test_the_first_paint_makes_pyside_build_no_classes_it_does_not_use(tmp_path):
    """PySide6 makes a Qt class (and its Python enums) the first time it is used.

    Asking Qt for the scroll area's own viewport widget made PySide build every
    QtWidgets class to find that widget's Python type (10-18 ms before the first
    paint), and wrapping the application's style cost its enums. In a fresh process,
    neither the first paint nor the rest of the start builds classes such as these.
    """
    result = subprocess.run([sys.executable, "-c", FIRST_PAINT], capture_output=True,
                            text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split("\n")[:2] == ["[]", "[]"], result.stdout

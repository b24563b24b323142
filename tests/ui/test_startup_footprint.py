"""What a launch loads: only what the window and its tray need, nothing kept for later.

A real launch (`necktimer.cli.main([])`) in a fresh process, run until the part
built after the first paint (tips, reminders, socket) is there; then the modules
it loaded are compared with those that only a later action needs. Each one that
slips into the start-up costs every launch time and memory (issue 11's numbers
are measured by benchmarks/run.py, not here).
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

# Loaded only when someone asks for them (History, Settings, an export, a TZ from
# another terminal, an announcement), never by the start-up itself.
ON_DEMAND = {
    "necktimer.ui.history_window": "the History window",
    "necktimer.ui.settings_dialog": "the Settings dialog",
    "necktimer.ui.pdf_report": "the PDF summary",
    "necktimer.ui.trend_chart": "the pain chart",
    "PySide6.QtNetwork": "Qt's network module (it loads Kerberos libraries)",
    "PySide6.QtSvg": "Qt's SVG module",
    "PySide6.QtMultimedia": "the optional chime",
    "PySide6.QtPrintSupport": "printing",
    "hashlib": "libcrypto",
    "html": "its table of named entities (the tips escape their few characters)",
    "csv": "the CSV export",
    "zoneinfo": "zoneinfo and sysconfig (a TZ is looked up only to ask a running window)",
}

# Built once the window has painted: what they load waits until then.
AFTER_FIRST_PAINT = {
    "necktimer.ui.backstop_launcher": "the backstop's launcher (QProcess), for a session",
    "necktimer.ui.tray": "the tray icon",
    "necktimer.ui.reminders": "the reminder channels",
    "necktimer.ui.instance_server": "the socket later launches ask",
    "necktimer.ui.tips_panel": "the tips",
}

LAUNCH = """
import json, sys
from necktimer.pyside import load
load()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import necktimer.cli
import necktimer.ui.first_paint as first_paint

at_first_paint = {}
after_first_paint = first_paint.after_first_paint

def noting_what_is_loaded(window, then, **kwargs):
    def noted():
        at_first_paint["modules"] = sorted(sys.modules)
        at_first_paint["icon"] = not QApplication.windowIcon().isNull()
        then()
    after_first_paint(window, noted, **kwargs)

first_paint.after_first_paint = noting_what_is_loaded

run = QApplication.exec

def exec_briefly(*_):
    # A zero timer queued now fires after the start's own one (the part built after
    # the first paint), in the order they were queued.
    QTimer.singleShot(0, QApplication.quit)
    return run()

QApplication.exec = exec_briefly
code = necktimer.cli.main([])
print(json.dumps({"code": code, "modules": sorted(sys.modules),
                  "at_first_paint": at_first_paint["modules"],
                  "icon_at_first_paint": at_first_paint["icon"],
                  "icon": not QApplication.windowIcon().isNull()}))
"""


def launch(data_home: Path) -> dict:
    # With a TZ set: the zone is only looked up to ask a window that is already running.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(data_home),
               TZ="Europe/Berlin")
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # the same modules on every test machine
    result = subprocess.run([sys.executable, "-c", LAUNCH], capture_output=True, text=True,
                            env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_launch_loads_nothing_that_only_a_later_action_needs(tmp_path):
    launched = launch(tmp_path)
    modules = set(launched["modules"])
    assert launched["code"] == 0
    # The launch got as far as the part built after the first paint.
    assert {"necktimer.ui.main_window", "necktimer.ui.tips_panel", "necktimer.ui.reminders",
            "necktimer.ui.instance_server"} <= modules
    loaded = {name: why for name, why in ON_DEMAND.items() if name in modules}
    assert loaded == {}, f"loaded at start-up, though only needed later: {loaded}"
    assert (tmp_path / "necktimer" / "necktimer.sqlite3").is_file()  # a real history


def test_the_first_paint_waits_for_nothing_built_after_it(tmp_path):
    launched = launch(tmp_path)
    painted = set(launched["at_first_paint"])
    assert "necktimer.ui.main_window" in painted
    early = {name: why for name, why in AFTER_FIRST_PAINT.items() if name in painted}
    assert early == {}, f"loaded before the first paint, though built after it: {early}"
    # The window's icon (QIcon, 3 ms) is set just after the first paint, not forgotten.
    assert (launched["icon_at_first_paint"], launched["icon"]) == (False, True)


def test_the_tips_escape_what_rich_text_would_read_as_markup():
    from necktimer.core.tips import tips_for
    from necktimer.ui.rich_text import escape
    from necktimer.ui.tips_panel import tip_html

    assert escape("a < b & c > d") == "a &lt; b &amp; c &gt; d"
    book = tips_for(["en"])
    marked = dataclasses.replace(book.tips[0], title="Ice & <heat>")
    assert "<h3>Ice &amp; &lt;heat&gt;</h3>" in tip_html(marked, book)

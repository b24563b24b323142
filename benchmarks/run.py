"""necktimer benchmarks, each against a bare PySide6 baseline measured in the same run.

    python benchmarks/run.py            # all of them
    python benchmarks/run.py startup    # one of: startup memory wakeups history

Every measurement runs in a fresh child process (offscreen, a throw-away data
folder), so imports, memory and wake-ups of one do not leak into another.
Results are printed as a table: necktimer, baseline, and their ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap

CHILD_PRELUDE = """
import os, sys, time, resource, tempfile, json
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
t0 = time.perf_counter()
"""

BASELINE_WINDOW = """
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow(); window.setCentralWidget(QLabel("baseline")); window.resize(920, 600)
window.show(); app.processEvents()
quit_now = app.quit
"""

NECKTIMER_WINDOW = """
from pathlib import Path
from necktimer.ui.app import Necktimer, ensure_application
app = ensure_application()
instance = Necktimer(Path(tempfile.mkdtemp()), tray_available=False, dbus_address=None)
instance.start(); app.processEvents()
quit_now = instance.quit  # app.quit would ask first while a session runs
"""

REPORT = """
print(json.dumps({"seconds": time.perf_counter() - t0,
                  "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

IDLE = """
from PySide6.QtCore import QEvent, QObject, QTimer


class TimerSpy(QObject):
    # Counts every timer event Qt delivers to any object: each one is a wake-up.
    count = 0

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Timer:
            TimerSpy.count += 1
        return False


spy = TimerSpy()
app.installEventFilter(spy)
cpu = time.process_time()
QTimer.singleShot(int({seconds} * 1000), quit_now)
app.exec()
print(json.dumps({{"timers": TimerSpy.count - 1, "cpu": time.process_time() - cpu}}))
"""


def child(code: str) -> dict:
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                            text=True, check=True, cwd=tempfile.gettempdir(),
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    return json.loads(result.stdout.strip().splitlines()[-1])


def startup(runs: int) -> list[tuple]:
    base = [child(CHILD_PRELUDE + BASELINE_WINDOW + REPORT) for _ in range(runs)]
    ours = [child(CHILD_PRELUDE + NECKTIMER_WINDOW + REPORT) for _ in range(runs)]
    b = statistics.median(r["seconds"] for r in base)
    o = statistics.median(r["seconds"] for r in ours)
    bm = statistics.median(r["max_rss_kib"] for r in base) / 1024
    om = statistics.median(r["max_rss_kib"] for r in ours) / 1024
    return [("startup to first window (median, s)", o, b),
            ("peak memory after start (MiB)", om, bm)]


def wakeups(seconds: float) -> list[tuple]:
    hide = "window.hide(); app.processEvents()\n"
    base = child(CHILD_PRELUDE + BASELINE_WINDOW + hide + IDLE.format(seconds=seconds))
    base_visible = child(CHILD_PRELUDE + BASELINE_WINDOW + IDLE.format(seconds=seconds))
    hidden = "instance.window.hide(); app.processEvents()\n"
    start = "from necktimer.core.rules import Therapy\ninstance.controller.start(Therapy.ICE)\n"
    cases = {
        "hidden, nothing pending": (hidden, base),
        "hidden, session running": (start + hidden, base),
        "visible countdown": (start, base_visible),
    }
    rows = []
    for name, (setup, baseline) in cases.items():
        ours = child(CHILD_PRELUDE + NECKTIMER_WINDOW + setup + IDLE.format(seconds=seconds))
        rows.append((f"timer wake-ups in {seconds:.0f} s, {name}", ours["timers"],
                     baseline["timers"]))
        rows.append((f"CPU seconds in {seconds:.0f} s, {name}", ours["cpu"], baseline["cpu"]))
    return rows


HISTORY = """
from datetime import UTC, datetime, timedelta
from pathlib import Path
from necktimer.core.store import Store
folder = Path(tempfile.mkdtemp())
store = Store.open(folder).store
t = datetime(2026, 1, 1, tzinfo=UTC)
rows = [(("ice", "heat")[i % 2], (t - timedelta(hours=3 * i)).isoformat(),
         (t - timedelta(hours=3 * i) + timedelta(minutes=15)).isoformat(),
         (t - timedelta(hours=3 * i) + timedelta(minutes=15)).isoformat(), i % 11)
        for i in range(1, {count} + 1)]
with store.transaction():
    store._db.executemany("INSERT INTO sessions (therapy, started_at, planned_end, ended_at, "
                          "end_reason, pain_before) VALUES (?, ?, ?, ?, 'completed', ?)", rows)
store.close()
from necktimer.ui.app import Necktimer, ensure_application
app = ensure_application()
instance = Necktimer(folder, tray_available=False, dbus_address=None)
instance.start(); app.processEvents()
start = time.perf_counter()
history = instance.show_history(); app.processEvents()
opened = time.perf_counter() - start
start = time.perf_counter()
history.model.sort(4, 0); app.processEvents()
resorted = time.perf_counter() - start
print(json.dumps({{"open": opened, "sort": resorted, "rows": history.model.rowCount()}}))
"""

BASELINE_TABLE = """
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication([])
start = time.perf_counter()
model = QStandardItemModel(200, 7)
view = QTableView(); view.setModel(model); view.resize(860, 620); view.show(); app.processEvents()
print(json.dumps({"open": time.perf_counter() - start}))
"""


def history(count: int) -> list[tuple]:
    ours = child(CHILD_PRELUDE + HISTORY.format(count=count))
    base = child(CHILD_PRELUDE + BASELINE_TABLE)
    return [
        (f"open History with {count:,} sessions (s)", ours["open"], base["open"]),
        (f"re-sort {count:,} sessions by pain (s)", ours["sort"], base["open"]),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", nargs="*", metavar="MEASURE",
                        help="startup (includes memory), wakeups, history; default: all")
    parser.add_argument("--runs", type=int, default=5, help="startup runs per side")
    parser.add_argument("--seconds", type=float, default=10.0, help="idle time per wake-up run")
    parser.add_argument("--sessions", type=int, default=50_000)
    args = parser.parse_args(argv)
    chosen = set(args.which or ["startup", "wakeups", "history"])
    unknown = chosen - {"startup", "memory", "wakeups", "history"}
    if unknown:
        parser.error(f"unknown measure {', '.join(sorted(unknown))}")
    rows: list[tuple] = []
    if chosen & {"startup", "memory"}:
        rows += startup(args.runs)
    if "wakeups" in chosen:
        rows += wakeups(args.seconds)
    if "history" in chosen:
        rows += history(args.sessions)
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'necktimer':>10}  {'bare Qt':>10}  {'ratio':>7}")
    for name, ours, base in rows:
        ratio = f"{ours / base:.2f}" if base else ("1.00" if ours == base else "—")
        print(f"{name:<{width}}  {ours:>10.3f}  {base:>10.3f}  {ratio:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

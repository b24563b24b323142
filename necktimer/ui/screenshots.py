"""Writes screenshots of the real window: `python -m necktimer.ui.screenshots DIR`.

It runs offscreen with a fake clock and a throw-away data folder, so it never
touches the user's history and gives the same pictures on every machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

LOCAL = timezone(timedelta(hours=1), "CET")


def _grab(widget, path: Path) -> Path:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)
    return path


def write_screenshots(out_dir: Path, *, dark: bool = False) -> list[Path]:
    from necktimer.core.clock import FakeClock
    from necktimer.ui.app import Necktimer, ensure_application
    from necktimer.ui.theme import apply_palette

    app = ensure_application()
    apply_palette(app, dark=dark)
    out_dir.mkdir(parents=True, exist_ok=True)
    suffix = "-dark" if dark else ""
    written = []
    with tempfile.TemporaryDirectory() as data:
        clock = FakeClock(datetime(2026, 3, 2, 16, 50, tzinfo=UTC))
        instance = Necktimer(Path(data), clock, tray_available=False, local_tz=LOCAL)
        window = instance.window
        window.resize(980, 620)
        instance.start()
        written.append(_grab(window, out_dir / f"idle{suffix}.png"))
        window.start_ice()
        clock.advance(4 * 60 + 23)
        instance.controller.refresh()
        written.append(_grab(window, out_dir / f"running-ice{suffix}.png"))
        clock.advance(11 * 60)
        instance.controller.refresh()
        written.append(_grab(window, out_dir / f"times-up{suffix}.png"))
        instance.controller.acknowledge_removal()
        clock.advance(42 * 60)
        instance.controller.refresh()
        written.append(_grab(window, out_dir / f"waiting{suffix}.png"))
        if not dark:
            instance.show_settings()
            written.append(_grab(instance.settings_dialog, out_dir / "settings.png"))
            instance.settings_dialog.reject()
        instance.shutdown()
    written.append(write_tray_states(out_dir / f"tray-states{suffix}.png", dark=dark))
    return written


def write_diary_screenshots(out_dir: Path) -> list[Path]:
    """History with its chart, the one-week physician banner and the warning-sign message."""
    import random

    from necktimer.core.clock import FakeClock
    from necktimer.core.rules import EndReason, Therapy
    from necktimer.ui.app import Necktimer, ensure_application
    from necktimer.ui.theme import apply_palette

    apply_palette(ensure_application(), dark=False)
    written = []
    with tempfile.TemporaryDirectory() as data:
        clock = FakeClock(datetime(2026, 3, 12, 8, 0, tzinfo=UTC))
        instance = Necktimer(Path(data), clock, tray_available=False, local_tz=LOCAL)
        store = instance.store
        pick = random.Random(7)
        notes = ["stiff on waking", "after a long drive", "", "", "better after heat"]
        with store.transaction():
            for day in range(10):
                for slot in range(pick.randint(1, 3)):
                    start = clock.now() - timedelta(days=10 - day, hours=-3 * slot - 1)
                    session_id = store.insert_session(pick.choice(list(Therapy)), start,
                                                      start + timedelta(minutes=15))
                    store.end_session(session_id, start + timedelta(minutes=15),
                                      EndReason.COMPLETED,
                                      removed_at=start + timedelta(minutes=16))
                    store.set_pain(session_id, "pain_before", min(10, 6 + pick.randint(0, 2)))
                    store.set_pain(session_id, "pain_after", 4 + pick.randint(0, 2))
                    store.set_note(session_id, pick.choice(notes))
        window = instance.window
        window.resize(980, 640)
        instance.start()
        written.append(_grab(window, out_dir / "physician-banner.png"))
        history = instance.show_history()
        history.resize(900, 640)
        written.append(_grab(history, out_dir / "history.png"))
        window.tips.warning_signs.boxes["arm"].setChecked(True)
        written.append(_grab(window, out_dir / "warning-signs.png"))
        instance.shutdown()
    return written


def write_tray_states(path: Path, *, dark: bool) -> Path:
    """The tray icon in each state, at tray size and enlarged, with a label under each."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QPainter, QPixmap

    from necktimer.core.rules import Session, State, Status, Therapy
    from necktimer.ui.tray import tray_pixmap

    t0 = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)

    def running(therapy: Therapy, minutes: int) -> Status:
        session = Session(1, therapy, t0, t0 + timedelta(minutes=15))
        return Status(State.RUNNING, t0, session, remaining=timedelta(minutes=minutes))

    ended = Session(1, Therapy.ICE, t0, t0 + timedelta(minutes=15))
    states = [
        ("Ready", Status(State.READY, t0), False),
        ("Ice · 7 min left", running(Therapy.ICE, 7), False),
        ("Heat · 12 min left", running(Therapy.HEAT, 12), False),
        ("Waiting (gap)", Status(State.WAITING, t0, ended, wait=timedelta(minutes=75)), False),
        ("Time's up", Status(State.WAITING, t0, ended, wait=timedelta(hours=2)), True),
    ]
    cell = 150
    canvas = QPixmap(cell * len(states), 150)
    canvas.fill(QColor("#202327" if dark else "#f4f4f4"))
    painter = QPainter(canvas)
    painter.setPen(QColor("#e8eaed" if dark else "#202124"))
    for index, (label, status, attention) in enumerate(states):
        x = index * cell
        painter.drawPixmap(x + 10, 20, tray_pixmap(status, attention, 22))
        painter.drawPixmap(x + 45, 10, tray_pixmap(status, attention, 96))
        painter.drawText(QRect(x, 112, cell, 30), Qt.AlignmentFlag.AlignCenter, label)
    painter.end()
    if not canvas.save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m necktimer.ui.screenshots",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, nargs="?", default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    write_screenshots(args.out_dir)
    write_screenshots(args.out_dir, dark=True)
    write_diary_screenshots(args.out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())

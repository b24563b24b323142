"""Writes screenshots of the real window: `python -m necktimer.ui.screenshots DIR`.

It runs offscreen with a fake clock and throw-away data folders, so it never
touches the user's history and gives the same pictures on every machine. Each
variant (scaling, font size, colour scheme, language) runs in a process of its
own, because Qt reads the scale factor and the language once, at start-up.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

LOCAL = timezone(timedelta(hours=1), "CET")
US_CENTRAL = timezone(timedelta(hours=-6), "CST")

# name: (environment, window size in logical pixels, font point size or None, theme, states)
VARIANTS: dict[str, tuple[dict[str, str], tuple[int, int], int | None, str, tuple[str, ...]]] = {
    "light": ({}, (980, 640), None, "light",
              ("idle", "running-ice", "times-up", "waiting", "settings")),
    "diary": ({}, (980, 640), None, "light", ("diary",)),
    "dark": ({}, (980, 640), None, "dark", ("idle", "running-ice", "times-up", "waiting")),
    "scale2": ({"QT_SCALE_FACTOR": "2"}, (683, 368), None, "light",
               ("running-ice", "times-up", "pain-prompt")),
    "scale1.5": ({"QT_SCALE_FACTOR": "1.5"}, (910, 490), None, "dark", ("running-ice",)),
    "bigfont": ({}, (1000, 700), 13, "light", ("running-ice", "times-up")),
    "es": ({"LC_ALL": "", "LANG": "es_US.UTF-8"}, (980, 640), None, "light",
           ("running-ice", "times-up")),
    "de": ({"LC_ALL": "", "LANG": "de_DE.UTF-8"}, (980, 640), None, "light",
           ("running-ice", "times-up")),
}


def _grab(widget, path: Path) -> Path:
    from PySide6.QtWidgets import QApplication

    for _ in range(3):  # a question that appeared scrolls into sight on a later turn
        QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)
    return path


def _file_name(state: str, variant: str) -> str:
    return f"{state}.png" if variant == "light" else f"{state}-{variant}.png"


def write_variant(out_dir: Path, variant: str) -> list[Path]:
    """One variant's pictures, in this process (already started with its environment)."""
    from necktimer import language
    from necktimer.core import i18n
    from necktimer.core.clock import FakeClock
    from necktimer.core.rules import Therapy
    from necktimer.core.service import SessionService
    from necktimer.settings_io import SettingsFile
    from necktimer.ui.app import Necktimer, ensure_application

    _env, (width, height), points, theme_name, states = VARIANTS[variant]
    app = ensure_application()
    language.install("system", app)
    i18n.install(tz=US_CENTRAL if variant == "es" else LOCAL)
    if points:
        font = app.font()
        font.setPointSize(points)
        app.setFont(font)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as data:
        folder = Path(data)
        settings = SettingsFile(folder)
        clock = FakeClock(datetime(2026, 3, 2, 16, 50, tzinfo=UTC))
        # A profile in use: its history first (settings alone would read as a lost history).
        SessionService.open(folder, clock, settings).close()
        settings.update(theme=theme_name)
        if "diary" in states:
            _fill_diary(folder, clock)
        service = SessionService.open(folder, clock, settings)
        instance = Necktimer(service, settings, tray_available=False, dbus_address=None,
                             system_bus=None, chime=_Silent())
        window = instance.window
        instance.start()
        window.resize(width, height)
        if "diary" in states:
            written.append(_grab(window, out_dir / "physician-banner.png"))
            history = instance.show_history()
            history.resize(900, 640)
            written.append(_grab(history, out_dir / "history.png"))
            history.hide()
            window.tips.warning_signs.boxes["arm"].setChecked(True)
            written.append(_grab(window, out_dir / "warning-signs.png"))
            instance.shutdown()
            return written
        if "idle" in states:
            written.append(_grab(window, out_dir / _file_name("idle", variant)))
        instance.controller.start(Therapy.ICE, 15)
        clock.advance(4 * 60 + 23)
        instance.controller.refresh()
        written.append(_grab(window, out_dir / _file_name("running-ice", variant)))
        if "times-up" in states:
            clock.advance(10 * 60 + 37)
            instance.controller.refresh()
            written.append(_grab(window, out_dir / _file_name("times-up", variant)))
        if "pain-prompt" in states:
            instance.controller.acknowledge_removal()
            written.append(_grab(window, out_dir / _file_name("pain-prompt", variant)))
        if "waiting" in states:
            instance.controller.acknowledge_removal()
            instance.controller.answer_pain(None)
            clock.advance(42 * 60)
            instance.controller.refresh()
            written.append(_grab(window, out_dir / _file_name("waiting", variant)))
        if "settings" in states:
            instance.show_settings()
            written.append(_grab(instance.settings_dialog, out_dir / "settings.png"))
            instance.settings_dialog.reject()
        instance.shutdown()
    if variant in ("light", "dark"):
        written.append(write_tray_states(out_dir / _file_name("tray-states", variant),
                                         dark=variant == "dark"))
    return written


class _Silent:
    def play(self) -> bool:
        return False


def _fill_diary(folder: Path, clock) -> None:
    """Ten days of sessions with ratings, written through the service as a user would."""
    import random

    from necktimer.core.diary import Pain
    from necktimer.core.rules import Therapy
    from necktimer.core.service import SessionService

    service = SessionService.open(folder, clock)
    pick = random.Random(7)
    notes = ["stiff on waking", "after a long drive", "", "", "better after heat"]
    start = clock.now()
    for day in range(10):
        for _slot in range(pick.randint(1, 3)):
            outcome = service.start(pick.choice(list(Therapy)), 15)
            if not outcome.ok:
                continue
            service.record_pain(outcome.session.id, Pain.BEFORE, min(10, 6 + pick.randint(0, 2)))
            clock.advance(15 * 60)
            service.tick()
            service.acknowledge_removal()
            service.record_pain(outcome.session.id, Pain.AFTER, 4 + pick.randint(0, 2))
            service.record_note(outcome.session.id, pick.choice(notes))
            clock.advance(3 * 3600)
        elapsed = (clock.now() - start).total_seconds()
        clock.advance(max(0.0, (day + 1) * 86400 - elapsed))
    service.close()


def write_tray_states(path: Path, *, dark: bool) -> Path:
    """The tray icon in each state, at tray size and enlarged, with a label under each."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QPainter, QPixmap

    from necktimer.core.rules import State, Therapy
    from necktimer.ui.tray import Look, tray_pixmap

    states = [
        ("Ready", Look(State.READY)),
        ("Ice · 7 min left", Look(State.RUNNING, Therapy.ICE, 7 / 15, 7)),
        ("Heat · 12 min left", Look(State.RUNNING, Therapy.HEAT, 12 / 15, 12)),
        ("Waiting (gap)", Look(State.WAITING, fraction=15 / 24)),
        ("Time's up", Look(State.WAITING, attention=True)),
    ]
    cell = 150
    canvas = QPixmap(cell * len(states), 150)
    canvas.fill(QColor("#202327" if dark else "#f4f4f4"))
    painter = QPainter(canvas)
    painter.setPen(QColor("#e8eaed" if dark else "#202124"))
    for index, (label, look) in enumerate(states):
        x = index * cell
        painter.drawPixmap(x + 10, 20, tray_pixmap(look, 22))
        painter.drawPixmap(x + 45, 10, tray_pixmap(look, 96))
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
    parser.add_argument("--variant", choices=sorted(VARIANTS), default=None,
                        help="write one variant in this process (default: all, one each)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.variant:
        write_variant(args.out_dir, args.variant)
        return 0
    for variant, (env, *_rest) in VARIANTS.items():
        environment = dict(os.environ, **env)
        subprocess.run([sys.executable, "-m", "necktimer.ui.screenshots", str(args.out_dir),
                        "--variant", variant], check=True, env=environment)
    return 0


if __name__ == "__main__":
    sys.exit(main())

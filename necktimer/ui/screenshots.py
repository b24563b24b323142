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
        instance.shutdown()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m necktimer.ui.screenshots",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, nargs="?", default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    write_screenshots(args.out_dir)
    write_screenshots(args.out_dir, dark=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

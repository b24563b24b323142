"""Renders the app icon's SVG to the PNG sizes the window uses: `python tools/render_icons.py`.

The running app loads these PNGs rather than the SVG, so it never loads QtSvg
(a library and some memory for one icon). Run this after changing the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources/icons/hicolor/scalable/apps/io.github.necktimer.NeckTimer.svg"
SIZES = (16, 32, 48, 64, 128, 256)


def main() -> int:
    QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    out = ROOT / "resources" / "icons" / "png"
    out.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        image.save(str(out / f"{size}.png"))
        print(out / f"{size}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())

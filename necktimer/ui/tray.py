"""The system tray icon: a ring drawn at run time, a tooltip, and the session menu."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from necktimer import DISPLAY_NAME
from necktimer.core.humanize import format_clock, format_duration
from necktimer.core.resources import app_icon_path
from necktimer.core.rules import State, Status, Therapy
from necktimer.ui import colors

ATTENTION = QColor("#d93025")


def tray_pixmap(status: Status, attention: bool = False, size: int = 64) -> QPixmap:
    """Blue ring for ice, orange for heat (shrinking as time runs out), grey during the gap."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if status.state is State.READY and not attention:
        # Nothing running, nothing to wait for: the plain application icon.
        QSvgRenderer(str(app_icon_path())).render(painter, QRectF(0, 0, size, size))
        painter.end()
        return pixmap
    width = size * 0.16
    box = QRectF(width / 2 + 1, width / 2 + 1, size - width - 2, size - width - 2)
    track = QColor("#8a8f98")
    track.setAlpha(110)
    painter.setPen(QPen(track, width))
    painter.drawEllipse(box)

    if status.state is State.RUNNING and status.session is not None:
        fraction = status.remaining / status.session.planned_length
        color = colors.therapy_color(status.session.therapy)
    elif status.state is State.WAITING:
        fraction = status.wait / status.gap
        color = colors.WAITING
    else:
        fraction, color = 1.0, colors.WAITING
    if attention:
        fraction, color = 1.0, ATTENTION
    painter.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
    painter.drawArc(box, 90 * 16, -round(max(0.0, min(fraction, 1.0)) * 360 * 16))

    if attention:
        painter.setBrush(ATTENTION)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(box.adjusted(width, width, -width, -width))
        mark = QFont()
        mark.setPixelSize(int(size * 0.42))
        mark.setBold(True)
        painter.setFont(mark)
        painter.setPen(QColor("white"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "!")
    elif status.state is State.RUNNING and status.remaining is not None:
        # Minutes left in the middle, readable at 22 px.
        minutes = max(1, -(-int(status.remaining.total_seconds()) // 60))
        digits = QFont()
        digits.setPixelSize(int(size * (0.42 if minutes < 10 else 0.34)))
        digits.setBold(True)
        painter.setFont(digits)
        painter.setPen(color)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(minutes))
    painter.end()
    return pixmap


def tooltip_for(status: Status, attention: bool, local_tz: tzinfo | None = None) -> str:
    if attention and status.session is not None:
        return f"{DISPLAY_NAME} · Time's up — remove the {status.session.therapy.pack}"
    if status.state is State.RUNNING and status.session is not None:
        return (f"{status.session.therapy.label} · "
                f"{format_duration(status.remaining)} left")
    if status.state is State.WAITING:
        return f"Next session at {format_clock(status.next_allowed_at, local_tz)}"
    return f"{DISPLAY_NAME} · ready for ice or heat"


class Tray(QObject):
    """Owns the QSystemTrayIcon and its menu; every item goes through the controller."""

    showWindowRequested = Signal()
    quitRequested = Signal()
    settingsRequested = Signal()
    historyRequested = Signal()

    def __init__(self, controller, local_tz: tzinfo | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._local_tz = local_tz
        self.attention = False
        self.icon = QSystemTrayIcon(self)
        self.menu = QMenu()
        self.start_ice = self._add("Start ice", lambda: controller.start(Therapy.ICE))
        self.start_heat = self._add("Start heat", lambda: controller.start(Therapy.HEAT))
        self.stop = self._add("Stop", controller.stop)
        self.removed = self._add("Done — removed", controller.acknowledge_removal)
        self.menu.addSeparator()
        self.show_window = self._add("Show window", self.showWindowRequested.emit)
        self.history = self._add("History…", self.historyRequested.emit)
        self.settings = self._add("Settings…", self.settingsRequested.emit)
        self.menu.addSeparator()
        self.quit = self._add("Quit", self.quitRequested.emit)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        controller.statusChanged.connect(self.show_status)
        controller.removalReminder.connect(lambda *_: self.set_attention(True))
        controller.removalAcknowledged.connect(lambda *_: self.set_attention(False))
        controller.sessionStarted.connect(lambda *_: self.set_attention(False))
        self.show_status(controller.status)

    def _add(self, text: str, slot) -> QAction:
        action = QAction(text, self.menu)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.showWindowRequested.emit()

    def set_attention(self, attention: bool) -> None:
        self.attention = attention
        self.show_status(self.controller.status)

    def show_status(self, status: Status) -> None:
        ready = status.state is State.READY
        self.start_ice.setEnabled(ready)
        self.start_heat.setEnabled(ready)
        self.stop.setEnabled(status.state is State.RUNNING)
        self.removed.setEnabled(self.attention)
        self.icon.setIcon(QIcon(tray_pixmap(status, self.attention)))
        self.icon.setToolTip(tooltip_for(status, self.attention, self._local_tz))

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def is_shown(self) -> bool:
        """True while the icon is shown; its balloon messages need that."""
        return self.icon.isVisible()

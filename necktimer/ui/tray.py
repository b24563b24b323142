"""The system tray icon: a ring drawn at run time, a tooltip, and the session menu.

It redraws from the controller's view state, and only touches the icon or the
tooltip when what they show has changed (a desktop's tray repaints, and
sometimes re-reads the whole icon over D-Bus, on every change).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from necktimer import DISPLAY_NAME
from necktimer.core.humanize import format_duration
from necktimer.core.i18n import allowed_time, arg, clock_time, past_time, translate
from necktimer.core.rules import State, Therapy
from necktimer.core.value import value
from necktimer.ui import colors
from necktimer.ui.view_state import ViewState

ATTENTION = colors.ATTENTION
GAP_STEPS = 24  # the grey ring moves in steps of 1/24 of the gap (5 minutes of 2 hours)


@value
class Look:
    """Everything the tray icon's picture depends on; a new picture only when it changes."""

    state: State
    therapy: Therapy | None = None
    fraction: float = 1.0
    minutes: int | None = None
    attention: bool = False


def look_for(view: ViewState) -> Look:
    status = view.status
    if view.reminder is not None:
        return Look(status.state, attention=True)
    if status.state is State.RUNNING and status.session is not None and status.remaining:
        minutes = max(1, math.ceil(status.remaining.total_seconds() / 60))
        total = max(1, math.ceil(status.session.planned_length.total_seconds() / 60))
        return Look(State.RUNNING, status.session.therapy, minutes / total, minutes)
    if status.state is State.WAITING and status.wait is not None:
        steps = math.ceil(status.wait / status.gap * GAP_STEPS)
        return Look(State.WAITING, fraction=steps / GAP_STEPS)
    return Look(status.state)


def tray_pixmap(look: Look, size: int = 64) -> QPixmap:
    """Blue ring for ice, orange for heat (shrinking as time runs out), grey during the gap."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    width = size * 0.16
    box = QRectF(width / 2 + 1, width / 2 + 1, size - width - 2, size - width - 2)
    if look.state in (State.READY, State.UNKNOWN) and not look.attention:
        # Nothing running, nothing to wait for: a calm full green ring. A lost history
        # refuses starts until the user answers: grey with "?", as the window's ring.
        color = colors.READY if look.state is State.READY else colors.WAITING
        painter.setPen(QPen(color, width))
        painter.drawEllipse(box)
        if look.state is State.UNKNOWN:
            _centre_text(painter, box, size, "?", color)
        painter.end()
        return pixmap
    track = QColor("#8a8f98")
    track.setAlpha(110)
    painter.setPen(QPen(track, width))
    painter.drawEllipse(box)
    color = colors.therapy_color(look.therapy) if look.therapy else colors.WAITING
    fraction = look.fraction
    if look.attention:
        color, fraction = ATTENTION, 1.0
    painter.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
    painter.drawArc(box, 90 * 16, -round(max(0.0, min(fraction, 1.0)) * 360 * 16))
    if look.attention:
        painter.setBrush(ATTENTION)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(box.adjusted(width, width, -width, -width))
        _centre_text(painter, box, size, "!", QColor("white"))
    elif look.minutes is not None:
        _centre_text(painter, box, size, str(look.minutes), color)
    painter.end()
    return pixmap


def _centre_text(painter: QPainter, box: QRectF, size: int, text: str, color: QColor) -> None:
    font = QFont()
    font.setPixelSize(int(size * (0.42 if len(text) < 2 else 0.34)))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(color)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def tooltip_for(view: ViewState) -> str:
    status = view.status
    if view.reminder is not None:
        if view.reminder.session.therapy is Therapy.ICE:
            return arg(translate("Tray", "%1 · Time's up — remove the ice pack"), DISPLAY_NAME)
        return arg(translate("Tray", "%1 · Time's up — remove the heat pack"), DISPLAY_NAME)
    if status.state is State.RUNNING and status.session is not None:
        if view.heads_up:
            if status.session.therapy is Therapy.ICE:
                return translate("Tray", "Ice · 1 minute left — get ready to take it off")
            return translate("Tray", "Heat · 1 minute left — get ready to take it off")
        if status.session.therapy is Therapy.ICE:
            text = translate("Tray", "Ice · %1 left")
        else:
            text = translate("Tray", "Heat · %1 left")
        return arg(text, format_duration(status.remaining))
    if status.state is State.WAITING:
        return arg(translate("Tray", "%1 · next session at %2"), DISPLAY_NAME,
                   allowed_time(status.next_allowed_at, status.now))
    if status.state is State.UNKNOWN:
        return arg(translate("Tray", "%1 · when did the last pack come off?"), DISPLAY_NAME)
    return arg(translate("Tray", "%1 · ready for ice or heat"), DISPLAY_NAME)


def menu_summary(view: ViewState) -> str | None:
    """The menu's first line: why Start is greyed out, and until when (a tooltip says it
    too, but GNOME's AppIndicator shows no tooltips). None when Start is open."""
    status = view.status
    if view.reminder is not None:
        if view.reminder.session.therapy is Therapy.ICE:
            return translate("Alerts", "Time's up — remove the ice pack")
        return translate("Alerts", "Time's up — remove the heat pack")
    if status.state is State.RUNNING and status.session is not None:
        text = (translate("Tray", "Ice session ends at %1")
                if status.session.therapy is Therapy.ICE
                else translate("Tray", "Heat session ends at %1"))
        # The end is a time that will be, not one the rules allow: its own minute, as the
        # window and `status` say it (rounded up, it read a minute later than they did).
        return arg(text, clock_time(status.ends_at))
    if status.state is State.WAITING and status.next_allowed_at is not None:
        return arg(translate("Tray", "Next session allowed at %1"),
                   allowed_time(status.next_allowed_at, status.now))
    if status.state is State.UNKNOWN:
        return translate("Tray", "History lost: say in the window when the last pack came off")
    return None


class Tray(QObject):
    """Owns the QSystemTrayIcon and its menu; every item goes through the controller."""

    showWindowRequested = Signal()
    quitRequested = Signal()
    settingsRequested = Signal()
    historyRequested = Signal()

    def __init__(self, controller, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.icon = QSystemTrayIcon(self)
        self.menu = QMenu()
        self.summary = self._add("", lambda: None)  # a line to read, not to choose
        self.summary.setEnabled(False)
        self._summary_line = self.menu.addSeparator()
        # Of the length the window shows (the controller keeps it), said in the item.
        self.start_ice = self._add("", lambda: controller.start(Therapy.ICE))
        self.start_heat = self._add("", lambda: controller.start(Therapy.HEAT))
        self._show_length()
        controller.lengthChosen.connect(self._show_length)
        self.stop = self._add(translate("Tray", "Stop"), controller.stop)
        self.undo = self._add(translate("Tray", "Undo stop"), controller.undo_stop)
        self.removed = self._add(translate("Tray", "Done — removed"),
                                 controller.acknowledge_removal)
        self.removed_at_end = self._add("", lambda: controller.acknowledge_removal(at_end=True))
        self.menu.addSeparator()
        self.show_window = self._add(translate("Tray", "Show window"),
                                     self.showWindowRequested.emit)
        self.history = self._add(translate("Tray", "History…"), self.historyRequested.emit)
        self.settings = self._add(translate("Tray", "Settings…"), self.settingsRequested.emit)
        self.menu.addSeparator()
        self.quit = self._add(translate("Tray", "Quit"), self.quitRequested.emit)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self._look: Look | None = None
        self._tooltip: str | None = None
        controller.stateChanged.connect(self.show_state)
        self.show_state(controller.state)

    def _add(self, text: str, slot) -> QAction:
        action = QAction(text, self.menu)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def _show_length(self, *_chosen) -> None:
        """The chosen length, within what mis-starts left of the 15 minutes."""
        controller = self.controller
        minutes = min(controller.chosen_minutes, controller.state.status.longest_minutes)
        ice = arg(translate("Tray", "Start ice (%1 min)"), minutes)
        if self.start_ice.text() != ice:
            self.start_ice.setText(ice)
            self.start_heat.setText(arg(translate("Tray", "Start heat (%1 min)"), minutes))

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.showWindowRequested.emit()

    def show_state(self, view: ViewState) -> None:
        status = view.status
        summary = menu_summary(view)
        if summary is not None and self.summary.text() != summary:
            self.summary.setText(summary)
        if self.summary.isVisible() != (summary is not None):
            self.summary.setVisible(summary is not None)
            self._summary_line.setVisible(summary is not None)
        self._show_length()
        self.start_ice.setEnabled(status.state is State.READY)
        self.start_heat.setEnabled(status.state is State.READY)
        self.stop.setEnabled(status.state is State.RUNNING)
        self.undo.setVisible(view.undo is not None)
        self.removed.setEnabled(view.reminder is not None)
        if view.late_end is not None:  # as the window's banner: the gap may run from the end
            self.removed_at_end.setText(arg(translate("Tray", "It came off at %1"),
                                            past_time(view.late_end, view.status.now)))
        # Beside "It came off at 09:15", "Done — removed" says when: now.
        removed = (translate("Tray", "Done — removed now") if view.late_end is not None
                   else translate("Tray", "Done — removed"))
        if self.removed.text() != removed:
            self.removed.setText(removed)
        self.removed_at_end.setVisible(view.late_end is not None)
        look = look_for(view)
        if look != self._look:
            self._look = look
            icon = QIcon()
            for size in (16, 22, 24, 32, 48, 64):
                icon.addPixmap(tray_pixmap(look, size))
            self.icon.setIcon(icon)
        tooltip = tooltip_for(view)
        if tooltip != self._tooltip:
            self._tooltip = tooltip
            self.icon.setToolTip(tooltip)

    @property
    def look(self) -> Look | None:
        return self._look

    @property
    def tooltip(self) -> str | None:
        return self._tooltip

    def show(self) -> None:
        self.icon.show()
        self.controller.set_tray(True)

    def hide(self) -> None:
        self.icon.hide()
        self.controller.set_tray(False)

    def is_shown(self) -> bool:
        return self.icon.isVisible()


"""The therapy colours, shared by the countdown ring and the tray icon."""

from PySide6.QtGui import QColor

from necktimer.core.rules import Therapy

ICE = QColor("#2f80d1")
HEAT = QColor("#e06a1b")
WAITING = QColor("#8a8f98")
READY = QColor("#3c9a5f")
ATTENTION = QColor("#d93025")


def therapy_color(therapy: Therapy | None) -> QColor:
    if therapy is Therapy.ICE:
        return ICE
    if therapy is Therapy.HEAT:
        return HEAT
    return WAITING

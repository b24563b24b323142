"""Sizes a top-level window to the screen it opens on: comfortable, never larger than the room.

A small laptop at 2x scaling leaves about 683x368 logical pixels; a window asked
for at a fixed size there would put its buttons off-screen, where nobody without
a window manager's tricks can reach them.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# The share of the available room a window may take: a little of the desktop stays in view.
WIDTH_SHARE = 0.95
HEIGHT_SHARE = 0.92


def room_for(widget: QWidget) -> QSize:
    """The available size of the widget's screen (the primary one before it is shown)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() if screen else QSize(1280, 800)


def fit_to_room(widget: QWidget, wanted: QSize) -> None:
    """Resize to `wanted`, or less where the screen has less room."""
    room = room_for(widget)
    widget.resize(min(wanted.width(), int(room.width() * WIDTH_SHARE)),
                  min(wanted.height(), int(room.height() * HEIGHT_SHARE)))

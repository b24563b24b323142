"""Announcements to screen readers, made safe to call as often as needed."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QWidget


def update_accessibility(event: QAccessibleEvent) -> None:
    """QAccessible.updateAccessibility without losing a reference to None.

    WORKAROUND for a PySide6 6.12 binding bug: every call of
    QAccessible.updateAccessibility drops one reference to None, and on Python
    3.11 (where None is not immortal) the process aborts after a few thousand
    calls with "none_dealloc". We give back exactly what the call took.
    """
    before = sys.getrefcount(None)
    QAccessible.updateAccessibility(event)
    lost = before - sys.getrefcount(None)
    for _ in range(max(0, lost)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))


def announce(widget: QWidget, text: str) -> None:
    """Ask screen readers to read `text` once (Qt 6.8+ announcement event)."""
    update_accessibility(QAccessibleAnnouncementEvent(widget, text))

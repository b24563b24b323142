"""Announcements to screen readers."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


def announce(widget: QWidget, text: str) -> None:
    """Ask screen readers to read `text` once (Qt 6.8+ announcement event)."""
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))

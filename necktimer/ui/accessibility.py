"""Announcements to screen readers."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def announce(widget: QWidget, text: str) -> None:
    """Ask screen readers to read `text` once (Qt 6.8+ announcement event)."""
    # Imported at the first announcement, not at start-up: building QAccessible's
    # Python enums (its roles, events, states) costs 2 ms and 60 KiB the first
    # picture does not need.
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))

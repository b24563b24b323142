"""Light and dark palettes, so both can be checked and shown in screenshots."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


def dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    for which, color in (
        (role.Window, "#202327"), (role.WindowText, "#e8eaed"), (role.Base, "#17191c"),
        (role.AlternateBase, "#26292e"), (role.Text, "#e8eaed"), (role.Button, "#2b2f35"),
        (role.ButtonText, "#e8eaed"), (role.Highlight, "#3d7bd9"),
        (role.HighlightedText, "#ffffff"), (role.ToolTipBase, "#2b2f35"),
        (role.ToolTipText, "#e8eaed"), (role.PlaceholderText, "#9aa0a6"), (role.Mid, "#5f6368"),
        (role.Light, "#3c4043"), (role.Dark, "#111315"), (role.Link, "#8ab4f8"),
    ):
        palette.setColor(which, QColor(color))
    disabled = QPalette.ColorGroup.Disabled
    for which in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, which, QColor("#7b8087"))
    return palette


def apply_palette(app: QApplication, *, dark: bool) -> None:
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if dark else app.style().standardPalette())

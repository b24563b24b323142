"""Light and dark: follow the desktop, or the user's choice in Settings → Appearance.

A chosen scheme is applied with the Fusion style and a palette of our own, so
it looks the same on every desktop; Qt 6.8's `QStyleHints.setColorScheme`
also tells the platform (title bars, dialogs) which one is wanted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

_original: dict[str, object] = {}


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
        palette.setColor(disabled, which, QColor("#8b9097"))
    return palette


# The edge of a check box or radio button: 3.4:1 against the dark window (#202327),
# 4:1 against the light one (#efefef). Fusion's own was 1.1:1 and 1.7:1.
INDICATOR_EDGE = {True: "#8b9097", False: "#767676"}


def outlined_fusion(*, dark: bool):
    """Fusion, with indicators outlined so that they stand out from the window."""
    from necktimer.ui.outlined_style import OutlinedIndicators  # once a scheme is chosen

    return OutlinedIndicators(QColor(INDICATOR_EDGE[dark]))


def light_palette(app: QApplication) -> QPalette:
    palette = app.style().standardPalette()
    disabled = QPalette.ColorGroup.Disabled
    for which in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                  QPalette.ColorRole.ButtonText):
        palette.setColor(disabled, which, QColor("#6b6f75"))
    return palette


def _remember_original(app: QApplication) -> None:
    """The desktop's own style and palette, before our first change: "system" goes back."""
    if not _original:
        _original["style"] = app.style().name()
        _original["palette"] = QPalette(app.palette())


def apply(app: QApplication, setting: str) -> None:
    """Use the colour scheme `setting` names: "system", "light" or "dark"."""
    hints = app.styleHints()
    if setting == "system":
        if hasattr(hints, "unsetColorScheme"):
            hints.unsetColorScheme()
        if _original and app.style().name() != _original["style"]:
            app.setStyle(str(_original["style"]))
        if hints.colorScheme() == Qt.ColorScheme.Dark and app.style().name() == "fusion":
            _remember_original(app)
            app.setStyle(outlined_fusion(dark=True))
            app.setPalette(dark_palette())
        elif _original:
            app.setPalette(_original["palette"])
        # Otherwise nothing was changed: the style is not even asked for at start-up,
        # where wrapping it costs PySide a few milliseconds before the first paint.
        return
    _remember_original(app)
    dark = setting == "dark"
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
    app.setStyle(outlined_fusion(dark=dark))
    app.setPalette(dark_palette() if dark else light_palette(app))


def apply_palette(app: QApplication, *, dark: bool) -> None:
    """For screenshots and tests: exactly what choosing light or dark in Settings does."""
    apply(app, "dark" if dark else "light")

"""The baseline program: a bare PySide6 window (QApplication + QMainWindow with a label).

    python bare_window.py            # shown, until killed
    python bare_window.py --hidden   # created but never shown, until killed
"""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def main() -> int:
    """Show (or only create) the window and run the event loop."""
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("A bare PySide6 window"))
    if "--hidden" not in sys.argv:
        window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

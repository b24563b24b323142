"""Builds the running application: Qt application object, controller, window, tray, socket."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket as socketlib
import sys
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtDBus import QDBusConnection
from PySide6.QtGui import QCloseEvent, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from necktimer import APP_ID, APP_NAME, DISPLAY_NAME, desktop
from necktimer.core.clock import Clock, SystemClock
from necktimer.core.report import status_json
from necktimer.core.resources import app_icon_path
from necktimer.core.rules import State, Therapy
from necktimer.core.service import SessionService
from necktimer.core.settings import Settings
from necktimer.core.store import Store, StoreError
from necktimer.core.tips import load_tips
from necktimer.settings_io import SettingsFile
from necktimer.ui.controller import Controller
from necktimer.ui.history_window import HistoryWindow
from necktimer.ui.main_window import MainWindow
from necktimer.ui.reminders import ReminderCenter
from necktimer.ui.settings_dialog import SettingsDialog
from necktimer.ui.single_instance import InstanceServer
from necktimer.ui.sleep_watch import SleepWatcher
from necktimer.ui.tray import Tray

log = logging.getLogger("necktimer.app")

_FROM_ENVIRONMENT = "from-environment"  # use the session bus if the desktop has one


def ensure_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(DISPLAY_NAME)
    # On Wayland this name picks the window icon from the installed desktop file.
    QGuiApplication.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(app_icon_path())))
    return app


class Necktimer(QObject):
    """Everything one running instance owns, wired together."""

    def __init__(
        self,
        data_dir: Path,
        clock: Clock | None = None,
        *,
        tray_available: bool | None = None,  # None: ask the desktop
        local_tz: tzinfo | None = None,  # None: the system's time zone
        dbus_address: str | None = _FROM_ENVIRONMENT,
        system_bus: QDBusConnection | None = None,
        notices: list[str] | None = None,  # told already by the command line, for the window
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.clock = clock or SystemClock()
        if tray_available is None:
            tray_available = QSystemTrayIcon.isSystemTrayAvailable()
        self.local_tz = local_tz
        ensure_application()
        opened = Store.open(self.data_dir)
        self.store = opened.store
        self.settings = SettingsFile(self.data_dir)
        # The command line may have read the same files a moment ago: say each thing once.
        found = [opened.notice] if opened.notice else []
        self.notices = list(dict.fromkeys([*(notices or []), *found, *self.settings.warnings]))
        self.service = SessionService(self.store, self.clock, self.settings, local_tz)
        self.controller = Controller(self.service, self)
        self.window = MainWindow(
            self.controller, load_tips(), lambda: self.settings.current.default_minutes, local_tz
        )
        self.window.closeRequested.connect(self._on_close)
        self.window.quitRequested.connect(self.quit)
        self.window.settingsRequested.connect(self.show_settings)
        self.window.historyRequested.connect(self.show_history)
        self.history: HistoryWindow | None = None
        self.tray: Tray | None = None
        if tray_available:
            self.tray = Tray(self.controller, local_tz, self)
            self.tray.showWindowRequested.connect(self.window.raise_window)
            self.tray.quitRequested.connect(self.quit)
            self.tray.settingsRequested.connect(self.show_settings)
            self.tray.historyRequested.connect(self.show_history)
            self.tray.show()
        else:
            log.info("no system tray: closing the window quits")
        if dbus_address is _FROM_ENVIRONMENT:
            dbus_address = "SESSION" if os.environ.get("DBUS_SESSION_BUS_ADDRESS") else None
        self.reminders = ReminderCenter(
            self.controller, self.window, self.tray, settings=self.settings,
            dbus_address=dbus_address, local_tz=local_tz, parent=self,
        )
        self.sleep = SleepWatcher(system_bus, self)
        self.sleep.resumed.connect(self.controller.refresh)
        self.settings_dialog: SettingsDialog | None = None
        self.server: InstanceServer | None = None
        self._quitting = False
        if self.notices:
            self.window.show_notice(" ".join(self.notices))

    # -- lifetime -------------------------------------------------------------------------

    def start(self, *, minimized: bool = False) -> None:
        self.controller.recover()
        if not minimized or not self.has_tray:
            self.window.show()

    def listen(self, path: str) -> bool:
        self.server = InstanceServer(path, self.handle_request, self)
        return self.server.listen()

    @property
    def has_tray(self) -> bool:
        return self.tray is not None

    def quit(self) -> None:
        self._quitting = True
        self.controller.shutdown()
        if self.server is not None:
            self.server.close()
        self.window.close()
        QTimer.singleShot(0, QApplication.quit)

    def shutdown(self) -> None:
        """Release resources after the event loop ends (tests call it directly)."""
        self.controller.shutdown()
        self.reminders.close()
        if self.tray is not None:
            self.tray.hide()
        if self.server is not None:
            self.server.close()
        if self.history is not None:
            self.history.close()
            self.history.deleteLater()
        if self.settings_dialog is not None:
            self.settings_dialog.reject()
        self.window.hide()
        self.window.deleteLater()
        self.store.close()

    def _on_close(self, event: QCloseEvent) -> None:
        if self._quitting:
            event.accept()
            return
        if self.has_tray and self.settings.current.keep_in_tray:
            event.ignore()
            self.window.hide()
            return
        if self.controller.status.state is State.RUNNING:
            event.ignore()
            self._ask_stop_and_quit()
            return
        event.accept()
        self.quit()

    def _ask_stop_and_quit(self) -> None:
        therapy = self.controller.status.session.therapy
        box = QMessageBox(
            QMessageBox.Icon.Question,
            DISPLAY_NAME,
            f"The {therapy.value} session is still running. Stop it and quit?\n\n"
            f"With {DISPLAY_NAME} closed, nobody will remind you to remove the {therapy.pack}.",
            QMessageBox.StandardButton.NoButton,
            self.window,
        )
        stop = box.addButton("Stop and quit", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Keep running", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stop)

        def finished() -> None:
            if box.clickedButton() is stop:
                self.controller.stop()
                self.quit()

        box.finished.connect(finished)
        self.question = box
        box.open()

    def show_settings(self) -> None:
        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            return
        dialog = SettingsDialog(self.settings.current, tray_available=self.has_tray,
                                parent=self.window)
        self.settings_dialog = dialog

        def finished(result: int) -> None:
            if result == SettingsDialog.DialogCode.Accepted:
                self.apply_settings(dialog.settings())
            self.settings_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def show_history(self) -> HistoryWindow:
        if self.history is None:
            self.history = HistoryWindow(self.service, self.local_tz)
        else:
            self.history.refresh()
        self.history.show()
        self.history.raise_()
        return self.history

    def apply_settings(self, settings: Settings) -> None:
        if settings.start_at_login != self.settings.current.start_at_login:
            try:
                desktop.set_autostart(settings.start_at_login, self.data_dir)
            except OSError as error:
                self.window.show_notice(f"Could not change the login entry: {error}")
                settings, _ = settings.replace(start_at_login=not settings.start_at_login)
        self.settings.save(settings)
        self.window.length_picker.setValue(settings.default_minutes)
        self.controller.refresh()

    # -- commands from the socket ------------------------------------------------------

    def handle_request(self, request: dict) -> dict:
        command = request["cmd"]
        if command == "show":
            self.window.raise_window()
            return {"ok": True, "code": 0, "message": f"{DISPLAY_NAME} is open."}
        if command == "start":
            outcome = self.controller.start(Therapy(request["therapy"]), request.get("minutes"))
            return {"ok": outcome.ok, "code": 0 if outcome.ok else 1, "message": outcome.message}
        if command == "stop":
            outcome = self.controller.stop()
            return {"ok": outcome.ok, "code": 0 if outcome.ok else 1, "message": outcome.message}
        if command == "done":
            done = self.controller.acknowledge_removal()
            message = "Noted: the pack is off." if done else "No pack was waiting to come off."
            return {"ok": done, "code": 0 if done else 1, "message": message}
        if command == "status":
            status = self.controller.service.status()
            return {"ok": True, "code": 0, "message": status.sentence(),
                    "status": status_json(status)}
        if command == "quit":
            QTimer.singleShot(0, self.quit)
            return {"ok": True, "code": 0, "message": f"{DISPLAY_NAME} is quitting."}
        return {"ok": False, "code": 2, "message": f"unknown command {command}"}


class SignalWatcher(QObject):
    """Quits cleanly on Ctrl+C or SIGTERM without waking the program up periodically.

    Python runs signal handlers only when it gets control back from Qt, so the
    signal is written to a socket that a QSocketNotifier watches.
    """

    def __init__(self, on_signal) -> None:
        super().__init__()
        self._read, self._write = socketlib.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        signal.set_wakeup_fd(self._write.fileno())
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, lambda *_: on_signal())
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        with contextlib.suppress(BlockingIOError):
            self._read.recv(64)


def show_fatal(message: str) -> None:
    """Say why the app cannot start, in a window when there is a screen to show it on."""
    app = ensure_application(sys.argv[:1])
    if app.platformName() not in ("offscreen", "minimal"):
        QMessageBox.critical(None, DISPLAY_NAME, message)


def run_gui(data_dir: Path, *, minimized: bool = False, initial: dict | None = None,
            lock=None, socket: str | None = None, notices: list[str] | None = None) -> int:
    """Run the application until it quits; returns the process exit code."""
    app = ensure_application(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    try:
        necktimer = Necktimer(data_dir, notices=notices)
    except StoreError as error:
        print(f"{APP_NAME}: {error}", file=sys.stderr)
        show_fatal(str(error))
        return 3
    if socket is not None:
        necktimer.listen(socket)
    necktimer.start(minimized=minimized)
    if initial is not None:
        reply = necktimer.handle_request(initial)
        print(reply["message"], flush=True)
        if not reply["ok"]:
            necktimer.shutdown()
            if lock is not None:
                lock.release()
            return reply["code"]
    watcher = SignalWatcher(necktimer.quit)  # noqa: F841 - lives as long as the loop
    code = app.exec()
    necktimer.shutdown()
    if lock is not None:
        lock.release()
    return code

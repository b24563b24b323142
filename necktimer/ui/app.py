"""Builds the running application: Qt application object, controller, window, tray, socket.

The window is shown first; the tips, the tray, the notification channels, the
instance socket and the resume watch are built right after the first paint,
so the window appears as quickly as a bare Qt window does.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket as socketlib
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from necktimer import APP_ID, APP_NAME, DISPLAY_NAME, language, output
from necktimer.commands import Command, Exit, Reply, Request, execute
from necktimer.core.alerts import Kind
from necktimer.core.i18n import arg, clock_time, translate
from necktimer.core.resources import resource
from necktimer.core.rules import Session, State
from necktimer.core.service import SessionService, Unsaved
from necktimer.core.settings import Settings
from necktimer.core.tips import TipBook, tips_for

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QMessageBox

    from necktimer.instance import InstanceLock
    from necktimer.ui.path_watch import PathWatch
from necktimer.ui import theme
from necktimer.ui.controller import Controller
from necktimer.ui.main_window import MainWindow

log = logging.getLogger("necktimer.app")

_FROM_ENVIRONMENT = "from-environment"  # use the session bus if the desktop has one
WINDOW_BUSY_TIMEOUT_S = 0.25
# How long a quitting window waits for the backstop it follows to show it is not ending.
BACKSTOP_SETTLE_S = 0.25


def ensure_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        # Qt hands any fill of more than ~96 scanlines to a pool of GUI threads. For a
        # window that repaints a few digits once a second, waking those threads costs
        # more than it saves (and keeps them alive), so paint on the main thread.
        os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
        # On X11, flushing through shared memory makes Qt wait for the X server to
        # finish each time (a round trip and two thread wake-ups per second of
        # countdown); the few changed pixels are cheaper sent through the socket.
        os.environ.setdefault("QT_XCB_NO_MITSHM", "1")
        app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(DISPLAY_NAME)
    # On Wayland this name picks the window icon from the installed desktop file.
    QGuiApplication.setDesktopFileName(APP_ID)
    return app


def app_icon() -> QIcon:
    from PySide6.QtGui import QIcon  # its Python type costs 3 ms: made after the first paint

    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        icon.addFile(str(resource("icons", "png", f"{size}.png")))
    return icon


class Necktimer(QObject):
    """Everything one running instance owns, wired together."""

    def __init__(
        self,
        service: SessionService,
        settings,
        *,
        tray_available: bool | None = None,  # None: ask the desktop
        dbus_address: str | None = _FROM_ENVIRONMENT,
        system_bus: str | None = "SYSTEM",  # where logind announces resume
        chime=None,  # something with .play(); None: the QtMultimedia chime if installed
        arm_backstop=None,  # (data_dir, session, sound=, sound_file=, start=) -> bool
        arm_ahead=None,  # (data_dir, session_id) -> bool: a backstop before a start commits
        follow_backstop: bool = False,  # start it again should it end with a pack on
        tips: TipBook | None = None,
        lock: InstanceLock | None = None,
    ) -> None:
        super().__init__()
        app = ensure_application()
        self.service = service
        self.settings = settings
        self.data_dir = service.data_dir
        self.lock = lock
        self._tray_available = tray_available
        self._dbus_address = dbus_address
        self._system_bus = system_bus
        self._chime = chime
        self._arm_backstop = arm_backstop
        self._arm_ahead_with = arm_ahead
        self._follow_backstop = follow_backstop
        self._backstop_watch = None  # once a backstop is armed, with follow_backstop
        self._tips = tips or tips_for(language.locale_for(settings.current.language)
                                      .uiLanguages())
        self._quitting = False
        self._session_ending = False
        self._shut_down = False
        self._folder_watch: PathWatch | None = None  # once started
        self._zone_watch: PathWatch | None = None
        self._socket_watch: PathWatch | None = None  # while listening
        self._armed_from: int | None = None  # the backstop waits for a session from this id
        # The time's-up notification on screen when last pinged, and the processes told of
        # it (the backstop, or a `--minimized` launch).
        self._time_up_told: tuple[int, set[int]] = (0, set())
        self.tray = None
        self.reminders = None
        self.server = None
        self._instance_problems: dict[str, str | None] = {}
        self.sleep = None
        self.history = None
        self.settings_dialog = None
        self.question: QMessageBox | None = None
        theme.apply(app, settings.current.theme)
        self.controller = Controller(service, settings, self)
        # The zone and clock style the backstop's words were written in (ViewState).
        self._words_in = (self.controller.state.zone, self.controller.state.clock)
        self.controller.stateChanged.connect(self._follow_presentation)
        self.controller.stateChanged.connect(self._pack_may_be_off)
        self.window = MainWindow(self.controller, self._tips)
        self.window.closeRequested.connect(self._on_close)
        self.window.quitRequested.connect(self.request_quit)
        self.window.settingsRequested.connect(self.show_settings)
        self.window.historyRequested.connect(self.show_history)
        self.controller.sessionStarting.connect(self._arm_ahead)
        self.controller.sessionStarted.connect(self._arm)
        service.on_change(self._keep_lock)
        settings.changed.connect(self._settings_changed)
        app.commitDataRequest.connect(self.session_ending)

    # -- lifetime -------------------------------------------------------------------------

    def start(self, *, minimized: bool = False, deferred: bool = False) -> None:
        """Recover, show the window, then build the rest (right away, or after the first paint)."""
        self.controller.recover(write_now=not deferred)
        if deferred and minimized:
            QTimer.singleShot(0, lambda: self._finish_start(minimized))
            return
        if deferred:
            from necktimer.ui.first_paint import after_first_paint

            self.window.fit_to_screen()
            self.window.show()
            after_first_paint(self.window, lambda: self._finish_start(minimized))
            return
        self._finish_start(minimized)
        if not minimized or self.tray is None:
            self.window.fit_to_screen()
            self.window.show()

    def _finish_start(self, minimized: bool) -> None:
        # The desktop's window list and task switcher take the icon when it comes.
        ensure_application().setWindowIcon(app_icon())
        self.window.attach_tips(self._tips)
        if self._tray_available is None:
            from PySide6.QtWidgets import QSystemTrayIcon

            self._tray_available = QSystemTrayIcon.isSystemTrayAvailable()
        if self._tray_available:
            from necktimer.ui.tray import Tray

            self.tray = Tray(self.controller, self)
            self.tray.showWindowRequested.connect(self.window.raise_window)
            self.tray.quitRequested.connect(self.request_quit)
            self.tray.settingsRequested.connect(self.show_settings)
            self.tray.historyRequested.connect(self.show_history)
            self.tray.show()
        else:
            log.info("no system tray: closing the window quits")
            if minimized and not self.window.isVisible():
                self.window.fit_to_screen()
                self.window.show()
        self._build_reminders()
        from necktimer.ui.sleep_watch import SleepWatcher

        self.sleep = SleepWatcher(self._system_bus, self)
        self.sleep.resumed.connect(self.controller.refresh)
        self.controller.set_resume_signal(self.sleep.watching)
        if self.lock is not None:
            self.listen()
        self._watch_folder()
        self._watch_zone()
        self.controller.refresh()  # reminders due now go out through the new channels

    def _watch_socket(self, path) -> None:
        """Listen again when the socket file goes: a cleaner of /tmp, or `rm -rf` of the
        socket folder, left every later command unanswered for the window's life, and
        the backstop, taking the window for dead, reminded beside it."""
        from necktimer.ui.path_watch import PathWatch

        if self._socket_watch is not None:
            self._socket_watch.deleteLater()
        self._socket_watch = PathWatch([path.parent, path], self._socket_changed, self)

    def _socket_changed(self) -> None:
        server = self.server
        if server is None or server.closing:
            return
        if self.lock is not None and not self.lock.still_ours():
            return  # the data folder went: _keep_lock listens again once it holds the lock
        if server.still_reachable():
            self._socket_watch.keep_watching()
            return
        log.warning("the socket %s was removed; listening again", server.path)
        server.abandon()
        server.deleteLater()
        self.server = None
        self.listen()

    def _watch_folder(self) -> None:
        """Notice within a moment when the data folder is deleted, not at the next planned
        wake: the history, the safety record and the instance lock are made again then, so
        a crash soon after cannot leave an empty folder that lets a session start inside
        the gap."""
        from necktimer.ui.path_watch import PathWatch

        self._folder_watch = PathWatch([self.data_dir], self._folder_changed, self)

    def _watch_zone(self) -> None:
        """A change of the machine's time zone redraws every time shown at once, not at the
        next planned wake (hours away while the window is hidden). timedatectl replaces
        the /etc/localtime link: its folder is watched, and the file for a copy over it."""
        from necktimer.ui.path_watch import PathWatch

        path = self.controller.zone.path
        if path is not None:
            self._zone_watch = PathWatch([path.parent, path], self._zone_changed, self)

    def _zone_changed(self) -> None:
        self._zone_watch.keep_watching()
        if self.controller.zone.changed():
            log.info("the time zone changed: showing times in the new one")
            self.controller.refresh()

    def _follow_presentation(self, state) -> None:
        """The zone or the clock style of the times shown changed (the ViewState says
        which, whoever noticed first): the backstop's words follow."""
        shown = (state.zone, state.clock)
        if shown != self._words_in:
            self._words_in = shown
            self._rearm_for_pack_on(start=False)

    def _pack_may_be_off(self) -> None:
        """Said that nothing outside watches the pack: once it is off, that goes. (No
        backstop is there to end and so tell the watch.)"""
        watch = self._backstop_watch
        if watch is not None and watch.no_one_watches and self._pack_on() is None:
            watch.follow()

    def _rearm_for_pack_on(self, *, start: bool) -> None:
        """Arm the backstop again for a pack that is on; `start` False only writes its
        words again. Its words hold times ("ended at 09:15"), written when the pack went
        on: after a change of zone or clock style they are written again as now shown."""
        session = self._pack_on()
        if session is not None:
            self._arm(session, start=start)

    def _pack_on(self) -> Session | None:
        """The session whose pack is on: running, or ended and not yet taken off."""
        status = self.controller.state.status
        session = status.session if status.state is State.RUNNING else None
        return session or self.service.pending_removal()

    def _folder_changed(self) -> None:
        if self.lock is not None and self.lock.still_ours():
            return  # a file of ours came or went (a journal): nothing to do
        log.warning("the data folder changed under necktimer; checking it now")
        self.controller.refresh()
        # Its words went with the folder, and a backstop that found no folder (the folder
        # deleted just after a start) has left: armed again. One still running takes the
        # lock on the new file, or leaves it to the new one.
        self._rearm_for_pack_on(start=True)
        self._folder_watch.keep_watching()  # a folder made again: watch the new one

    def _build_reminders(self) -> None:
        from necktimer.ui.reminders import ReminderCenter, channels_in_order
        from necktimer.ui.sound import Chime

        address = self._dbus_address
        if address == _FROM_ENVIRONMENT:
            address = "SESSION" if os.environ.get("DBUS_SESSION_BUS_ADDRESS") else None
        chime = self._chime if self._chime is not None else Chime(self)
        channels = channels_in_order(
            dbus_address=address, tray_icon=self.tray.icon if self.tray else None,
            window=self.window, sound_file=str(resource("sounds", "reminder.wav")),
            sound=lambda: self.settings.current.sound)
        # The backstop reminds by a desktop notification on this window's session bus:
        # with none (a terminal over SSH), quitting leaves nobody to remind.
        self.controller.backstop_can_remind = any(
            channel.name == "desktop notifications" for channel in channels)
        self.reminders = ReminderCenter(self.controller, channels, chime=chime,
                                        sound=lambda: self.settings.current.sound,
                                        show_window=self.window.raise_window, parent=self)

    def listen(self) -> None:
        """Listen for later launches: in the usual socket folder, else in the data folder
        (another user may have made /tmp/necktimer-<uid> first). The lock file names
        the socket, so launches find either."""
        from necktimer.instance import UnsafeFolder, data_folder_socket_path, socket_path
        from necktimer.ui.instance_server import InstanceServer

        problems = []
        for place in (socket_path, data_folder_socket_path):
            try:
                path = place(self.data_dir)
            except (UnsafeFolder, OSError) as error:
                problems.append(str(error))
                continue
            server = InstanceServer(path, self.handle_request, self)
            problem = server.listen()
            if problem:
                server.deleteLater()
                problems.append(problem)
                continue
            if problems:
                log.warning("listening in the data folder instead: %s", " ".join(problems))
            self.server = server
            if self.lock is not None:
                self.lock.announce(path)
            self._set_instance_problem(listen=None)
            self._watch_socket(path)
            return
        self._set_instance_problem(listen=arg(translate(
            "App", "A second launch of necktimer cannot reach this window (%1), so use this "
                   "window or its tray icon."), " ".join(problems)))

    def _say_unwatched(self, unwatched: bool) -> None:
        self._set_instance_problem(backstop=translate(
            "App", "Nothing outside this window is watching the pack: the helper that "
                   "reminds when necktimer is closed keeps ending. Keep this window open "
                   "until the pack is off.") if unwatched else None)

    def _set_instance_problem(self, **problems: str | None) -> None:
        """What keeps this window from being the one instance (`listen`, `lock`), or from
        being backed up (`backstop`): each comes and goes with its own condition, and the
        banner shows those still true."""
        self._instance_problems.update(problems)
        shown = " ".join(p for p in self._instance_problems.values() if p)
        self.controller.set_instance_problem(shown or None)

    @property
    def has_tray(self) -> bool:
        return self.tray is not None

    def request_quit(self) -> None:
        """Quit from the window or the tray: asked first while a pack is on, or while a
        change the user made cannot be saved (quitting would lose it)."""
        if self._session_ending:
            self.quit()
            return
        pack_on = self.controller.state.pack_on
        unsaved = self.controller.unsaved()
        if pack_on or unsaved is not None:
            self._ask_before_quitting(pack_on, unsaved)
            return
        self.quit()

    def quit_on_signal(self) -> None:
        """Ctrl+C in the terminal that started the window, or SIGTERM: quit as asked. The
        window would have asked first; a signal cannot be asked back, so the terminal is
        told what quitting costs (it used to end silently with a pack on)."""
        if not self._quitting:
            if self.controller.state.pack_on:
                print(self._quit_warning(), file=sys.stderr, flush=True)
            if (unsaved := self.controller.unsaved()) is not None:
                print(unsaved.sentence(), file=sys.stderr, flush=True)
        self.quit()

    def quit(self) -> None:
        if self._quitting:
            return
        self._quitting = True
        if self._backstop_watch is not None:
            self._backstop_watch.make_sure()
        self.controller.shutdown()
        if self.reminders is not None:
            if self._backstop_knows_time_up():
                # It replaces the bubble as soon as this window is gone (and so takes its
                # click): quitting at time's up took the reminder off the screen for up
                # to a minute.
                self.reminders.let_go(Kind.TIME_UP)
            self.reminders.close()  # no other notification left behind with dead buttons
        if self.server is not None:
            self.server.close()
        self.window.close()
        QTimer.singleShot(0, QApplication.quit)

    def _backstop_knows_time_up(self) -> bool:
        """Whether the backstop watching now has been told which time's-up notification
        is on screen (it asked, and that one is still up): it can take it over."""
        from necktimer.ui.backstop_watch import stopped, watching_pid

        shown, told = self._time_up_told
        if not shown or self.reminders is None or self.reminders.desktop_id(Kind.TIME_UP) != shown:
            return False
        backstop = watching_pid(self.data_dir)
        return backstop in told and not stopped(backstop)

    def _tell_time_up(self, shown: int, asker: int) -> None:
        if not shown or asker <= 0:
            return
        if shown != self._time_up_told[0]:
            self._time_up_told = (shown, set())
        if asker not in self._time_up_told[1]:
            self._time_up_told[1].add(asker)
            log.info("process %d was told of time's-up notification %d", asker, shown)

    def shutdown(self) -> None:
        """Release resources after the event loop ends (tests call it directly); once."""
        if self._shut_down:
            return
        self._shut_down = True
        if self._backstop_watch is not None:
            # The window goes: a backstop killed a moment ago must not be taken as watching.
            self._backstop_watch.make_sure(settle_s=BACKSTOP_SETTLE_S)
        for watch in (self._folder_watch, self._zone_watch, self._socket_watch,
                      self._backstop_watch):
            if watch is not None:
                watch.stop()
        self.controller.shutdown()
        if self.reminders is not None:
            self.reminders.close()
        if self.tray is not None:
            self.tray.hide()
        if self.server is not None:
            self.server.close()
        if self.sleep is not None:
            self.sleep.close()
        if self.history is not None:
            self.history.close()
            self.history.deleteLater()
        if self.settings_dialog is not None:
            self.settings_dialog.reject()
        if self.question is not None:
            self.question.close()
        self.window.hide()
        self.window.deleteLater()
        self.service.close()

    @property
    def quitting(self) -> bool:
        return self._quitting

    def session_ending(self, _manager=None) -> None:
        """Logout or shutdown: close cleanly, without questions nobody will answer."""
        self._session_ending = True

    def _on_close(self, event: QCloseEvent) -> None:
        if self._quitting or self._session_ending:
            event.accept()
            if not self._quitting:
                self.quit()
            return
        if self.has_tray and self.settings.current.keep_in_tray:
            event.ignore()
            self.window.hide()
            return
        event.ignore()
        self.request_quit()

    def _ask_before_quitting(self, pack_on: bool, unsaved: Unsaved | None) -> None:
        if self.question is not None:
            self.question.raise_()
            return
        from PySide6.QtWidgets import QMessageBox  # here: its Python enums cost each start 1 ms

        warnings = [self._quit_warning()] if pack_on else []
        if unsaved is not None:
            warnings.append(arg(translate("App", "%1 If necktimer quits now, that is lost."),
                                unsaved.sentence()))
        box = QMessageBox(QMessageBox.Icon.Warning, DISPLAY_NAME, "\n\n".join(warnings),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setInformativeText(translate("App", "Quit anyway?"))
        keep = box.addButton(translate("App", "Keep running"), QMessageBox.ButtonRole.RejectRole)
        leave = box.addButton(translate("App", "Quit anyway"),
                              QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def finished() -> None:
            self.question = None
            if box.clickedButton() is leave:
                self.quit()

        box.finished.connect(finished)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.question = box
        self.window.raise_window()
        box.open()

    def _quit_warning(self) -> str:
        """What quitting with a pack on costs: the truth depends on whether the backstop
        (which outlives the window) is running to remind at the planned end, and can
        (`Controller.reminded_without_window`)."""
        status = self.controller.state.status
        if not self.controller.reminded_without_window():
            return translate("App", "A pack is on. If necktimer quits now, nobody will "
                                    "remind you to take it off.")
        if status.state is State.RUNNING:
            return arg(translate("App", "A pack is on. If necktimer quits now, its window "
                                        "stops counting down; a desktop notification will "
                                        "still tell you at %1 to take the pack off."),
                       clock_time(status.ends_at))
        return translate("App", "A pack is on. If necktimer quits now, a desktop "
                                "notification will still remind you to take it off.")

    # -- settings, history ----------------------------------------------------------------

    def show_settings(self) -> None:
        from necktimer.ui.settings_dialog import SettingsDialog

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

    def apply_settings(self, settings: Settings) -> None:
        from necktimer import desktop

        if settings.start_at_login != self.settings.current.start_at_login:
            try:
                desktop.set_autostart(settings.start_at_login, self.data_dir)
            except OSError as error:
                self.controller.add_notice(
                    arg(translate("App", "Could not change the login entry: %1"), str(error)))
                settings, _ = settings.replace(start_at_login=not settings.start_at_login)
        self.settings.save(settings)  # a problem shows in the window until a save works

    def _settings_changed(self, settings: Settings) -> None:
        theme.apply(QApplication.instance(), settings.theme)

    def show_history(self):
        from necktimer.ui.history_window import HistoryWindow

        if self.history is None:
            self.history = HistoryWindow(self.service, self._tips.disclaimer,
                                         short_disclaimer=self._tips.short_disclaimer)
        else:
            self.history.refresh()
        self.history.show()
        self.history.raise_()
        return self.history

    def _keep_lock(self) -> None:
        """Hold the instance lock again if the data folder was deleted (and made again):
        with the lock file gone, a second launch could otherwise become an instance too.
        A socket that was in the folder went with it, so it is made again too."""
        lock = self.lock
        if lock is None or lock.still_ours():
            return
        lock.release()
        try:
            if not lock.acquire():
                self._set_instance_problem(lock=translate(
                    "App", "Another necktimer has taken over this data folder."))
                return
        except OSError as error:
            self._set_instance_problem(lock=str(error))
            return
        log.warning("the data folder was deleted; holding its lock again")
        self._set_instance_problem(lock=None)
        if self.server is not None and not os.path.lexists(self.server.path):
            self.server.close()
            self.server.deleteLater()
            self.server = None
            self.listen()

    # -- the backstop -----------------------------------------------------------------------

    def _arm_ahead(self, session_id: int) -> None:
        """A start is about to be committed: the backstop runs before it is, so that dying
        right after the commit still leaves someone to say when to take the pack off."""
        if self._arm_ahead_with is not None:
            self._armed_from = session_id if self._arm_ahead_with(self.data_dir, session_id) \
                else None

    def _arm(self, session, *, start: bool | None = None) -> None:
        """A pack went on (or is still on after a restart): arm the reminder that outlives
        us. `start` False only writes the backstop's words (it runs already)."""
        arm = self._arm_backstop
        if arm is None:
            return
        if start is None:
            # Armed ahead of this start: the backstop waits for it already.
            start = self._armed_from is None or session.id < self._armed_from
            self._armed_from = None
        arm(self.data_dir, session, sound=self.settings.current.sound,
            sound_file=str(resource("sounds", "reminder.wav")), start=start)
        if self._follow_backstop:
            if self._backstop_watch is None:
                from necktimer.ui.backstop_watch import BackstopWatch

                self._backstop_watch = BackstopWatch(
                    self.data_dir, self._pack_on,
                    lambda pack: self._arm(pack, start=True), self)
                self._backstop_watch.unwatched.connect(self._say_unwatched)
            self._backstop_watch.follow()

    # -- commands from the socket --------------------------------------------------------

    def handle_request(self, request: Request) -> Reply:
        if self._folder_watch is not None:
            self._folder_watch.settle_now()  # whoever asks gets an answer from a checked folder
        if request.command is Command.PING:
            # The backstop asks at the planned end: it also learns which notification is
            # on screen, to replace it (and take its click) should this process die.
            shown = self.reminders.desktop_id(Kind.TIME_UP) if self.reminders else 0
            self._tell_time_up(shown, request.asker)
            return Reply(Exit.OK, "pong", {"time_up_notification": shown})
        def in_their_words():
            return language.speaking(request.speech, self.settings.current.clock)

        if request.command is Command.SHOW:
            self.window.raise_window()
            log.info("the window is shown, as a command asked")
            with in_their_words():
                return Reply(Exit.OK, translate("App", "necktimer is open."))
        # Done as the window does it; answered in the words of whoever asked.
        reply = execute(request, self.controller, in_their_words)
        if request.command is Command.QUIT and reply.ok:
            if self.server is not None:
                self.server.stop_serving()
            QTimer.singleShot(0, self.quit)
        elif reply.ok:
            # Done, and this window keeps it, but only in memory for now: say so, as its
            # banner does, rather than a plain "stopped" that a crash could take back.
            with in_their_words():
                if (unsaved := self.controller.unsaved()) is not None:
                    reply = Reply(reply.code, arg(translate(
                        "App", "%1 %2 This window keeps it and writes it when it can; "
                               "quitting it now would lose it."),
                        reply.message, unsaved.sentence()), reply.status)
        return reply


class SignalWatcher(QObject):
    """Quits cleanly on Ctrl+C or SIGTERM without waking the program up periodically,
    and outlives the terminal it was started from (SIGHUP).

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
        signal.signal(signal.SIGHUP, lambda *_: leave_terminal())
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        with contextlib.suppress(BlockingIOError):
            self._read.recv(64)


def leave_terminal() -> None:
    """The terminal that started the window was closed. The window carries on (a pack may
    be on; it died silently here before). Its output now goes nowhere: a write to the
    hung-up terminal would fail, and print() would raise where the window says something
    there (quitting on a signal, say)."""
    log.info("the terminal that started necktimer was closed; it carries on without one")
    nowhere = os.open(os.devnull, os.O_RDWR)
    try:
        for fd in (0, 1, 2):
            with contextlib.suppress(OSError):
                os.dup2(nowhere, fd)
    finally:
        os.close(nowhere)


def show_fatal(message: str) -> None:
    """Say why the app cannot start, in a window when there is a screen to show it on."""
    from PySide6.QtWidgets import QMessageBox

    app = ensure_application(sys.argv[:1])
    if app.platformName() not in ("offscreen", "minimal"):
        QMessageBox.critical(None, DISPLAY_NAME, message)


def _arm_backstop(*args, **kwargs) -> bool:
    # The launcher, and QProcess with it (2 ms), load when a backstop is first armed.
    from necktimer.ui.backstop_launcher import arm_backstop

    return arm_backstop(*args, **kwargs)


def _arm_ahead(data_dir, session_id: int) -> bool:
    from necktimer.ui.backstop_launcher import arm_ahead

    return arm_ahead(data_dir, session_id)


def run_gui(service: SessionService, settings, *, lock: InstanceLock,
            minimized: bool = False, initial: Request | None = None,
            keep_open: bool = False) -> int:
    """Run the application until it quits; returns the process exit code. An `initial`
    start that is refused ends it at once, unless `keep_open`: then the window stays,
    saying why (started from a menu, where nobody reads the output)."""
    app = ensure_application(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    language.install(settings.current.language, app, settings.current.clock)
    # The window never waits long for another program holding the history: a write
    # that has to wait is queued, and the reminder does not wait for it.
    service.set_busy_timeout(WINDOW_BUSY_TIMEOUT_S)
    necktimer = Necktimer(service, settings, lock=lock, arm_backstop=_arm_backstop,
                          arm_ahead=_arm_ahead, follow_backstop=True)
    necktimer.start(minimized=minimized, deferred=True)
    if initial is not None:
        reply = necktimer.handle_request(initial)
        # As every command's answer: a start refused for the history's sake (exit 3) on
        # stderr, its "started" or the rules' refusal on stdout.
        output.say(reply.message, to_error=reply.code not in (Exit.OK, Exit.REFUSED))
        if not reply.ok and not keep_open:
            necktimer.shutdown()
            lock.release()
            return int(reply.code)
    watcher = SignalWatcher(necktimer.quit_on_signal)  # noqa: F841 - lives with the loop
    code = app.exec()
    necktimer.shutdown()
    lock.release()
    return code


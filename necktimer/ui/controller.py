"""The one state machine between the session service and everything on screen.

Every front end (window, tray, notifications, the command socket) calls these
methods. What they show is one `ViewState`, published after every change and
redrawn from whole; signals other than `stateChanged` are one-off effects: an
alert to deliver, a sound, a sentence for a screen reader. (The one thing on
screen that moves between publications is the ring's seconds: ui.countdown.)

The controller wakes itself with one single-shot QTimer at the next moment
something is due (see core.schedule), and on resume from suspend.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from necktimer.core import alerts, rules, schedule
from necktimer.core.diary import Advice, Pain
from necktimer.core.i18n import arg, last_at, translate
from necktimer.core.machine_zone import MachineZone
from necktimer.core.rules import EndReason, Session, State, Status, Therapy
from necktimer.core.service import Ended, Outcome, SessionService, StorageError, Unsaved
from necktimer.ui.view_state import PackReminder, PainQuestion, UndoOffer, ViewState

log = logging.getLogger("necktimer.controller")

UNDO_SECONDS = 10
RETRY_FIRST = timedelta(seconds=2)
RETRY_LONGEST = timedelta(seconds=30)


class Controller(QObject):
    stateChanged = Signal(object)  # ViewState: redraw from it
    alert = Signal(object)  # core.alerts.Alert: deliver it (notification, balloon, banner)
    alertWithdrawn = Signal(object)  # core.alerts.Kind: it no longer applies
    announcement = Signal(str)  # tell a screen reader, once
    sessionStarting = Signal(int)  # the id of a start about to be committed
    sessionStarted = Signal(object)  # Session: a pack went on (arm the backstop)
    lengthChosen = Signal(int)  # minutes: what the next start lasts, wherever it comes from

    def __init__(self, service: SessionService, settings, parent: QObject | None = None, *,
                 resume_signal: bool = True) -> None:
        super().__init__(parent)
        self.service = service
        self.settings = settings  # a SettingsFile: `.current` and `changed`
        # The language this window speaks: one picked in Settings applies at the next
        # start, and so do its ways of writing times; "12:20 p. m." among English words
        # came from writing them in the new one at once (outside tester).
        self._language = settings.current.language
        self._resume_signal = resume_signal
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Precise: Qt rounds a coarse wait of 20 s or more to whole seconds, so a session's
        # end would be told up to half a second late, and the sentence would change out of
        # step with the ring's digits. It wakes the program only at an event or when a
        # shown minute turns, so coarseness would save nothing worth that.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._wake)
        self._window_visible = False
        self._tray = False
        self._next_wake: timedelta | None = None
        # When the next event falls due, on the boot clock: the wall clock may be set
        # while the timer runs, and the timer itself counts neither way.
        self._event_boot: float | None = None
        self._refreshed = False  # the first refresh came: the reminder channels exist
        self._shut_down = False
        self._batch = 0
        # The few facts that are not in the service:
        self._reminder: PackReminder | None = None
        self._reminded_boot: float | None = None  # boot clock at the last reminder
        self._heads_up_sent: int | None = None  # session id
        self._gap_over_for: int | None = None  # session id whose gap end was announced
        self._undo: UndoOffer | None = None
        self._pain: PainQuestion | None = None
        self._advice = Advice(False)
        self._advice_ratings = 0  # service.ratings_changed when it was last worked out
        self._message = ""
        self._message_with: str | None = None  # the status line it was said beside
        # What start-up found: a damaged file moved aside, settings that had to be clamped.
        kept = service.kept_gap_note()  # why the gap is longer than the settings say
        self._dismissed_copy_problem: str | None = None
        self._notices: tuple[str, ...] = tuple(dict.fromkeys(
            [*service.notices, *settings.warnings, *([kept] if kept else [])]))
        self._instance_problem: str | None = None
        self._retry_delay = RETRY_FIRST
        self._retry_at: datetime | None = None
        # The length the next start lasts: the window's picker shows and sets it, and the
        # tray and a terminal's `start` without --minutes use it, so all three agree.
        self._default_minutes = settings.current.default_minutes
        self._minutes = self._default_minutes
        self.zone = MachineZone()  # every time shown is in it: a change redraws them all
        self.backstop_can_remind = True  # set by the app: desktop notifications reach the user
        if (stopped := service.undoable_stop()) is not None:  # typed in a terminal just now
            self._undo = UndoOffer(stopped.id, stopped.ended_at, min(
                stopped.ended_at + timedelta(seconds=UNDO_SECONDS), stopped.planned_end))
        self.state = self._derive()
        service.on_change(self._show_change)
        settings.changed.connect(self._settings_changed)
        # A save the file could not take, or one that went through on a later try: the
        # banner comes or goes with it, and a failed one is tried again with the history.
        settings.problemChanged.connect(self._show_change)

    def _settings_changed(self, settings) -> None:
        if settings.default_minutes != self._default_minutes:  # chosen in Settings
            self._default_minutes = settings.default_minutes
            self.choose_minutes(settings.default_minutes)
        if settings.clock != self.state.clock:
            from necktimer import language  # times written in the new style before the redraw

            language.use_clock(self._language, settings.clock)
        self.refresh()

    # -- requests from any front end (also commands.Target) ---------------------------------

    def reminded_without_window(self) -> bool:
        """Whether the backstop (which outlives the window) holds its lock, and can reach
        the user: quitting would then end the countdown on screen, not the reminder.
        (A window with no desktop notifications had promised one that never came; so did
        one whose backstop, started elsewhere, said it had none.)"""
        from necktimer.instance import BACKSTOP_LOCK_NAME, backstop_reaches_desktop, held_elsewhere
        from necktimer.ui.backstop_watch import stopped, watching_pid

        data_dir = self.service.data_dir
        if not (self.backstop_can_remind and held_elsewhere(data_dir / BACKSTOP_LOCK_NAME)
                and backstop_reaches_desktop(data_dir) is not False):
            return False
        # A stopped one (SIGSTOP) held the lock and reminded only once continued, after
        # the window had promised a reminder on time (outside tester).
        holder = watching_pid(data_dir)
        return holder is None or not stopped(holder)

    def unsaved(self) -> Unsaved | None:
        """What quitting now would lose: the service's changes, and settings the file
        could not take (a gap made longer, say, that the next start would not know)."""
        unsaved = self.service.unsaved()
        if self.settings.keep():
            return unsaved
        yours = translate("Controller", "your settings")
        if unsaved is not None:
            return replace(unsaved, changes=(*unsaved.changes, yours))
        return Unsaved((yours,), arg(translate("Controller", "The settings file %1 cannot be "
                                                             "written."), str(self.settings.path)))

    def status(self) -> Status:
        return self.service.status()

    def pending_removal(self) -> Session | None:
        return self.service.pending_removal()

    @property
    def chosen_minutes(self) -> int:
        return self._minutes

    def choose_minutes(self, minutes: int) -> None:
        minutes = max(rules.MIN_MINUTES, min(rules.MAX_MINUTES, int(minutes)))
        if minutes != self._minutes:
            self._minutes = minutes
            self.lengthChosen.emit(minutes)

    def start(self, therapy: Therapy, minutes: int | None = None) -> Outcome:
        """Start a session of `minutes`, or of the chosen length (remembered for next
        time; a length given to one command is not). Mis-starts since the last full
        break shorten either to what is left of the 15 minutes."""
        chosen = minutes is None
        minutes = self._minutes if chosen else minutes
        with self._batched():
            outcome = self.service.start(therapy, minutes,
                                         before_commit=self.sessionStarting.emit)
            self._say(outcome.message)
            if found := self.service.take_found_ended():
                # The start found a session open in the history that it had to end (its
                # start cannot be read): a pack may be on. Told and reminded at once.
                self._after_wake(found)
            if outcome.ok and outcome.session is not None:
                session = outcome.session
                self._reminder = None
                self._reminded_boot = None
                self._undo = None
                self._gap_over_for = None
                for kind in (alerts.Kind.TIME_UP, alerts.Kind.GAP_OVER, alerts.Kind.HEADS_UP):
                    self.alertWithdrawn.emit(kind)
                prompts = self.settings.current
                self._pain = (PainQuestion(session.id, Pain.BEFORE)
                              if prompts.diary_prompts and prompts.ask_pain_before else None)
                if chosen and minutes != self.settings.current.default_minutes:
                    self.settings.update(default_minutes=minutes)  # remembered for next time
                self.announcement.emit(outcome.message)
                self.sessionStarted.emit(session)
                self._check_advice()
        return outcome

    def stop(self) -> Outcome:
        with self._batched():
            outcome = self.service.stop()
            self._say(outcome.message)
            if outcome.ok and outcome.session is not None:
                session = outcome.session
                # Either stop may be a slip of the hand: a counted one starts the gap, a
                # cancelled mis-start uses up part of the 15 minutes.
                # Never past the planned end: a session cannot be taken back beyond it.
                now = self.service.now()
                self._undo = UndoOffer(session.id, now, min(
                    now + timedelta(seconds=UNDO_SECONDS), session.planned_end))
                self.alertWithdrawn.emit(alerts.Kind.HEADS_UP)  # "1 minute left" no more
                if session.end_reason is EndReason.STOPPED:
                    self._ask_pain_after(session)
                else:
                    self._pain = None  # a cancelled mis-start needs no rating
                self.announcement.emit(outcome.message)
        return outcome

    def undo_stop(self) -> Outcome:
        with self._batched():
            offer = self._undo
            self._undo = None
            if offer is None:  # "too late", or a stop typed before this window opened
                outcome = self.service.undo_last_stop()
            else:
                outcome = self.service.undo_stop(offer.session_id)
            self._say(outcome.message)
            if outcome.ok and outcome.session is not None:
                self._pain = None
                self.announcement.emit(outcome.message)
                self.sessionStarted.emit(outcome.session)
        return outcome

    def undo_last_stop(self) -> Outcome:
        """`necktimer undo`: as the window's Undo."""
        return self.undo_stop()

    def acknowledge_removal(self, *, at_end: bool = False) -> Session | None:
        with self._batched():
            session = self.service.acknowledge_removal(at_end=at_end)
            if session is not None:
                from necktimer.commands import removed_message

                self._say(removed_message(session, self.service.now()))
                self._ask_pain_after(session)
                self.announcement.emit(self._message)
            self._clear_reminder()
        return session

    def answer_last_applied_at(self, reading: tuple[int, int] | None) -> Outcome:
        """The window's answer: the time the user's clock read, taken as of now, not as of
        when the question appeared (a time after that is today's, not yesterday's)."""
        ended_at = None if reading is None else last_at(*reading, self.service.now())
        return self.answer_last_application(ended_at)

    def answer_last_application(self, ended_at: datetime | None) -> Outcome:
        with self._batched():
            outcome = self.service.answer_last_application(ended_at)
            self._say(outcome.message)
        return outcome

    def answer_pain(self, value: int | None) -> None:
        """The pain prompt's answer (None: skipped); either way it goes away."""
        with self._batched():
            question, self._pain = self._pain, None
            if question is not None and value is not None:
                self.service.record_pain(question.session_id, question.which, value)
                # The question vanishes on the click: say what was kept, and where it can
                # be changed, so that a slip of the finger is not a silent wrong entry.
                self._say(arg(translate("Controller", "Noted: pain %1 of 10. You can change "
                                                      "it in History."), value))

    @property
    def warning_signs(self) -> tuple[str, ...]:
        return self.service.warning_signs

    def record_warning_signs(self, ticked: list[str]) -> None:
        self.service.record_warning_signs(ticked)

    def snooze_advice(self) -> None:
        with self._batched():
            self.service.snooze_physician_advice()
            self._advice = Advice(False)

    def dismiss_notices(self) -> None:
        with self._batched():
            self._notices = ()
            self._dismissed_copy_problem = self.service.copy_problem

    def _copy_problem(self) -> tuple[str, ...]:
        """The record's copy that cannot be written, said until dismissed (and again if
        it comes back after it could be written once more)."""
        problem = self.service.copy_problem
        if problem is None:
            self._dismissed_copy_problem = None
        return () if problem is None or problem == self._dismissed_copy_problem else (problem,)

    def add_notice(self, notice: str) -> None:
        """Something the user should know once, until they dismiss it (a login entry that
        could not be changed, say)."""
        with self._batched():
            self._notices = tuple(dict.fromkeys([*self._notices, notice]))

    def set_instance_problem(self, problem: str | None) -> None:
        with self._batched():
            self._instance_problem = problem

    def recover(self, *, write_now: bool = True) -> list[Ended]:
        """Run once at start-up, after the views are connected, so they can tell the user.

        With `write_now` False what it changed is written at the first refresh, after
        the window's first paint (the change is in memory at once either way).
        """
        with self._batched():
            ended = self.service.recover(write_now=write_now)
            self._check_advice()
            self._notices = tuple(dict.fromkeys([*self._notices, *self.service.notices]))
            running = self.service.status()
            if running.state is State.RUNNING and running.session is not None:
                self.sessionStarted.emit(running.session)  # re-arm the backstop
            elif self.service.pending_removal() is not None:
                self.sessionStarted.emit(self.service.pending_removal())
            for item in ended:
                self._say(self._ended_message(item))
        # Reminders wait for the first refresh, when the channels to deliver them exist.
        return ended

    def set_resume_signal(self, watching: bool) -> None:
        """Whether the desktop tells us about resume; without it a pack on is checked often."""
        self._resume_signal = watching
        self._publish()

    # -- what is on screen -------------------------------------------------------------------

    def set_window_visible(self, visible: bool) -> None:
        """The window's sentence is kept to the minute (the ring's digits tick on their own);
        a hidden window is woken only when something is due."""
        if visible != self._window_visible:
            self._window_visible = visible
            self._publish()

    def set_tray(self, shown: bool) -> None:
        if shown != self._tray:
            self._tray = shown
            self._publish()

    @property
    def next_wake(self) -> timedelta | None:
        """How long until the controller's timer fires; None when it is not running."""
        return self._next_wake if self._timer.isActive() else None

    # -- waking up -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Bring everything up to date now (also called on resume from suspend)."""
        if self._shut_down:
            return
        self._event_boot = None  # all that was due is handled here; the publish plans the next
        self._refreshed = True
        with self._batched():
            self._after_wake(self.service.tick())

    def catch_up(self) -> None:
        """Something on screen saw time pass that the timer has not (the end, a suspend):
        handle what is due now. Not before the first refresh, which builds on the
        reminder channels being there."""
        if self._refreshed:
            self.refresh()

    def _wake(self) -> None:
        if self._event_boot is None:
            self.refresh()
        else:
            self._publish()  # an event due is handled there; else only the display moved on

    def _event_due(self) -> bool:
        due = self._event_boot
        return due is not None and self.service.clock.boottime() >= due - 0.05

    def _after_wake(self, ended: list[Ended]) -> None:
        for item in ended:
            self._say(self._ended_message(item))
            self._check_advice()
            if item.while_away and item.session.removed_at is None:
                self.sessionStarted.emit(item.session)  # no backstop watched it: arm one
        if ended:  # what ending them found (a file that could not be read) is said too
            self._notices = tuple(dict.fromkeys([*self._notices, *self.service.notices]))
        self._heads_up()
        self._remind()
        self._tell_gap_over()
        self._expire_undo()
        self.settings.keep()  # what the history waits to write, the tick has tried already
        self._retry_writes()

    def _ended_message(self, item: Ended) -> str:
        from necktimer.core.report import ended_while_closed

        if item.while_away:
            return ended_while_closed(item.session, self.service.now())
        # Not the banner's "Time's up — remove the ice pack" a third time (the ring says
        # it too): when it ended, and to check the skin.
        return alerts.ended_sentence(item.session, self.service.now())

    def _heads_up(self) -> None:
        status = self.service.status()
        session = status.session
        if (status.state is not State.RUNNING or session is None or status.remaining is None
                or not self.settings.current.heads_up or self._heads_up_sent == session.id):
            return
        if status.remaining <= schedule.HEADS_UP and session.planned_length > schedule.HEADS_UP:
            self._heads_up_sent = session.id
            alert = alerts.heads_up(session)
            self.alert.emit(alert)
            self.announcement.emit(alert.summary)

    def _remind(self) -> None:
        pending = self.service.pending_removal()
        if pending is None:
            self._clear_reminder()
            return
        boot = self.service.clock.boottime()
        if self._reminder is None or self._reminder.session.id != pending.id:
            self._reminder = PackReminder(pending, 0, pending.closed_while_away)
            self._reminded_boot = None
        last = self._reminded_boot
        if last is None or boot - last >= schedule.REMINDER_REPEAT.total_seconds() - 0.05:
            count = self._reminder.count + 1
            self._reminder = PackReminder(pending, count, pending.closed_while_away)
            self._reminded_boot = boot
            late = rules.late_end(pending, self.service.now())
            if count == 1:  # "1 minute left" stayed up beside "Time's up" (outside tester)
                self.alertWithdrawn.emit(alerts.Kind.HEADS_UP)
            self.alert.emit(alerts.time_up(pending, count, late, self.service.now()))
            if count == 1:
                self.announcement.emit(alerts.time_up(pending).summary)

    def _clear_reminder(self) -> None:
        if self._reminder is not None:
            self.alertWithdrawn.emit(alerts.Kind.TIME_UP)
        self._reminder = None
        self._reminded_boot = None

    def _tell_gap_over(self) -> None:
        session = self.service.gap_over_due()
        if session is None:
            return
        self.service.mark_gap_noticed(session)
        if self.settings.current.gap_reminder:
            self._gap_over_for = session.id
            alert = alerts.gap_over()
            self.alert.emit(alert)
            self.announcement.emit(alert.summary)

    def _expire_undo(self) -> None:
        if self._undo is not None and self.service.now() >= self._undo.until:
            self._undo = None

    def _waiting_to_write(self) -> bool:
        """Something is held in memory only: history changes, or settings."""
        return bool(self.service.pending_writes or self.service.problem is not None
                    or self.settings.unsaved)

    def _retry_writes(self) -> None:
        if self._waiting_to_write():
            self._retry_at = self.service.now() + self._retry_delay
            self._retry_delay = min(self._retry_delay * 2, RETRY_LONGEST)
        else:
            self._retry_at = None
            self._retry_delay = RETRY_FIRST

    def _ask_pain_after(self, session: Session) -> None:
        prompts = self.settings.current
        self._pain = PainQuestion(session.id, Pain.AFTER) if prompts.diary_prompts else None

    def _check_advice(self) -> None:
        self._advice_ratings = self.service.ratings_changed
        try:
            self._advice = self.service.physician_advice()
        except StorageError as error:  # locked, say: a fault the banner already names
            log.warning("the one-week check could not read the history (%s); it runs "
                        "again when a session starts or ends", error.cause)
        except Exception:  # a bug: a history that cannot be read must not stop a reminder
            log.exception("the one-week check failed")

    # -- publishing ------------------------------------------------------------------------

    def _show_change(self) -> None:
        # Only show it: this runs inside the service's (or the settings file's) own work,
        # a flush, say, which must not be started again from here; anything due is
        # handled by the timer.
        if self.service.ratings_changed != self._advice_ratings:
            # A rating given after a session, or edited in History: the banner's "7.0
            # lately" went stale, and its advice with it, until the next session.
            self._check_advice()
        self._publish(handle_due=False)

    @contextmanager
    def _batched(self):
        """Publish once, after a whole request, however many changes it made."""
        self._batch += 1
        try:
            yield
        finally:
            self._batch -= 1
            self._publish()

    def _publish(self, *, handle_due: bool = True) -> None:
        if self._batch or self._shut_down:
            return
        if handle_due and self._refreshed and self._event_due():
            # Something fell due before the timer fired (the window shown just after a
            # session's end, say): handle it first, so that no state is shown in which a
            # session has ended but nobody was told to take the pack off. (Not before
            # the first refresh: until then the reminders have no channel to go out by.)
            self.refresh()
            return
        self.zone.changed()  # the machine's zone, re-read if it is another now
        state = self._derive()
        if state != self.state:
            self.state = state
            self.stateChanged.emit(state)
        self._reschedule(state)

    def _say(self, message: str) -> None:
        self._message = message
        self._message_with = None  # set at the next redraw, beside the status it explains

    def _message_beside(self, sentence: str) -> str:
        """The last outcome's message while the status line still reads as it did when it
        was said. Once that line moves on (a minute later, or the state changed), "take
        the ice pack off at 18:05 (in 15 min)" would contradict it. Never a repeat of it."""
        if self._message_with is None:
            self._message_with = sentence
        elif sentence != self._message_with:
            self._message = ""
        message = self._message
        if message.endswith(sentence):  # "Stopped. Next session allowed at …" says it twice
            message = message[:-len(sentence)].rstrip()
        return "" if message in sentence else message

    def _derive(self) -> ViewState:
        status = self.service.status()
        settings = self.settings.current
        pain = self._pain
        if pain is not None and pain.which is Pain.BEFORE and (
                status.state is not State.RUNNING or status.session is None
                or status.session.id != pain.session_id):
            pain = None  # "before the pack goes on" no longer applies
        reminder = self._reminder if self.service.pending_removal() is not None else None
        problem = self.service.problem
        return ViewState(
            status=status,
            reminder=reminder,
            # As the notification: not for a session no longer than the heads-up itself
            # (a 1-minute one would read "1 minute left" from its first second).
            heads_up=(settings.heads_up and status.state is State.RUNNING
                      and status.remaining is not None and status.session is not None
                      and status.remaining <= schedule.HEADS_UP
                      and status.session.planned_length > schedule.HEADS_UP),
            gap_over=(status.state is State.READY and self._gap_over_for is not None
                      and settings.gap_reminder),
            undo=self._undo,
            pain_question=pain,
            advice=self._advice,
            warning_signs=self.service.warning_signs,
            problem=str(problem) if problem is not None else None,
            message=self._message_beside(status.sentence()),
            notices=self._notices + self._copy_problem(),
            settings_problem=self.settings.problem,
            instance_problem=self._instance_problem,
            zone=self.zone.generation,
            clock=settings.clock,
        )

    def _reschedule(self, state: ViewState) -> None:
        if self._shut_down:
            return
        status = state.status
        settings = self.settings.current
        session = status.session
        if self._retry_at is None and self._waiting_to_write():
            # A write from a button or a command failed (the history locked, the disk
            # full): try again soon, not at the next event, which may be hours away.
            self._retry_writes()
        next_reminder = None
        if state.reminder is not None and self._reminded_boot is not None:
            since = self.service.clock.boottime() - self._reminded_boot
            next_reminder = status.now + schedule.REMINDER_REPEAT - timedelta(seconds=since)
        heads_up_pending = (settings.heads_up and session is not None
                            and self._heads_up_sent != session.id)
        events = schedule.Plan(
            heads_up_pending=heads_up_pending,
            gap_watched=settings.gap_reminder,
            next_reminder_at=next_reminder,
            undo_until=state.undo.until if state.undo else None,
            retry_at=self._retry_at,
            resume_signal=self._resume_signal,
        )
        event_wait = schedule.next_wake(status, events)
        self._event_boot = (self.service.clock.boottime() + event_wait.total_seconds()
                            if event_wait is not None else None)
        display = replace(events, window_visible=self._window_visible, tray=self._tray)
        self._next_wake = schedule.next_wake(status, display)
        if self._next_wake is None:
            self._timer.stop()
            return
        # Never 0 ms: what is due exactly now was handled on this wake already.
        milliseconds = max(20, int(self._next_wake.total_seconds() * 1000) + 5)
        self._timer.start(milliseconds)

    def shutdown(self) -> None:
        self._shut_down = True
        self._timer.stop()

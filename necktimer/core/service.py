"""The one place every entry point goes through to start, stop or ask about a session.

It joins the rules, the store and the clock: each request reads the record and
the time inside one write transaction, asks the rules, and writes the answer
before anyone is told, so two windows, processes or commands can never both
start a session.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from necktimer.core import diary, rules
from necktimer.core.clock import Clock, SteadyClock
from necktimer.core.humanize import format_clock, format_duration
from necktimer.core.rules import EndReason, Session, State, Status, Therapy
from necktimer.core.settings import Settings
from necktimer.core.store import Store

log = logging.getLogger("necktimer.service")

# A wall clock this far behind the latest recorded time means it was set back.
CLOCK_BACK_TOLERANCE = timedelta(minutes=1)
# A gap that ended longer ago than this is not announced any more.
GAP_NOTICE_WINDOW = timedelta(minutes=30)
# How often the latest seen time is written down while nothing else is written.
HIGH_WATER_EVERY = timedelta(seconds=30)


@dataclass(frozen=True)
class Outcome:
    """The answer to a request: whether it was done, a sentence for the user, and the new state."""

    ok: bool
    message: str
    status: Status
    session: Session | None = None


@dataclass(frozen=True)
class Ended:
    """A session that reached its end without the user stopping it."""

    session: Session
    while_away: bool  # it ended while necktimer was not running


class SessionService:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        settings: Callable[[], Settings] = Settings,
        local_tz: tzinfo | None = None,
    ) -> None:
        self.store = store
        self._wall = clock
        self.clock = SteadyClock(clock, floor=store.high_water())
        self._settings = settings
        self.local_tz = local_tz
        self._high_water_written: datetime | None = None

    # -- reading ------------------------------------------------------------------

    def now(self) -> datetime:
        return self.clock.now()

    @property
    def settings(self) -> Settings:
        return self._settings()

    def status(self) -> Status:
        return rules.evaluate(self.store.sessions_for_rules(), self.now(), self.settings.gap)

    def pending_removal(self) -> Session | None:
        """The latest session, if it ended by itself and nobody confirmed the pack is off."""
        latest = self.store.latest()
        if latest is None or latest.removed_at is not None:
            return None
        end = latest.end_at(self.now())
        if end is None or latest.end_reason in (EndReason.STOPPED, EndReason.CANCELLED):
            return None
        return latest

    def gap_over_due(self) -> Session | None:
        """The session whose gap just ended, if the user has not been told yet."""
        status = self.status()
        if status.state is not State.READY:
            return None
        latest = next(
            (s for s in sorted(self.store.sessions_for_rules(), key=lambda s: s.started_at,
                               reverse=True) if s.counts_for_gap),
            None,
        )
        if latest is None:
            return None
        end = latest.end_at(status.now)
        if end is None or status.now - (end + self.settings.gap) > GAP_NOTICE_WINDOW:
            return None
        if self.store.get_meta("gap_notice_for") == str(latest.id):
            return None
        return latest

    def physician_advice(self) -> diary.Advice:
        """The one-week check on the current episode, unless put off until later."""
        snoozed = self.store.get_meta("physician_snoozed_until")
        if snoozed and datetime.fromisoformat(snoozed) > self.now():
            return diary.Advice(False)
        return self.physician_advice_ignoring_snooze()

    def physician_advice_ignoring_snooze(self) -> diary.Advice:
        now = self.now()
        since = self.store.episode_start(diary.EPISODE_PAUSE)
        if since is None:
            return diary.Advice(False)
        history = self.store.query_sessions(since=since, descending=False)
        return diary.physician_advice(history, now)

    def snooze_physician_advice(self) -> None:
        with self.store.transaction():
            until = self.now() + diary.SNOOZE
            self.store.set_meta("physician_snoozed_until", until.isoformat())

    def record_pain(self, session_id: int, which: str, value: int | None) -> None:
        with self.store.transaction():
            self.store.set_pain(session_id, which, value)

    def record_note(self, session_id: int, note: str | None) -> None:
        with self.store.transaction():
            self.store.set_note(session_id, note)

    def record_warning_signs(self, signs: list[str]) -> None:
        unknown = set(signs) - set(diary.WARNING_SIGNS)
        if unknown:
            raise ValueError(f"unknown warning signs {sorted(unknown)}")
        with self.store.transaction():
            self.store.record_warning_signs(self.now(), signs)

    # -- writing ------------------------------------------------------------------

    def start(self, therapy: Therapy, minutes: int | None = None) -> Outcome:
        minutes = self.settings.default_minutes if minutes is None else minutes
        try:
            rules.check_minutes(minutes)
        except ValueError as error:
            return Outcome(False, str(error), self.status())
        with self.store.transaction():
            now = self.now()
            self._close_overdue(now, while_away=False)
            status = rules.evaluate(self.store.sessions_for_rules(), now, self.settings.gap)
            decision = rules.may_start(status, self.local_tz)
            if not decision.allowed:
                return Outcome(False, decision.reason, status, status.session)
            planned_end = now + timedelta(minutes=minutes)
            session_id = self.store.insert_session(therapy, now, planned_end)
            self._note_time(now, force=True)
        status = self.status()
        session = self.store.get(session_id)
        log.info("started %s session %d for %d min", therapy.value, session_id, minutes)
        return Outcome(
            True,
            f"{therapy.label} session started: take the {therapy.pack} off at "
            f"{format_clock(status.ends_at, self.local_tz)} "
            f"(in {format_duration(status.remaining)}).",
            status,
            session,
        )

    def stop(self) -> Outcome:
        with self.store.transaction():
            now = self.now()
            self._close_overdue(now, while_away=False)
            status = rules.evaluate(self.store.sessions_for_rules(), now, self.settings.gap)
            if status.state is not State.RUNNING or status.session is None:
                return Outcome(False, "No session is running.", status)
            session = status.session
            reason = rules.stop_reason(session, now)
            # The user is at the app and pressed Stop: the pack is coming off now.
            self.store.end_session(session.id, now, reason, removed_at=now)
            self._note_time(now, force=True)
        status = self.status()
        log.info("session %d ended: %s", session.id, reason.value)
        if reason is EndReason.CANCELLED:
            message = (
                f"{session.therapy.label} session cancelled within its first minute: "
                "it does not count, and you may start again now."
            )
        else:
            message = f"{session.therapy.label} session stopped. " + status.sentence(self.local_tz)
        return Outcome(True, message, status, self.store.get(session.id))

    def acknowledge_removal(self) -> Session | None:
        """Record that the pack is off; returns the session it applied to."""
        with self.store.transaction():
            pending = self.pending_removal()
            if pending is None:
                return None
            self.store.mark_removed(pending.id, self.now())
        return self.store.get(pending.id)

    def mark_gap_noticed(self, session: Session) -> None:
        with self.store.transaction():
            self.store.set_meta("gap_notice_for", str(session.id))

    def tick(self) -> list[Ended]:
        """Close any session whose time is up; called whenever the program wakes."""
        now = self.now()
        overdue = [s for s in self.store.open_sessions() if now >= s.planned_end]
        if not overdue and not self._due_high_water(now):
            return []
        with self.store.transaction():
            ended = self._close_overdue(now, while_away=False)
            self._note_time(now)
        return ended

    def recover(self) -> list[Ended]:
        """At start-up: close sessions that ended while necktimer was not running.

        A session with time left simply resumes. If the wall clock is behind the
        latest recorded time, it was set back while necktimer was closed: how long
        the pack has been on cannot be known, so an open session is closed.
        """
        wall = self._wall.now()
        high_water = self.store.high_water()
        with self.store.transaction():
            now = self.now()
            ended = self._close_overdue(now, while_away=True)
            if high_water is not None and wall < high_water - CLOCK_BACK_TOLERANCE:
                for session in self.store.open_sessions():
                    end = min(high_water, session.planned_end)
                    end = max(end, session.started_at + timedelta(microseconds=1))
                    if self.store.end_session(
                        session.id, end, EndReason.INTERRUPTED, while_away=True
                    ):
                        log.warning("clock set back while closed; closed session %d", session.id)
                        ended.append(Ended(self.store.get(session.id), while_away=True))
            self._note_time(now, force=True)
        return ended

    # -- helpers --------------------------------------------------------------------

    def _close_overdue(self, now: datetime, *, while_away: bool) -> list[Ended]:
        ended = []
        for session in self.store.open_sessions():
            if now >= session.planned_end and self.store.end_session(
                session.id, session.planned_end, EndReason.COMPLETED, while_away=while_away
            ):
                log.info("session %d completed at its planned end", session.id)
                ended.append(Ended(self.store.get(session.id), while_away))
        return ended

    def _due_high_water(self, now: datetime) -> bool:
        last = self._high_water_written
        return last is None or now - last >= HIGH_WATER_EVERY

    def _note_time(self, now: datetime, force: bool = False) -> None:
        if force or self._due_high_water(now):
            self.store.raise_high_water(now)
            self._high_water_written = now

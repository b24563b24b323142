"""Everything the window, the tray and the banners show, as one immutable value.

The controller publishes a new ViewState whenever anything changes; every view
redraws from it. Nothing on screen is left behind by a missed signal, because
nothing on screen is set by a signal: a banner shows exactly while the state
says so.
"""

from __future__ import annotations

import math
from dataclasses import field
from datetime import datetime

from necktimer.core.diary import Advice, Pain
from necktimer.core.rules import Session, State, Status, late_end
from necktimer.core.value import value


@value
class PackReminder:
    """A pack that must come off now."""

    session: Session
    count: int  # how many times the user has been reminded
    while_away: bool  # the session ran out while necktimer was closed


@value
class UndoOffer:
    session_id: int
    stopped_at: datetime
    until: datetime  # UNDO_SECONDS after the stop, or the planned end if that comes first

    def seconds_left(self, now: datetime) -> int:
        """Whole seconds the offer still stands at `now`, rounded up: the banner counts
        down with them (it said "10 seconds" until it vanished)."""
        return max(1, math.ceil((self.until - now).total_seconds()))


@value
class PainQuestion:
    session_id: int
    which: Pain


@value
class ViewState:
    status: Status
    reminder: PackReminder | None = None
    heads_up: bool = False  # the running session is in its last minute
    gap_over: bool = False  # the gap has just ended (until the next session)
    undo: UndoOffer | None = None
    pain_question: PainQuestion | None = None
    advice: Advice = field(default_factory=lambda: Advice(False))
    warning_signs: tuple[str, ...] = ()  # ticked in the checklist's last answer
    problem: str | None = None  # why changes are waiting to be saved
    message: str = ""  # the latest answer to anything the user did, from any entry point
    notices: tuple[str, ...] = ()  # things found at start-up (a damaged file moved aside…)
    settings_problem: str | None = None  # the settings file could not take the settings
    instance_problem: str | None = None  # a second launch cannot reach this window
    # How times are written: bumped when the machine's time zone changes, and the clock
    # style chosen (core.settings.CLOCKS). The same moments, shown as other times.
    zone: int = 0
    clock: str = "system"

    @property
    def state(self) -> State:
        return self.status.state

    @property
    def late_end(self) -> datetime | None:
        """The session's end, once confirming its removal is late: window and tray then
        offer "It came off at <end>", so that the gap may run from then."""
        return late_end(self.reminder.session, self.status.now) if self.reminder else None

    @property
    def pack_on(self) -> bool:
        """A pack is (or may be) on the skin: a session runs or one awaits removal."""
        return self.status.state is State.RUNNING or self.reminder is not None

"""The state as one JSON object (for scripts: the same in every language) and shared sentences."""

from __future__ import annotations

from datetime import datetime

from necktimer import DISPLAY_NAME
from necktimer.core.humanize import whole_seconds, whole_seconds_down
from necktimer.core.i18n import arg, local, past_time, translate
from necktimer.core.rules import Session, State, Status, Therapy


def _iso_local(moment: datetime | None) -> str | None:
    return None if moment is None else local(moment).isoformat(timespec="seconds")


MOMENT_FIELDS = ("ends_at", "next_allowed_at")  # the moments in status_json, ISO 8601


def status_json(status: Status) -> dict:
    return {
        "state": status.state.value,
        "therapy": status.therapy.value if status.therapy else None,
        "ends_at": _iso_local(status.ends_at),
        "next_allowed_at": _iso_local(status.next_allowed_at),
        # Running: the time left. Ready: the longest the next session may last (less
        # than 15 minutes when mis-starts since the last full break used part of it).
        # The limit rounded down, as the sentence says it ("at most 14 min 53 s"); the
        # time left rounded up.
        "remaining_s": (whole_seconds_down(status.cycle_left) if status.state is State.READY
                        else whole_seconds(status.remaining)),
        "wait_s": whole_seconds(status.wait),
    }


def ended_while_closed(session: Session, now: datetime | None = None) -> str:
    """The sentence for a session that ran out while necktimer was not running; given
    `now`, an end on an earlier day says so."""
    if session.therapy is Therapy.ICE:
        text = translate("Report", "Your ice session ended at %1 while %2 was closed.")
    else:
        text = translate("Report", "Your heat session ended at %1 while %2 was closed.")
    end = session.end_at(session.planned_end) or session.planned_end
    return arg(text, past_time(end, now), DISPLAY_NAME)

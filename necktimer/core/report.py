"""The state as one line of text or one JSON object, for the command line and the socket."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, tzinfo

from necktimer import DISPLAY_NAME
from necktimer.core.humanize import format_clock
from necktimer.core.rules import Session, Status


def _iso_local(moment: datetime | None, local_tz: tzinfo | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(local_tz).isoformat(timespec="seconds")


def _seconds(delta: timedelta | None) -> int | None:
    return None if delta is None else max(0, math.ceil(delta.total_seconds()))


def status_json(status: Status, local_tz: tzinfo | None = None) -> dict:
    return {
        "state": status.state.value,
        "therapy": status.therapy.value if status.therapy else None,
        "ends_at": _iso_local(status.ends_at, local_tz),
        "next_allowed_at": _iso_local(status.next_allowed_at, local_tz),
        "remaining_s": _seconds(status.remaining),
        "wait_s": _seconds(status.wait),
    }


def ended_while_closed(session: Session, local_tz: tzinfo | None = None) -> str:
    """The sentence for a session that ran out while necktimer was not running."""
    return (f"Your {session.therapy.value} session ended at "
            f"{format_clock(session.ended_at, local_tz)} while {DISPLAY_NAME} was closed.")

"""Times and durations written the way a person reads them."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, tzinfo


def format_duration(delta: timedelta | None) -> str:
    """'1 h 42 min', '7 min', '40 s'; rounded up so a wait is never understated."""
    if delta is None:
        return "—"
    seconds = max(0, math.ceil(delta.total_seconds()))
    if seconds < 60:
        return f"{seconds} s"
    minutes = math.ceil(seconds / 60)
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return f"{hours} h {minutes} min"
    if hours:
        return f"{hours} h"
    return f"{minutes} min"


def format_countdown(delta: timedelta | None) -> str:
    """'14:59' for a running countdown (minutes:seconds, rounded up)."""
    if delta is None:
        return "--:--"
    seconds = max(0, math.ceil(delta.total_seconds()))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def format_clock(moment: datetime | None, local_tz: tzinfo | None = None) -> str:
    """'19:05' in local time, rounded up to the minute so 'allowed at' is never too early."""
    if moment is None:
        return "—"
    local = moment.astimezone(local_tz)
    if local.second or local.microsecond:
        local = local.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return local.strftime("%H:%M")

"""What each reminder says and how urgent it is, whoever delivers it.

The window's notification channels and the backstop process build their
notifications here, so the app and its backstop remind in the same words.
"""

from __future__ import annotations

import enum
from datetime import datetime

from necktimer.core.i18n import Translatable, arg, clock_time, past_time, translate
from necktimer.core.report import ended_while_closed
from necktimer.core.rules import Session, Therapy
from necktimer.core.value import value


class Urgency(enum.IntEnum):
    """freedesktop notification urgency levels."""

    LOW = 0
    NORMAL = 1
    CRITICAL = 2


class Kind(enum.StrEnum):
    TIME_UP = "time-up"  # the pack must come off now
    HEADS_UP = "heads-up"  # one minute left
    GAP_OVER = "gap-over"  # ice or heat may be applied again
    NOT_SAVED = "not-saved"  # "Done" was clicked, but nothing could keep it
    NOT_TOLD = "not-told"  # "Done" was clicked, but the window holding the history is frozen


# The default action is what clicking the bubble does: for "time's up" that is
# the confirmation that the pack is off, so one click stops the repeats.
ACTION_DEFAULT = "default"
ACTION_SHOW = "show"
# Offered once confirming is late: the pack came off at the end, and the gap runs from there.
ACTION_AT_END = "removed-at-end"
CATEGORY_TIME_UP = "x-necktimer.time-up"
SOUND_NAME = "alarm-clock-elapsed"


@value
class Alert:
    kind: Kind
    summary: str
    body: str
    urgency: Urgency
    actions: tuple[tuple[str, str], ...] = ()  # (key, label)
    session_id: int | None = None

    @property
    def sticky(self) -> bool:
        """Stays until acted on (the server must not let it expire)."""
        return self.kind is Kind.TIME_UP


class AlertText(Translatable):
    def reminder(self, count: int, body: str) -> str:
        return arg(self.tr("Reminder %n: %1", "", count), body)

    def ice_ended(self, minutes: int, ended: str) -> str:
        return arg(self.tr("Your %n-minute ice session ended at %1. Take the pack off and "
                           "check your skin.", "", minutes), ended)

    def heat_ended(self, minutes: int, ended: str) -> str:
        return arg(self.tr("Your %n-minute heat session ended at %1. Take the pack off and "
                           "check your skin.", "", minutes), ended)


def ended_sentence(session: Session, now: datetime | None = None) -> str:
    """"Your 15-minute ice session ended at 09:15. Take the pack off and check your skin.":
    what the time's-up notice says, and the window under its banner."""
    minutes = max(1, round(session.planned_length.total_seconds() / 60))
    ended = past_time(session.end_at(session.planned_end) or session.planned_end, now)
    words = AlertText()
    return (words.ice_ended(minutes, ended) if session.therapy is Therapy.ICE
            else words.heat_ended(minutes, ended))


def time_up(session: Session, count: int = 1, late_end: datetime | None = None,
            now: datetime | None = None) -> Alert:
    """Time's up; with `late_end` (confirming is late) also "It came off at <end>". Given
    `now`, an end on an earlier day says so ("23:59 yesterday"); the backstop's words are
    written ahead of time, without it."""
    if session.therapy is Therapy.ICE:
        summary = translate("Alerts", "Time's up — remove the ice pack")
    else:
        summary = translate("Alerts", "Time's up — remove the heat pack")
    if session.closed_while_away:
        body = arg(translate("Alerts", "%1 Take the pack off if it is still on."),
                   ended_while_closed(session, now))
    else:
        body = ended_sentence(session, now)
    # Clicking the bubble is the default action, "Done — removed": say so, since many
    # desktops show no button for it and a click could be meant as "open necktimer".
    body = arg(translate("Alerts", "%1 Clicking this notice tells necktimer it is off."), body)
    if count > 1:
        body = AlertText().reminder(count, body)
    actions = ((ACTION_DEFAULT, removed_label()), (ACTION_SHOW, show_label()))
    if late_end is not None:
        # Beside "It came off at 09:15", "Done" says when it came off: now.
        actions = ((ACTION_DEFAULT, removed_now_label()),
                   (ACTION_AT_END, arg(translate("Alerts", "It came off at %1"),
                                       past_time(late_end, now))), actions[1])
    return Alert(Kind.TIME_UP, summary, body, Urgency.CRITICAL, actions, session.id)


def repeated(alert: Alert) -> Alert:
    """The same alert again, marked as a repeat without a count (for the backstop)."""
    body = arg(translate("Alerts", "Reminder: %1"), alert.body)
    return Alert(alert.kind, alert.summary, body, alert.urgency, alert.actions, alert.session_id)


def heads_up(session: Session) -> Alert:
    if session.therapy is Therapy.ICE:
        summary = translate("Alerts", "1 minute left — get ready to take the ice pack off")
    else:
        summary = translate("Alerts", "1 minute left — get ready to take the heat pack off")
    body = arg(translate("Alerts", "The session ends at %1."), clock_time(session.planned_end))
    return Alert(Kind.HEADS_UP, summary, body, Urgency.LOW, ((ACTION_SHOW, show_label()),),
                 session.id)


def gap_over() -> Alert:
    return Alert(Kind.GAP_OVER, translate("Alerts", "You may apply ice or heat again"),
                 translate("Alerts", "The gap after your last session is over."),
                 Urgency.NORMAL, ((ACTION_SHOW, show_label()),))


def not_saved() -> Alert:
    """After "Done" on the backstop's reminder when neither file could take it: the user
    must not believe it was noted (the gap then runs from when it is)."""
    return Alert(Kind.NOT_SAVED, translate("Alerts", "The removal was not saved"),
                 translate("Alerts", "necktimer could not write that the pack is off (is the "
                                     "disk full?). Open necktimer, or run 'necktimer done' "
                                     "once it can be saved."),
                 Urgency.NORMAL, ((ACTION_SHOW, show_label()),))


def not_told() -> Alert:
    """After "Done" on the backstop's reminder while a window holds the history and does
    not answer (stopped, swapping): it was not a full disk, as "not saved" had said."""
    return Alert(Kind.NOT_TOLD, translate("Alerts", "The removal was not saved"),
                 translate("Alerts", "necktimer is open but does not answer, so it could not "
                                     "be told that the pack is off. Once it answers again it "
                                     "reminds you: confirm there, or run 'necktimer done'."),
                 Urgency.NORMAL, ((ACTION_SHOW, show_label()),))


def removed_label() -> str:
    return translate("Alerts", "Done — removed")


def removed_now_label() -> str:
    return translate("Alerts", "Done — removed now")


def show_label() -> str:
    from necktimer import DISPLAY_NAME

    return arg(translate("Alerts", "Open %1"), DISPLAY_NAME)

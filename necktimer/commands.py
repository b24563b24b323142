"""The command set, shared by the command line and the running instance's socket.

A command arrives either from `necktimer COMMAND` in a terminal or as one JSON
line on the instance socket. Both are turned into the same `Request`, checked
the same way, and carried out by the same `execute`: against the running
window's controller, or, with no window running, against the service directly.
"""

from __future__ import annotations

import contextlib
import enum
import json
import math
import re
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Protocol

from necktimer.core import rules
from necktimer.core.diary import care_first
from necktimer.core.files import parse_json
from necktimer.core.humanize import format_duration
from necktimer.core.i18n import arg, clock_time, last_at, past_time, translate, twelve_hour
from necktimer.core.report import status_json
from necktimer.core.rules import Session, State, Status, Therapy
from necktimer.core.service import UNDO_WINDOW, Outcome, Unsaved
from necktimer.core.value import value

PROTOCOL_VERSION = 2
MAX_MESSAGE = 4096  # bytes; a command is a few dozen
EARLIER = "earlier"  # the answer "more than one gap ago" to `last-applied`


class Command(enum.StrEnum):
    SHOW = "show"
    STATUS = "status"
    START = "start"
    STOP = "stop"
    UNDO = "undo"  # take back a stop made in the last 10 s
    DONE = "done"
    QUIT = "quit"
    LAST_APPLIED = "last-applied"
    PING = "ping"  # is anyone there? (the backstop asks before it reminds)

    @property
    def only_looks(self) -> bool:
        """Answering it changes nothing: an answer its asker no longer waits for is harmless."""
        return self in (Command.STATUS, Command.PING)


class Exit(enum.IntEnum):
    OK = 0
    REFUSED = 1  # the safety rules said no, or there was nothing to do
    USAGE = 2  # a bad command line or message
    UNAVAILABLE = 3  # the data folder or the running instance cannot be used


# The fields each command takes besides "v" and "cmd".
_FIELDS = {
    Command.START: {"therapy", "minutes"},
    Command.QUIT: {"force"},
    Command.DONE: {"at_end"},
    Command.LAST_APPLIED: {"when"},
}


class ProtocolError(ValueError):
    """A request that is not well formed; the message says what is wrong."""


_LOCALE_WORD = re.compile(r"[A-Za-z0-9_@.:/+-]{0,64}")


@value
class Speech:
    """How the asking terminal reads: its language, its clock style and its time zone.

    A running window answers a terminal in the terminal's own words, which may
    differ from the window's (another LANG, LC_TIME or TZ).
    """

    ui: str = ""  # a locale name for the words ("de_DE"); "" for English
    time: str = ""  # a locale name for times and dates ("en_US"); "" for 24-hour
    tz: str = ""  # a zone name ("America/Chicago") or UTC offset ("-05:00"); "" for the machine's

    @classmethod
    def sendable(cls, ui: str, time: str, tz: str) -> Speech:
        """A speech a window accepts: a value it would refuse (a space, a letter outside
        ASCII, too long) goes as "": English words, a 24-hour clock, the window's zone.
        Refused, it would cost the terminal its command, a stop included."""
        return cls(*(value if _LOCALE_WORD.fullmatch(value) else "" for value in (ui, time, tz)))

    def to_message(self) -> dict:
        return {"ui": self.ui, "time": self.time, "tz": self.tz}

    @classmethod
    def from_message(cls, message: object) -> Speech:
        if not isinstance(message, dict) or set(message) - {"ui", "time", "tz"}:
            raise ProtocolError("speech must be an object with ui, time and tz")
        values = [message.get(key, "") for key in ("ui", "time", "tz")]
        if not all(isinstance(v, str) and _LOCALE_WORD.fullmatch(v) for v in values):
            raise ProtocolError("speech holds locale and time zone names only")
        return cls(*values)


@value
class Request:
    command: Command
    therapy: Therapy | None = None
    minutes: int | None = None
    force: bool = False  # quit even while a pack is on
    when: str | None = None  # for last-applied: "HH:MM", EARLIER, or a moment (ISO 8601)
    speech: Speech | None = None  # the asker's language and clock; None: the answerer's
    at_end: bool = False  # done: the pack came off when the session ended, not now
    # When the asker stops waiting, on the machine's boot clock (`waiting_clock`): a window
    # that was frozen acts on nothing read after that, so no command reported as failed
    # is carried out later. None: no limit.
    until: float | None = None
    # The asking process, as the kernel names it (SO_PEERCRED); set by the window that
    # reads the request, never taken from the message. 0: not known.
    asker: int = 0

    def to_message(self) -> dict:
        message: dict[str, object] = {"v": PROTOCOL_VERSION, "cmd": self.command.value}
        if self.therapy is not None:
            message["therapy"] = self.therapy.value
        if self.minutes is not None:
            message["minutes"] = self.minutes
        if self.force:
            message["force"] = True
        if self.when is not None:
            message["when"] = self.when
        if self.speech is not None:
            message["speech"] = self.speech.to_message()
        if self.at_end:
            message["at_end"] = True
        if self.until is not None:
            message["until"] = self.until
        return message

    @classmethod
    def from_message(cls, message: object) -> Request:
        if not isinstance(message, dict):
            raise ProtocolError("a message must be a JSON object")
        if message.get("v") != PROTOCOL_VERSION:
            raise ProtocolError(f"unsupported protocol version {message.get('v')!r}")
        try:
            command = Command(message.get("cmd"))
        except ValueError:
            raise ProtocolError(f"unknown command {message.get('cmd')!r}") from None
        unknown = set(message) - {"v", "cmd", "speech", "until"} - _FIELDS.get(command, set())
        if unknown:
            raise ProtocolError(f"{command.value} does not take {sorted(unknown)}")
        therapy = None
        if command is Command.START:
            try:
                therapy = Therapy(message.get("therapy"))
            except ValueError:
                raise ProtocolError("start needs therapy 'ice' or 'heat'") from None
        minutes = message.get("minutes")
        if minutes is not None:
            if isinstance(minutes, bool) or not isinstance(minutes, int):
                raise ProtocolError("minutes must be a whole number")
            try:
                rules.check_minutes(minutes)
            except ValueError as error:
                raise ProtocolError(str(error)) from None
        force = message.get("force", False)
        if not isinstance(force, bool):
            raise ProtocolError("force must be true or false")
        when = message.get("when")
        if command is Command.LAST_APPLIED:
            if not isinstance(when, str):
                raise ProtocolError("last-applied needs a time")
            parse_when(when, moment=True)
        elif when is not None:
            raise ProtocolError("only last-applied takes a time")
        at_end = message.get("at_end", False)
        if not isinstance(at_end, bool):
            raise ProtocolError("at_end must be true or false")
        until = message.get("until")
        if until is not None and (isinstance(until, bool) or not isinstance(until, int | float)
                                  or not math.isfinite(until)):
            raise ProtocolError("until must be a number of seconds on the boot clock")
        speech = message.get("speech")
        return cls(command, therapy, minutes, force, when,
                   None if speech is None else Speech.from_message(speech), at_end, until)

    def too_late(self) -> bool:
        """Whether its asker has stopped waiting for the answer."""
        return self.until is not None and waiting_clock() > self.until


def waiting_clock() -> float:
    """Seconds on this machine's boot clock: one count for every process on it (and it
    goes on through a suspend, as the asker's wait does)."""
    return time.clock_gettime(getattr(time, "CLOCK_BOOTTIME", time.CLOCK_MONOTONIC))


@value
class Reply:
    code: Exit
    message: str
    status: dict | None = None  # the state as `status --json` prints it

    @property
    def ok(self) -> bool:
        return self.code is Exit.OK

    def to_message(self) -> dict:
        message = {"code": int(self.code), "message": self.message}
        if self.status is not None:
            message["status"] = self.status
        return message

    @classmethod
    def from_message(cls, message: object) -> Reply:
        if not isinstance(message, dict) or not isinstance(message.get("message"), str):
            raise ProtocolError("not a reply")
        try:
            code = Exit(message.get("code"))
        except ValueError:
            raise ProtocolError("a reply without a known exit code") from None
        status = message.get("status")
        return cls(code, message["message"], status if isinstance(status, dict) else None)


def encode(message: dict) -> bytes:
    data = json.dumps(message, separators=(",", ":")).encode() + b"\n"
    if len(data) > MAX_MESSAGE:
        raise ProtocolError("message too large")
    return data


def decode(data: bytes) -> object:
    """One JSON line, or ProtocolError (never a RecursionError from deep nesting)."""
    if len(data) > MAX_MESSAGE:
        raise ProtocolError(f"message over the {MAX_MESSAGE}-byte limit")
    try:
        return parse_json(data.decode("utf-8"))
    except ValueError as error:  # not UTF-8, not JSON, or nested too deeply
        raise ProtocolError(f"not a JSON message: {type(error).__name__}") from None


# "14:30"; and "2:30 pm", "2:30 p.m.", "2:30PM" as a 12-hour clock writes it.
_CLOCK = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)(?:\s*([ap])\.?\s*m\.?)?", re.IGNORECASE)


def _clock_reading(text: str) -> tuple[list[int], int] | None:
    """The hours (0-23) a clock reading may name, and its minute; None if it is none.

    Where the user's clock shows a.m. and p.m., a bare "7:36" is either: both are
    candidates, and the caller takes the later, the side that keeps the gap longest.
    """
    match = _CLOCK.fullmatch(text)
    if match is None:
        return None
    hour, minute, half = int(match[1]), int(match[2]), (match[3] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None  # "14:30 pm"
        return [hour % 12 + (12 if half == "p" else 0)], minute
    if twelve_hour() and 1 <= hour <= 12:
        return [hour % 12, hour % 12 + 12], minute
    return [hour], minute


def parse_when(text: str, *, moment: bool = False) -> str:
    """Check a `last-applied` answer: a clock reading ("14:30", "2:30 pm"), or EARLIER;
    with `moment`, as between processes, also a moment (ISO 8601 with offset)."""
    if text == EARLIER or _clock_reading(text) or (moment and _moment(text) is not None):
        return text
    raise ProtocolError(arg(translate("Commands", "'%1' is not a time like 14:30, nor '%2'."),
                            text, EARLIER))


def _moment(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo is not None else None


def when_here(text: str | None) -> str | None:
    """A `last-applied` answer as it goes to a window: a clock reading becomes the moment
    it names here. Only this process's C library knows its TZ for certain (a POSIX rule,
    a path, a change of offset since that time), so the reading is not left to the window."""
    if text is None or _clock_reading(text) is None:
        return text
    return when_to_moment(text, datetime.now(UTC)).isoformat()


def when_to_moment(text: str, now: datetime) -> datetime | None:
    """The moment a `last-applied` answer names: a reading on the user's clock (the latest
    such time not after now, see `last_at`), a moment a terminal worked out, or None for
    EARLIER."""
    if text == EARLIER:
        return None
    reading = _clock_reading(text)
    if reading is not None:
        hours, minute = reading
        moments = [last_at(hour, minute, now) for hour in hours]
        # A reading a little ahead may be a watch running fast (last_at): then it is asked
        # again, whichever half of the day the other one is. "1:45" at 1:40 a.m. taken as
        # yesterday's 1:45 p.m. lifted the gap; "9:30" at 20:50 may be 21:30 as well.
        future = [moment for moment in moments if moment > now]
        return min(future) if future else max(moments)
    return _moment(text)


def still_to_come(text: str, now: datetime) -> str | None:
    """Why a `last-applied` answer is refused as a time still to come; None if it has come.
    Said in the asker's words: which time it read, what the clock shows, what to type."""
    moment = when_to_moment(text, now)
    if moment is None or moment <= now:
        return None
    reading = _clock_reading(text)
    if reading is not None and len(reading[0]) > 1:
        return arg(translate("Commands", "%1 could be %2, still to come: it is %3 now. Say "
                                         "which you mean: %1am or %1pm."),
                   text, clock_time(moment), clock_time(now))
    return arg(translate("Commands", "%1 is still to come: it is %2 now. Say when the pack "
                                     "came off as this computer's clock showed it."),
               clock_time(moment), clock_time(now))


class Target(Protocol):
    """What commands act on: the window's controller, or the service with no window."""

    def start(self, therapy: Therapy, minutes: int | None = None) -> Outcome: ...

    def stop(self) -> Outcome: ...

    def undo_last_stop(self) -> Outcome: ...

    def acknowledge_removal(self, *, at_end: bool = False) -> Session | None: ...

    def pending_removal(self) -> Session | None: ...

    def answer_last_application(self, ended_at: datetime | None) -> Outcome: ...

    def status(self) -> Status: ...

    @property
    def warning_signs(self) -> tuple[str, ...]:
        """The warning signs ticked in the checklist's last answer."""
        ...

    def reminded_without_window(self) -> bool:
        """Whether a reminder outlives the window now (a backstop watches the session)."""
        ...

    def unsaved(self) -> Unsaved | None:
        """What quitting now would lose (changes neither file holds yet); None if nothing."""
        ...


Speaking = Callable[[], AbstractContextManager[object]]


def execute(request: Request, target: Target,
            speaking: Speaking = contextlib.nullcontext) -> Reply:
    """Carry out a request; SHOW is the caller's own, QUIT is only judged here.

    The request is carried out first; its answer is then put into words inside
    `speaking()`, so a window can answer a terminal in the terminal's language.
    """
    code, words, data = _carry_out(request, target, speaking)
    with speaking():
        return Reply(code, words(), data)


def _carry_out(request: Request, target: Target,
               speaking: Speaking) -> tuple[Exit, Callable[[], str], dict | None]:
    command = request.command
    if command is Command.START:
        assert request.therapy is not None
        return _answer(target.start(request.therapy, request.minutes))
    if command is Command.STOP:
        outcome = target.stop()
        pending = None if outcome.ok else target.pending_removal()
        if pending is not None:
            # At time's up, "stop" is what one types to say the pack is off; "No session
            # is running" read as if nothing were needed, while the gap waits for `done`.
            status = outcome.status
            return Exit.REFUSED, lambda: arg(
                translate("Commands", "The session has already ended. %1"),
                status_sentence(status, pending)), status_data(status, pending)
        code, words, data = _answer(outcome)
        left = _undo_seconds(outcome.session) if outcome.ok else 0
        if left > 0:  # a slip of the hand in a terminal is taken back as in the window
            return code, lambda: arg(translate(
                "Commands", "%1 To take the stop back, run 'necktimer undo' within %2 s."),
                words(), left), data
        return code, words, data
    if command is Command.UNDO:
        return _answer(target.undo_last_stop())
    if command is Command.DONE:
        session = target.acknowledge_removal(at_end=request.at_end)
        if session is None and target.status().state is State.RUNNING:
            # The pack is on and timed: what takes it off early is `stop`.
            return Exit.REFUSED, lambda: translate(
                "Commands", "A session is running: it ends by itself, or run 'necktimer stop' "
                            "if the pack comes off early."), None
        if session is None:
            return Exit.REFUSED, lambda: translate("Commands", "No pack was waiting to come "
                                                               "off."), None
        now = target.status().now
        return Exit.OK, lambda: removed_message(session, now), None
    if command is Command.LAST_APPLIED:
        assert request.when is not None
        now = target.status().now
        with speaking():  # "14:30" as the asker's clock reads it, not the window's
            moment = when_to_moment(request.when, now)
        if moment is not None and moment > now:  # refused with what to type instead
            return Exit.REFUSED, lambda: still_to_come(request.when, now) or "", \
                status_json(target.status())
        return _answer(target.answer_last_application(moment))
    if command is Command.PING:
        return Exit.OK, lambda: "pong", None
    if command is Command.QUIT:
        status, pending, unsaved = target.status(), target.pending_removal(), target.unsaved()
        if quit_refusal(status, pending, unsaved=unsaved) and not request.force:
            reminded = target.reminded_without_window()
            return Exit.REFUSED, lambda: quit_refusal(status, pending, reminded, unsaved) or "", \
                None
        if unsaved is not None:  # forced: say what goes with it
            return Exit.OK, lambda: arg(translate("Commands", "necktimer is quitting. %1 "
                                                              "That is lost."),
                                        unsaved.sentence()), None
        return Exit.OK, lambda: translate("Commands", "necktimer is quitting."), None
    status, pending = target.status(), target.pending_removal()
    signs = target.warning_signs

    def said() -> str:
        sentence = status_sentence(status, pending)
        if not signs:
            return sentence
        return care_first(sentence, ready=status.state is State.READY and pending is None)

    # A script reading `status --json` learns of them too: "ready" alone invites a session.
    return Exit.OK, said, status_data(status, pending) | {"warning_signs": list(signs)}


def status_data(status: Status, pending: Session | None) -> dict:
    """What `status --json` prints. While a pack waits to come off, `therapy` names it:
    it is still on the neck, though no session runs."""
    data = status_json(status) | {"pack_waiting": pending is not None}
    if pending is not None:
        data["therapy"] = pending.therapy.value
    return data


def status_sentence(status: Status, pending: Session | None) -> str:
    """What `status` says: a pack still waiting to come off first, then the state."""
    if pending is None:
        return status.sentence()
    ended = rules.late_end(pending, status.now)
    if ended is not None:
        # Late: the pack may have come off at the end, and the gap would run from then.
        if pending.therapy is Therapy.ICE:
            text = translate("Commands", "Time's up at %2: take the ice pack off now, then "
                                         "run 'necktimer done' (or 'necktimer done --at-end' "
                                         "if it came off at %2). %1")
        else:
            text = translate("Commands", "Time's up at %2: take the heat pack off now, then "
                                         "run 'necktimer done' (or 'necktimer done --at-end' "
                                         "if it came off at %2). %1")
        return arg(text, status.sentence(), past_time(ended, status.now))
    if pending.therapy is Therapy.ICE:
        text = translate("Commands", "Time's up: take the ice pack off now, then run "
                                     "'necktimer done'. %1")
    else:
        text = translate("Commands", "Time's up: take the heat pack off now, then run "
                                     "'necktimer done'. %1")
    return arg(text, status.sentence())


def _undo_seconds(session: Session | None) -> int:
    """Whole seconds a stop can be taken back: 10, or fewer just before the planned end,
    which no session goes past (undoing then was refused as "too late")."""
    if session is None or session.ended_at is None:
        return 0
    left = min(UNDO_WINDOW, session.planned_end - session.ended_at)
    return int(left.total_seconds())


def _answer(outcome: Outcome) -> tuple[Exit, Callable[[], str], dict | None]:
    code = Exit.OK if outcome.ok else Exit.UNAVAILABLE if outcome.unavailable else Exit.REFUSED

    def words() -> str:
        return outcome.message if outcome.ok else _with_hint(outcome.message, outcome.status)

    return code, words, status_json(outcome.status)


def refused_start(status: Status) -> Reply | None:
    """The refusal a start gets now (before any window opens), or None when it may start."""
    decision = rules.may_start(status)
    if decision.allowed:
        return None
    return Reply(Exit.REFUSED, _with_hint(decision.reason, status), status_json(status))


def _with_hint(message: str, status: Status) -> str:
    """After a lost history, say how to answer from a terminal too."""
    if status.state is not State.UNKNOWN:
        return message
    return arg(translate("Commands", "%1 Answer in the window, or run 'necktimer "
                                     "last-applied HH:MM' (when the pack came off) or "
                                     "'necktimer last-applied %2' (more than %3 ago)."),
               message, EARLIER, format_duration(status.gap))


def removed_message(session: Session, now: datetime) -> str:
    if session.therapy is rules.Therapy.ICE:
        text = translate("Commands", "Noted: the ice pack came off at %1.")
    else:
        text = translate("Commands", "Noted: the heat pack came off at %1.")
    return arg(text, past_time(session.removed_at, now))


def quit_refusal(status: Status, pending: Session | None, reminded: bool = False,
                 unsaved: Unsaved | None = None) -> str | None:
    """Why quitting now would leave a pack on unwatched or lose a change; None when it is
    safe. `reminded`: a backstop would still say when to take the pack off, only the
    window would go."""
    reasons = [reason for reason in (_pack_refusal(status, pending, reminded),
                                     unsaved and lost_on_quitting(unsaved)) if reason]
    return " ".join(reasons) or None


def lost_on_quitting(unsaved: Unsaved) -> str:
    return arg(translate("Commands", "%1 Quitting now would lose it: wait until it is saved, "
                                     "or quit with --force."), unsaved.sentence())


def _pack_refusal(status: Status, pending: Session | None, reminded: bool) -> str | None:
    if status.state is State.RUNNING and reminded:
        return translate("Commands", "A session is running: if necktimer quits, its window "
                                     "stops counting down (a desktop notification still says "
                                     "when to take the pack off). Stop the session first, or "
                                     "quit with --force.")
    if status.state is State.RUNNING:
        return translate("Commands", "A session is running: if necktimer quits, nobody will "
                                     "remind you to take the pack off. Stop the session first, "
                                     "or quit with --force.")
    if pending is not None:
        return translate("Commands", "A pack is still waiting to come off. Confirm it is off "
                                     "(necktimer done) first, or quit with --force.")
    return None

"""The backstop's words: the time's-up notification, written down by the window.

The backstop process loads no translations, so the window writes what it would
say, in its current language, to `necktimer.backstop.json` (0600; never on a
command line, which other users can read). The backstop reads it back, checks
it, and falls back to English when it is missing or not what the window wrote.
"""

from __future__ import annotations

import json
from dataclasses import field, replace

from necktimer.core import alerts
from necktimer.core.alerts import ACTION_AT_END, ACTION_DEFAULT, Alert, Kind, Urgency
from necktimer.core.files import parse_json
from necktimer.core.rules import Session
from necktimer.core.value import value

WORDS_NAME = "necktimer.backstop.json"
WORDS_VERSION = 1
WORDS_LIMIT = 2000  # characters per text; anything longer is not the window's


@value
class Words:
    first: Alert  # the first time's-up notification
    again: Alert  # every later one
    sound: bool
    sound_file: str | None
    # Offered beside "Done" once confirming is late: "It came off at 18:05" (its end).
    at_end: tuple[str, str] | None = None
    not_saved: Alert = field(default_factory=alerts.not_saved)  # "Done" could not be kept
    # "Done" beside the at-end choice: "Done — removed now".
    removed_now: tuple[str, str] | None = None
    # "Done" could not reach the window that holds the history (it does not answer).
    not_told: Alert = field(default_factory=alerts.not_told)

    def late(self, alert: Alert) -> Alert:
        """`alert` with the at-end choice added, as the window's late reminder has it."""
        if self.at_end is None or self.at_end in alert.actions:
            return alert
        done = self.removed_now or alert.actions[0]
        return replace(alert, actions=(done, self.at_end, *alert.actions[1:]))


def words_for(session: Session, *, sound: bool, sound_file: str | None) -> Words:
    """What is said about `session`, in the language installed now."""
    first = alerts.time_up(session)
    end = session.end_at(session.planned_end) or session.planned_end
    late = alerts.time_up(session, late_end=end)
    late_actions = dict(late.actions)
    return Words(first, alerts.repeated(first), sound, sound_file,
                 (ACTION_AT_END, late_actions[ACTION_AT_END]),
                 removed_now=(ACTION_DEFAULT, late_actions[ACTION_DEFAULT]))


def to_json(words: Words, session: Session) -> bytes:
    return json.dumps({
        "version": WORDS_VERSION,
        "session": session.id,
        "summary": words.first.summary,
        "body": words.first.body,
        "repeat_body": words.again.body,
        "actions": [list(action) for action in words.first.actions],
        "at_end": list(words.at_end) if words.at_end else None,
        "removed_now": list(words.removed_now) if words.removed_now else None,
        "sound": words.sound,
        "sound_file": words.sound_file,
        "not_saved": [words.not_saved.summary, words.not_saved.body],
        "not_told": [words.not_told.summary, words.not_told.body],
    }, ensure_ascii=False).encode()


def from_json(data: bytes, session: Session, fallback: Words) -> Words:
    """The words the window wrote for `session`; raises ValueError when they are not that.

    Words written for another session still give the sound settings.
    """
    try:
        item = parse_json(data)
        if not isinstance(item, dict) or item.get("version") != WORDS_VERSION:
            raise ValueError("not the backstop's words")
        sound, sound_file = item["sound"], item["sound_file"]
        if not isinstance(sound, bool) or not (sound_file is None or _is_text(sound_file)):
            raise ValueError("bad sound settings")
        if item.get("session") != session.id:
            return replace(fallback, sound=sound, sound_file=sound_file)
        actions = tuple((key, label) for key, label in item["actions"])
        if not all(_is_text(part) for pair in actions for part in pair) or (
                ACTION_DEFAULT not in dict(actions)):
            raise ValueError("bad actions")
        summary, body, repeat_body = (item[key] for key in ("summary", "body", "repeat_body"))
        if not all(_is_text(text) for text in (summary, body, repeat_body)):
            raise ValueError("bad texts")
        # Both absent in words written before they were offered.
        at_end = _action(item.get("at_end"), ACTION_AT_END)
        removed_now = _action(item.get("removed_now"), ACTION_DEFAULT)
        # Each absent in words written before it was said.
        not_saved = _notice(item.get("not_saved"), fallback.not_saved)
        not_told = _notice(item.get("not_told"), fallback.not_told)
    except (KeyError, TypeError) as error:
        raise ValueError(f"incomplete words ({error})") from error

    def alert(text: str) -> Alert:
        return Alert(Kind.TIME_UP, summary, text, Urgency.CRITICAL, actions, session.id)

    return Words(alert(body), alert(repeat_body), sound, sound_file, at_end, not_saved,
                 removed_now, not_told)


def _notice(texts: object, fallback: Alert) -> Alert:
    """A notice's title and text as the window wrote them, or the English `fallback`."""
    if texts is None:
        return fallback
    title, text = texts  # TypeError or ValueError for anything but a pair
    if not (_is_text(title) and _is_text(text)):
        raise ValueError(f"bad {fallback.kind.value} words")
    return replace(fallback, summary=title, body=text)


def _action(pair: object, key: str) -> tuple[str, str] | None:
    """An optional (key, label) pair as the window wrote it; ValueError for another."""
    if pair is None:
        return None
    found, label = pair  # TypeError or ValueError for anything but a pair
    if found != key or not _is_text(label):
        raise ValueError(f"bad {key} action")
    return found, label


def _is_text(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= WORDS_LIMIT

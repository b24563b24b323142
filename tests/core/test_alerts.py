"""What reminders say, and the words the window writes down for its backstop."""

import json
from dataclasses import replace
from datetime import timedelta

import pytest
from helpers import T0

from necktimer.core.backstop_words import from_json, to_json, words_for
from necktimer.core.rules import Session, Therapy

SESSION = Session(7, Therapy.ICE, T0, T0 + timedelta(minutes=15))


def english():
    return words_for(SESSION, sound=True, sound_file=None)


NOTICES = ["not_saved", "not_told"]  # "Done" not kept: nothing could write it, or a frozen window


@pytest.mark.parametrize("notice", NOTICES)
def test_a_notice_after_done_is_said_in_the_windows_words(notice):
    german = replace(getattr(english(), notice), summary="Abnehmen nicht gespeichert",
                     body="necktimer konnte es nicht schreiben.")
    written = to_json(replace(english(), **{notice: german}), SESSION)
    read = from_json(written, SESSION, english())
    said = getattr(read, notice)
    assert (said.summary, said.body, said.kind) == (german.summary, german.body, german.kind)


@pytest.mark.parametrize(("notice", "english_words"), [
    ("not_saved", "is the disk full?"), ("not_told", "is open but does not answer")])
def test_words_written_before_a_notice_existed_say_it_in_english(notice, english_words):
    item = json.loads(to_json(english(), SESSION))
    del item[notice]
    read = from_json(json.dumps(item).encode(), SESSION, english())
    assert getattr(read, notice).summary == "The removal was not saved"
    assert english_words in getattr(read, notice).body


@pytest.mark.parametrize("notice", NOTICES)
@pytest.mark.parametrize("bad", [[1, 2], ["", "x"], ["only one"], "text"])
def test_a_notice_that_is_not_two_texts_is_refused(bad, notice):
    item = json.loads(to_json(english(), SESSION)) | {notice: bad}
    with pytest.raises(ValueError):
        from_json(json.dumps(item).encode(), SESSION, english())


def test_words_nested_too_deeply_are_refused_as_not_the_windows():
    """The backstop falls back to its English words for a ValueError; RecursionError from
    4 KB of brackets went past that and stopped every reminder."""
    with pytest.raises(ValueError):
        from_json(b"[" * 2000 + b"]" * 2000, SESSION, english())


def test_a_reminder_sent_after_midnight_says_the_end_was_yesterday():
    """"Reminder 3: Your 1-minute ice session ended at 23:59" at 00:01, with a button
    "It came off at 23:59": a minute still to come, read as today's."""
    from necktimer.core import alerts
    from necktimer.core.rules import EndReason

    evening = T0.replace(hour=22, minute=44)  # 23:44 local
    ended = Session(8, Therapy.ICE, evening, evening + timedelta(minutes=15),
                    evening + timedelta(minutes=15), EndReason.COMPLETED)
    after_midnight = evening + timedelta(minutes=17)
    alert = alerts.time_up(ended, 3, late_end=ended.planned_end, now=after_midnight)
    assert alert.body.startswith("Reminder 3: Your 15-minute ice session ended at 23:59 "
                                 "yesterday.")
    assert ("removed-at-end", "It came off at 23:59 yesterday") in alert.actions
    away = alerts.time_up(Session(9, Therapy.HEAT, evening, evening + timedelta(minutes=15),
                                  closed_while_away=True), now=after_midnight)
    assert "ended at 23:59 yesterday while" in away.body
    # Written ahead for the backstop, without a now: the time alone, as before.
    assert "ended at 23:59." in alerts.time_up(ended).body


def test_done_beside_the_end_choice_says_now_and_the_backstop_says_it_too():
    """Late, "Done — removed" beside "It came off at 09:15" did not say when: now."""
    from necktimer.core import alerts

    late = alerts.time_up(SESSION, 3, late_end=SESSION.planned_end)
    assert late.actions[:2] == (("default", "Done — removed now"),
                                ("removed-at-end", "It came off at 09:15"))
    assert alerts.time_up(SESSION).actions[0] == ("default", "Done — removed")
    german = replace(english(), removed_now=("default", "Fertig — jetzt abgenommen"))
    read = from_json(to_json(german, SESSION), SESSION, english())
    assert read.late(read.again).actions[:2] == (("default", "Fertig — jetzt abgenommen"),
                                                 read.at_end)
    assert read.again.actions[0] == ("default", "Done — removed")  # on time: as before


def test_words_written_before_removed_now_existed_keep_their_done():
    item = json.loads(to_json(english(), SESSION))
    del item["removed_now"]
    item["actions"][0][1] = "Fertig — abgenommen"
    read = from_json(json.dumps(item).encode(), SESSION, english())
    assert read.late(read.first).actions[0] == ("default", "Fertig — abgenommen")


@pytest.mark.parametrize("bad", [["removed-at-end", "Done — removed now"], ["default", ""],
                                 ["default"], 5])
def test_a_removed_now_that_is_not_the_default_action_is_refused(bad):
    item = json.loads(to_json(english(), SESSION)) | {"removed_now": bad}
    with pytest.raises(ValueError):
        from_json(json.dumps(item).encode(), SESSION, english())

"""The command set shared by the command line and the instance socket: checked, carried out."""

import contextlib
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from helpers import LOCAL, T0, rows

from necktimer.commands import (
    EARLIER,
    MAX_MESSAGE,
    PROTOCOL_VERSION,
    Command,
    Exit,
    ProtocolError,
    Reply,
    Request,
    Speech,
    decode,
    encode,
    execute,
    parse_when,
    still_to_come,
    when_here,
    when_to_moment,
)
from necktimer.core import i18n
from necktimer.core.rules import State, Therapy

V = PROTOCOL_VERSION


def message(**fields):
    return {"v": V, **fields}


# -- Request.from_message: what is accepted ------------------------------------------------

VALID = [
    Request(Command.SHOW),
    Request(Command.STATUS),
    Request(Command.START, Therapy.ICE),
    Request(Command.START, Therapy.HEAT, 7),
    Request(Command.STOP),
    Request(Command.UNDO),
    Request(Command.DONE),
    Request(Command.DONE, at_end=True),
    Request(Command.QUIT),
    Request(Command.QUIT, force=True),
    Request(Command.LAST_APPLIED, when="14:30"),
    Request(Command.LAST_APPLIED, when=EARLIER),
    Request(Command.PING),
    Request(Command.STATUS, speech=Speech("de_DE", "en_US", "America/Chicago")),
]


@pytest.mark.parametrize("request_", VALID, ids=lambda r: r.to_message()["cmd"])
def test_every_request_survives_the_wire(request_):
    data = encode(request_.to_message())
    assert data.endswith(b"\n") and data.count(b"\n") == 1  # one JSON line
    assert Request.from_message(decode(data.strip())) == request_


def test_a_start_message_reads_as_the_request():
    request = Request.from_message(message(cmd="start", therapy="heat", minutes=15))
    assert request == Request(Command.START, Therapy.HEAT, 15)
    assert request.to_message() == {"v": V, "cmd": "start", "therapy": "heat", "minutes": 15}


@pytest.mark.parametrize("when", ["0:00", "9:05", "09:05", "23:59", EARLIER,
                                  "2026-03-08T06:30:00+00:00", "2026-03-08T01:30:00-05:00"])
def test_last_applied_takes_a_clock_time_or_earlier(when):
    assert Request.from_message(message(cmd="last-applied", when=when)).when == when


# -- Request.from_message: every malformed case ----------------------------------------------

MALFORMED = [
    # not an object
    (["status"], "must be a JSON object"),
    ("status", "must be a JSON object"),
    (None, "must be a JSON object"),
    (42, "must be a JSON object"),
    # protocol version
    ({"cmd": "status"}, "unsupported protocol version None"),
    (message(cmd="status") | {"v": 1}, "unsupported protocol version 1"),
    (message(cmd="status") | {"v": str(V)}, "unsupported protocol version"),
    (message(cmd="status") | {"v": 99}, "unsupported protocol version 99"),
    # fields
    (message(cmd="status", pad="x"), "status does not take ['pad']"),
    (message(cmd="start", therapy="ice", extra=1, more=2), "start does not take ['extra', 'more']"),
    # command
    (message(), "unknown command None"),
    (message(cmd="format-disk"), "unknown command 'format-disk'"),
    (message(cmd="STATUS"), "unknown command 'STATUS'"),
    (message(cmd=["start"]), "unknown command"),
    (message(cmd=1), "unknown command 1"),
    # start
    (message(cmd="start"), "start needs therapy 'ice' or 'heat'"),
    (message(cmd="start", therapy="lava"), "start needs therapy 'ice' or 'heat'"),
    (message(cmd="start", therapy="ICE"), "start needs therapy 'ice' or 'heat'"),
    (message(cmd="start", therapy="ice", minutes="5"), "minutes must be a whole number"),
    (message(cmd="start", therapy="ice", minutes=5.0), "minutes must be a whole number"),
    (message(cmd="start", therapy="ice", minutes=True), "minutes must be a whole number"),
    (message(cmd="start", therapy="ice", minutes=[5]), "minutes must be a whole number"),
    (message(cmd="start", therapy="ice", minutes=0), "1 to 15 minutes; 0 is not allowed"),
    (message(cmd="start", therapy="ice", minutes=16), "1 to 15 minutes; 16 is not allowed"),
    (message(cmd="start", therapy="ice", minutes=-3), "1 to 15 minutes; -3 is not allowed"),
    (message(cmd="start", therapy="ice", minutes=10**30), "is not allowed"),
    # quit --force
    (message(cmd="done", at_end="yes"), "at_end must be true or false"),
    (message(cmd="stop", at_end=True), "stop does not take ['at_end']"),
    (message(cmd="quit", force="yes"), "force must be true or false"),
    (message(cmd="quit", force=1), "force must be true or false"),
    (message(cmd="quit", force=None), "force must be true or false"),
    # last-applied
    (message(cmd="last-applied"), "last-applied needs a time"),
    (message(cmd="last-applied", when=1430), "last-applied needs a time"),
    (message(cmd="last-applied", when="25:00"), "'25:00' is not a time like 14:30"),
    (message(cmd="last-applied", when="9:5"), "'9:5' is not a time like 14:30"),
    (message(cmd="last-applied", when="yesterday"), "is not a time like 14:30"),
    # a moment needs its offset: without one, which zone it was read in is lost again
    (message(cmd="last-applied", when="2026-03-08T06:30:00"), "is not a time like 14:30"),
    (message(cmd="last-applied", when="2026-13-08T06:30:00+00:00"), "is not a time like"),
    (message(cmd="status", when="14:30"), "status does not take ['when']"),
    # the asker's language and clock
    (message(cmd="status", speech="de"), "speech must be an object"),
    (message(cmd="status", speech={"ui": "de", "lang": "x"}), "speech must be an object"),
    (message(cmd="status", speech={"ui": 5}), "locale and time zone names only"),
    (message(cmd="status", speech={"tz": "Europe/Berlin\n"}), "locale and time zone names only"),
    (message(cmd="status", speech={"ui": "x" * 65}), "locale and time zone names only"),
]


@pytest.mark.parametrize(("raw", "complaint"), MALFORMED)
def test_malformed_requests_are_refused_with_the_reason(raw, complaint):
    with pytest.raises(ProtocolError) as refused:
        Request.from_message(raw)
    assert complaint in str(refused.value)


def test_a_therapy_on_a_command_that_takes_none_is_refused():
    with pytest.raises(ProtocolError):
        Request.from_message(message(cmd="stop", therapy="lava"))


def test_a_time_with_a_trailing_newline_is_refused():
    with pytest.raises(ProtocolError):
        Request.from_message(message(cmd="last-applied", when="14:30\n"))


# -- encode / decode -------------------------------------------------------------------------


@pytest.mark.parametrize(("data", "complaint"), [
    (b"not json at all", "not a JSON message: JSONDecodeError"),
    (b"\xff\xfe\x00garbage", "not a JSON message: UnicodeDecodeError"),
    (b"{\"v\": 2, ", "not a JSON message: JSONDecodeError"),
    (b"[" * 4000, "not a JSON message: NestedTooDeeply"),
    (b"[" * 2000 + b"]" * 2000, "not a JSON message: NestedTooDeeply"),
    (b"x" * (MAX_MESSAGE + 1), f"over the {MAX_MESSAGE}-byte limit"),
])
def test_decode_refuses_anything_but_one_small_json_value(data, complaint):
    with pytest.raises(ProtocolError) as refused:
        decode(data)
    assert complaint in str(refused.value)


def test_a_message_at_the_limit_is_read_and_one_over_it_is_not():
    padding = MAX_MESSAGE - len(b'{"p":""}')
    assert decode(b'{"p":"' + b"x" * padding + b'"}') == {"p": "x" * padding}
    with pytest.raises(ProtocolError):
        decode(b'{"p":"' + b"x" * (padding + 1) + b'"}')


def test_encode_refuses_a_message_over_the_limit():
    with pytest.raises(ProtocolError, match="too large"):
        encode({"message": "x" * MAX_MESSAGE})


# -- Reply --------------------------------------------------------------------------------------


@pytest.mark.parametrize("reply", [
    Reply(Exit.OK, "necktimer is open."),
    Reply(Exit.REFUSED, "The ice session is still running.", {"state": "running"}),
    Reply(Exit.USAGE, "refused: unknown command 'x'"),
    Reply(Exit.UNAVAILABLE, "No session was started: …"),
])
def test_a_reply_survives_the_wire(reply):
    assert Reply.from_message(decode(encode(reply.to_message()).strip())) == reply


def test_a_reply_message_carries_the_exit_code_as_a_number():
    assert Reply(Exit.REFUSED, "no").to_message() == {"code": 1, "message": "no"}
    assert Reply(Exit.OK, "yes").ok and not Reply(Exit.REFUSED, "no").ok


@pytest.mark.parametrize("raw", [
    None, [], "ok", {"code": 0}, {"code": 0, "message": 5}, {"message": "hi"},
    {"code": 7, "message": "hi"}, {"code": "0", "message": "hi"},
])
def test_anything_else_is_not_a_reply(raw):
    with pytest.raises(ProtocolError):
        Reply.from_message(raw)


def test_a_reply_with_a_status_that_is_no_object_drops_it():
    assert Reply.from_message({"code": 0, "message": "hi", "status": "running"}).status is None


def test_exit_codes_are_the_documented_ones():
    assert [int(code) for code in (Exit.OK, Exit.REFUSED, Exit.USAGE, Exit.UNAVAILABLE)] == [
        0, 1, 2, 3]


# -- execute() against the real service ------------------------------------------------------


def run(service, command, *args, **kwargs):
    return execute(Request(command, *args, **kwargs), service)


def test_status_when_ready(service):
    reply = run(service, Command.STATUS)
    assert reply.code is Exit.OK
    assert reply.message == "Ready: you may start an ice or heat session now."
    assert reply.status == {"state": "ready", "therapy": None, "ends_at": None,
                            "next_allowed_at": None, "remaining_s": 900, "wait_s": None,
                            "pack_waiting": False, "warning_signs": []}


def test_status_under_a_warning_sign_no_longer_invites_a_session(service, clock):
    """"Ready: you may start" stood under "seek medical attention now" (outside tester)."""
    service.record_warning_signs(["arm"])
    reply = run(service, Command.STATUS)
    assert reply.message == ("You ticked a warning sign: get medical help before another "
                             "session.")
    assert reply.status["state"] == "ready"  # the rules themselves do not change
    assert reply.status["warning_signs"] == ["arm"]
    service.record_warning_signs([])
    assert run(service, Command.STATUS).message.startswith("Ready: you may start")
    service.record_warning_signs(["headache"])
    run(service, Command.START, Therapy.ICE, 5)
    assert run(service, Command.STATUS).message == (
        "Ice session running: it ends at 09:05 (in 5 min). Next session allowed at 11:05. "
        "You ticked a warning sign: get medical help now.")


def test_start_is_carried_out_and_written(service, data_dir):
    reply = run(service, Command.START, Therapy.ICE, 5)
    assert reply.code is Exit.OK
    assert reply.message == "Ice session started: take the ice pack off at 09:05 (in 5 min)."
    assert reply.status["state"] == "running" and reply.status["remaining_s"] == 300
    assert reply.status["ends_at"] == "2026-03-02T09:05:00+01:00"
    [row] = rows(data_dir)
    assert row["therapy"] == "ice" and row["planned_s"] == 300


def test_a_start_the_rules_refuse_exits_1_and_writes_nothing(service, clock, data_dir):
    run(service, Command.START, Therapy.ICE, 5)
    clock.advance(60)
    reply = run(service, Command.START, Therapy.HEAT)
    assert reply.code is Exit.REFUSED
    assert reply.message.startswith("The ice session is still running.")
    assert "Next session allowed at 11:05" in reply.message
    assert len(rows(data_dir)) == 1


def test_a_start_that_cannot_be_written_exits_3(service, data_dir):
    service.status()  # the file exists
    holder = sqlite3.connect(data_dir / "necktimer.sqlite3", isolation_level=None, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    service.set_busy_timeout(0.05)
    try:
        reply = run(service, Command.START, Therapy.ICE)
    finally:
        holder.close()
    assert reply.code is Exit.UNAVAILABLE
    assert reply.message.startswith("No session was started:")
    assert rows(data_dir) == []


def test_a_start_the_rules_refuse_says_so_even_while_the_history_is_locked(service, clock,
                                                                           data_dir):
    run(service, Command.START, Therapy.ICE, 5)
    holder = sqlite3.connect(data_dir / "necktimer.sqlite3", isolation_level=None, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    service.set_busy_timeout(0.05)
    try:
        reply = run(service, Command.START, Therapy.HEAT)
    finally:
        holder.close()
    assert reply.code is Exit.REFUSED  # the real reason, not "cannot be written"
    assert reply.message.startswith("The ice session is still running.")


def test_stop_then_nothing_to_stop(service, clock):
    run(service, Command.START, Therapy.HEAT)
    clock.advance(5 * 60)
    reply = run(service, Command.STOP)
    assert reply.code is Exit.OK
    assert reply.message == ("Heat session stopped. Next session allowed at 11:05 (in 2 h). "
                             "To take the stop back, run 'necktimer undo' within 10 s.")
    assert reply.status["state"] == "waiting" and reply.status["wait_s"] == 7200
    again = run(service, Command.STOP)
    assert again.code is Exit.REFUSED and again.message == "No session is running."


def test_a_stop_typed_by_mistake_is_taken_back_within_10_s(service, clock):
    """The window offers Undo for 10 s; a stop typed in a terminal was final at once
    (outside tester)."""
    assert run(service, Command.UNDO).message == "There is no stop to undo."
    run(service, Command.START, Therapy.ICE, 15)
    clock.advance(5 * 60)
    run(service, Command.STOP)
    clock.advance(9)
    undone = run(service, Command.UNDO)
    assert undone.code is Exit.OK, undone.message
    assert undone.message == "Stop undone: the session goes on until 09:15."
    assert undone.status["state"] == "running"
    clock.advance(60)
    run(service, Command.STOP)
    clock.advance(11)
    late = run(service, Command.UNDO)
    assert (late.code, late.message) == (Exit.REFUSED, "It is too late to undo that stop.")
    assert late.status["state"] == "waiting"


def test_a_stop_near_the_end_says_the_seconds_it_can_still_be_taken_back(service, clock):
    """No session goes past its planned end: 6 s before it, "within 10 s" promised four
    seconds that an undo was refused in (outside tester)."""
    run(service, Command.START, Therapy.ICE, 15)
    clock.advance(15 * 60 - 6)
    assert run(service, Command.STOP).message.endswith("run 'necktimer undo' within 6 s.")
    clock.advance(3 * 60 * 60)
    run(service, Command.START, Therapy.ICE, 15)
    clock.advance(15 * 60 - 0.5)
    assert "undo" not in run(service, Command.STOP).message


def test_done_records_the_removal_only_when_a_pack_waits(service, clock, data_dir):
    reply = run(service, Command.DONE)
    assert reply.code is Exit.REFUSED and reply.message == "No pack was waiting to come off."
    run(service, Command.START, Therapy.ICE, 10)
    clock.advance(5 * 60)
    # While it runs, "no pack was waiting" read as if none were on: `stop` is the word.
    running = run(service, Command.DONE)
    assert running.code is Exit.REFUSED and "'necktimer stop'" in running.message
    assert service.status().state is State.RUNNING and rows(data_dir)[0]["ended_at"] is None
    clock.advance(5 * 60)
    service.tick()
    clock.advance(45)
    reply = run(service, Command.DONE)
    assert reply.code is Exit.OK and reply.message == "Noted: the ice pack came off at 09:10."
    assert rows(data_dir)[0]["removed_at"].startswith("2026-03-02T08:10:45")


def test_a_pack_left_on_past_midnight_is_said_to_have_ended_yesterday(service, clock):
    """At 01:00, "Time's up at 23:55" and "came off at 23:55" read as times of today."""
    clock.advance(14 * 3600 + 50 * 60)  # 23:50
    run(service, Command.START, Therapy.HEAT, 5)
    clock.advance(70 * 60)  # 01:00: the session ended at 23:55 and the pack is still on
    service.tick()
    status = run(service, Command.STATUS)
    assert status.message.startswith("Time's up at 23:55 yesterday: take the heat pack off")
    assert "if it came off at 23:55 yesterday" in status.message
    done = run(service, Command.DONE, at_end=True)
    assert done.message == "Noted: the heat pack came off at 23:55 yesterday."


def test_quit_is_refused_while_a_pack_is_on_unless_forced(service, clock):
    assert run(service, Command.QUIT).code is Exit.OK  # nothing on: fine
    run(service, Command.START, Therapy.ICE, 10)
    running = run(service, Command.QUIT)
    assert running.code is Exit.REFUSED
    assert running.message.startswith("A session is running: if necktimer quits, nobody")
    assert run(service, Command.QUIT, force=True).code is Exit.OK
    clock.advance(10 * 60)
    service.tick()
    waiting = run(service, Command.QUIT)
    assert waiting.code is Exit.REFUSED
    assert waiting.message.startswith("A pack is still waiting to come off.")
    run(service, Command.DONE)
    quitting = run(service, Command.QUIT)
    assert quitting.code is Exit.OK and quitting.message == "necktimer is quitting."


def test_status_says_first_that_a_pack_is_waiting_to_come_off(service, clock):
    run(service, Command.START, Therapy.HEAT, 5)
    clock.advance(5 * 60 + 20)
    service.tick()
    reply = run(service, Command.STATUS)
    # The pack still on is named, though no session runs (it was null)
    assert (reply.status["pack_waiting"], reply.status["therapy"]) == (True, "heat")
    assert reply.message == ("Time's up: take the heat pack off now, then run 'necktimer "
                             "done'. Next session allowed 2 h after the pack comes off "
                             "(at 11:06 if it is off now).")
    run(service, Command.DONE)  # at 09:05:20: the gap runs from then
    after = run(service, Command.STATUS)
    assert after.message.startswith("Next session allowed at 11:06")
    assert (after.status["pack_waiting"], after.status["therapy"]) == (False, None)


def test_stop_at_times_up_points_to_done(service, clock):
    """"No session is running" read as if nothing were needed, while the gap waited for
    the pack to be confirmed off."""
    run(service, Command.START, Therapy.ICE, 5)
    clock.advance(5 * 60 + 20)
    service.tick()
    reply = run(service, Command.STOP)
    assert reply.code is Exit.REFUSED
    assert reply.message == ("The session has already ended. Time's up: take the ice pack "
                             "off now, then run 'necktimer done'. Next session allowed 2 h "
                             "after the pack comes off (at 11:06 if it is off now).")
    assert (reply.status["pack_waiting"], reply.status["therapy"]) == (True, "ice")
    assert service.pending_removal() is not None  # nothing was recorded by it


def test_status_offers_done_at_end_once_the_confirmation_is_late(service, clock):
    run(service, Command.START, Therapy.HEAT, 5)
    clock.advance(5 * 60 + 2 * 60)
    service.tick()
    assert run(service, Command.STATUS).message.startswith(
        "Time's up at 09:05: take the heat pack off now, then run 'necktimer done' (or "
        "'necktimer done --at-end' if it came off at 09:05). Next session allowed 2 h after")
    assert run(service, Command.DONE, at_end=True).code is Exit.OK
    assert run(service, Command.STATUS).message.startswith("Next session allowed at 11:05")


def test_the_answer_is_put_into_words_after_the_deed_and_in_the_askers_words(service):
    spoken = []

    @contextlib.contextmanager
    def speaking():
        spoken.append(service.status().state.value)  # the start has already happened
        with i18n.speaking(translator=lambda c, text, d, n: i18n.english(text, n).upper()):
            yield

    reply = execute(Request(Command.START, Therapy.ICE, 5), service, speaking)
    assert spoken == ["running"]
    assert reply.message == "ICE SESSION STARTED: TAKE THE ICE PACK OFF AT 09:05 (IN 5 MIN)."
    # and outside it, the same outcome reads in the process's own words again
    assert run(service, Command.STATUS).message.startswith("Ice session running")


def test_ping_answers(service):
    assert run(service, Command.PING) == Reply(Exit.OK, "pong")


def test_last_applied_after_a_lost_history(service, clock):
    service.start(Therapy.ICE, 5)
    clock.advance(5 * 60)
    service.tick()
    reply = run(service, Command.LAST_APPLIED, when=EARLIER)
    assert reply.code is Exit.OK
    assert reply.status["state"] == "waiting"  # the history it has still rules


@pytest.mark.parametrize(("when", "expected"), [
    ("8:30", datetime(2026, 3, 2, 8, 30, tzinfo=LOCAL)),  # earlier today
    ("09:00", datetime(2026, 3, 2, 9, 0, tzinfo=LOCAL)),  # now
    ("14:30", datetime(2026, 3, 1, 14, 30, tzinfo=LOCAL)),  # later today: so yesterday
    (EARLIER, None),
])
def test_a_last_applied_time_is_the_latest_such_time_not_after_now(when, expected):
    assert when_to_moment(when, T0) == expected


EVENING = T0 + timedelta(hours=10)  # 19:00 on the local clock


@pytest.mark.parametrize(("when", "twelve", "expected"), [
    # A bare reading on a 12-hour clock may be a.m. or p.m.: the later, the longer gap.
    ("6:30", True, datetime(2026, 3, 2, 18, 30, tzinfo=LOCAL)),
    ("6:30", False, datetime(2026, 3, 2, 6, 30, tzinfo=LOCAL)),
    ("12:10", True, datetime(2026, 3, 2, 12, 10, tzinfo=LOCAL)),
    ("6:30 am", True, datetime(2026, 3, 2, 6, 30, tzinfo=LOCAL)),
    ("6:30 p.m.", False, datetime(2026, 3, 2, 18, 30, tzinfo=LOCAL)),
    ("6:30PM", False, datetime(2026, 3, 2, 18, 30, tzinfo=LOCAL)),
    ("12:10 a.m.", True, datetime(2026, 3, 2, 0, 10, tzinfo=LOCAL)),
    # 19:30 is half an hour ahead at 19:00, as a watch running fast reads: asked again
    # (taken as 7:30 a.m., it would have lifted the gap if 7:30 p.m. was meant).
    ("7:30", True, datetime(2026, 3, 2, 19, 30, tzinfo=LOCAL)),
    ("7:30 am", True, datetime(2026, 3, 2, 7, 30, tzinfo=LOCAL)),
    ("18:30", True, datetime(2026, 3, 2, 18, 30, tzinfo=LOCAL)),
    # 21:30 is too far ahead for a watch's error: the later of the two that have been.
    ("9:30", True, datetime(2026, 3, 2, 9, 30, tzinfo=LOCAL)),
])
def test_a_reading_on_a_12_hour_clock(when, twelve, expected):
    with i18n.speaking(formats=i18n.Formats(twelve_hour=twelve)):
        assert parse_when(when) == when
        assert when_to_moment(when, EVENING) == expected


def test_a_bare_12_hour_reading_a_little_ahead_is_asked_again_not_read_as_the_other_half():
    """At 1:40 a.m., "1:45" was taken as yesterday's 1:45 p.m., twelve hours gone, and the
    gap was lifted; with "1:45am" the same moment was refused."""
    night = datetime(2026, 3, 2, 1, 40, tzinfo=LOCAL)
    with i18n.speaking(formats=i18n.Formats(twelve_hour=True, time=lambda moment:
                                            moment.strftime("%-I:%M %p"))):
        assert when_to_moment("1:45", night) == datetime(2026, 3, 2, 1, 45, tzinfo=LOCAL)
        assert still_to_come("1:45", night) == (
            "1:45 could be 1:45 AM, still to come: it is 1:40 AM now. Say which you mean: "
            "1:45am or 1:45pm.")
        assert still_to_come("1:45am", night).startswith("1:45 AM is still to come: it is "
                                                         "1:40 AM now.")
        assert still_to_come("1:45pm", night) is None  # yesterday afternoon
        assert still_to_come("1:35", night) is None


@pytest.mark.parametrize("when", ["14:30 pm", "0:30 am", "6:30 pn", "6:30 p.m.x", "24:00"])
def test_readings_no_clock_shows_are_refused(when):
    with pytest.raises(ProtocolError):
        parse_when(when)


def test_the_service_and_the_wire_agree_on_the_time_left(service, clock):
    run(service, Command.START, Therapy.HEAT, 15)
    clock.advance(timedelta(minutes=4, seconds=30).total_seconds())
    reply = run(service, Command.STATUS)
    assert reply.status["remaining_s"] == 630
    assert reply.message.startswith("Heat session running: it ends at 09:15 (in 11 min).")


def test_a_reading_goes_to_a_window_as_the_moment_it_names_here():
    sent = when_here("0:00")
    moment = datetime.fromisoformat(sent)
    assert moment.tzinfo is not None and moment <= datetime.now(UTC) + timedelta(hours=2)
    assert when_to_moment(sent, T0) == moment  # the window takes the moment as it is
    assert when_here(EARLIER) == EARLIER and when_here(None) is None


def test_after_a_mis_start_the_json_limit_is_the_one_the_sentence_gives(service, clock):
    """After a 6.4-second mis-start the sentence said "at most 14 min 53 s" and the JSON
    894 s: the limit is rounded down in both, never overstated."""
    run(service, Command.START, Therapy.ICE, 15)
    clock.advance(6.4)
    run(service, Command.STOP)
    reply = run(service, Command.STATUS)
    assert "at most 14 min 53 s" in reply.message
    assert reply.status["remaining_s"] == 893


def test_quit_names_what_it_would_lose_and_a_forced_one_what_it_lost(service, clock):
    from helpers import nothing_can_grow

    run(service, Command.START, Therapy.ICE, 10)
    clock.advance(5 * 60)
    with nothing_can_grow():  # a full disk: neither the history nor the record takes it
        run(service, Command.STOP)
        refused = run(service, Command.QUIT)
        forced = run(service, Command.QUIT, force=True)
    assert refused.code is Exit.REFUSED
    assert refused.message.startswith("Not saved yet: the stop. The disk holding")
    assert refused.message.endswith("Quitting now would lose it: wait until it is saved, or "
                                    "quit with --force.")
    assert forced.code is Exit.OK
    assert forced.message.startswith("necktimer is quitting. Not saved yet: the stop.")
    assert forced.message.endswith("That is lost.")

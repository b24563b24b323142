"""What a new instance shows after the last one went away mid-session."""

from datetime import timedelta

from helpers import T0, exposed, rows, text_of, tick
from PySide6.QtCore import Qt, QTime

from necktimer.core.alerts import Kind
from necktimer.core.database import DB_NAME
from necktimer.core.rules import State, Therapy
from necktimer.core.service import SessionService


def started_before_the_restart(data_dir, clock, therapy=Therapy.ICE, minutes=15) -> int:
    """A session started by an instance that is gone now (its service closed, nothing else)."""
    service = SessionService.open(data_dir, clock)
    outcome = service.start(therapy, minutes)
    assert outcome.ok, outcome.message
    service.close()
    return outcome.session.id


def collect(signal):
    seen = []
    signal.connect(seen.append)
    return seen


def test_a_session_with_time_left_resumes(make_app, qtbot, data_dir, clock, backstop):
    session_id = started_before_the_restart(data_dir, clock)
    clock.advance(6 * 60)
    instance = make_app()
    instance.start()
    exposed(instance.window)
    window = instance.window
    assert instance.controller.state.status.state is State.RUNNING
    assert window.ring.text == "09:00" and window.ring.caption == "Ice · off at 09:15"
    assert text_of(window.status_line).startswith(
        "Ice session running: it ends at 09:15 (in 9 min)")
    assert not window.time_up_banner.isVisible()
    assert backstop.armed == [session_id]  # the pack is still on: the backstop watches again
    tick(instance, clock, 9 * 60)  # and it ends on time, as if nothing had happened
    assert window.time_up_banner.label.text() == "Time's up — remove the ice pack now."
    [row] = rows(data_dir)
    assert row["end_reason"] == "completed" and row["closed_while_away"] == 0


def test_a_session_that_ended_while_closed_is_reported_and_reminded(make_app, qtbot, data_dir,
                                                                    clock, chime, backstop):
    session_id = started_before_the_restart(data_dir, clock)
    clock.advance(50 * 60)
    instance = make_app()
    alerts = collect(instance.controller.alert)
    instance.start()
    exposed(instance.window)
    window = instance.window
    assert text_of(window.message_line) == ("Your ice session ended at 09:15 while Neck Timer "
                                          "was closed.")
    banner = window.time_up_banner
    assert banner.isVisible()
    assert banner.label.text() == ("Your ice session ended at 09:15 while Neck Timer was "
                                   "closed. Remove the ice pack if it is still on.")
    # Nobody knows when the pack came off: the gap waits for it ("It came off at 09:15").
    assert text_of(window.status_line) == ("Next session allowed 2 h after the pack comes off "
                                         "(at 11:50 if it is off now).")
    assert window.removed_at_end.text() == "It came off &at 09:15"
    # Reminded like any session that ran out: an alert, a chime, and again a minute later.
    assert [alert.kind for alert in alerts] == [Kind.TIME_UP]
    assert chime.played == 1
    assert backstop.armed == [session_id]
    tick(instance, clock, 60)
    assert [alert.kind for alert in alerts] == [Kind.TIME_UP, Kind.TIME_UP]
    [row] = rows(data_dir)
    assert row["end_reason"] == "completed" and row["closed_while_away"] == 1
    assert row["ended_at"].startswith("2026-03-02T08:15:00")  # at its planned end, not now
    qtbot.mouseClick(banner.buttons[0], Qt.MouseButton.LeftButton)  # Done — removed
    assert not banner.isVisible()
    assert rows(data_dir)[0]["removed_at"].startswith("2026-03-02T08:51:00")


def test_a_stopped_session_needs_no_reminder_after_a_restart(make_app, qtbot, data_dir, clock,
                                                             backstop):
    service = SessionService.open(data_dir, clock)
    service.start(Therapy.HEAT, 10)
    clock.advance(5 * 60)
    assert service.stop().ok
    service.close()
    clock.advance(20 * 60)
    instance = make_app()
    instance.start()
    exposed(instance.window)
    assert not instance.window.time_up_banner.isVisible()
    assert text_of(instance.window.message_line) == ""
    assert instance.controller.state.status.next_allowed_at == T0 + timedelta(minutes=5,
                                                                              hours=2)
    assert backstop.armed == []


def test_an_end_that_falls_while_the_window_opens_is_told_once_its_channels_exist(
        make_app, qtbot, data_dir, clock, chime):
    """The window is shown before the reminder channels are built (they come after the
    first paint): a session ending in between is told through them, not lost."""
    started_before_the_restart(data_dir, clock)
    clock.advance(15 * 60 - 0.1)
    instance = make_app()
    told = []
    instance.controller.alert.connect(
        lambda alert: told.append((alert.kind, instance.reminders is not None)))
    instance.start(minimized=True, deferred=True)  # recovered; the rest is built next
    clock.advance(0.2)  # the session ends while the window opens
    with qtbot.waitExposed(instance.window):
        instance.window.show()
    qtbot.waitUntil(lambda: bool(told))
    assert told == [(Kind.TIME_UP, True)]
    assert chime.played == 1
    assert instance.window.ring.text == "Off now"


def test_a_time_answered_long_after_the_question_appeared_is_todays(make_app, qtbot, data_dir,
                                                                    clock):
    """The question appeared at 09:00; at 10:10 the user answers "10:05". That is five
    minutes ago, not yesterday (read as of 09:00, it was, and no gap was kept)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / DB_NAME).write_bytes(b"not a database, " * 100)  # nothing survives
    instance = make_app()
    instance.start()
    exposed(instance.window)
    question = instance.window.panel.question
    assert question.isVisible() and instance.controller.state.status.state is State.UNKNOWN
    # The panel had no name: a screen reader entering it heard nothing of the question.
    assert question.accessibleName() == question.question.text()
    tick(instance, clock, 70 * 60)
    assert question.isVisible()
    question.at.setTime(QTime(10, 5))
    qtbot.mouseClick(question.save, Qt.MouseButton.LeftButton)
    status = instance.controller.state.status
    assert status.state is State.WAITING and status.wait == timedelta(minutes=115)
    assert not instance.controller.start(Therapy.HEAT, 5).ok


def test_the_window_says_which_day_a_time_was_taken_as(make_app, qtbot, data_dir, clock):
    """At 09:00 a time ahead of the clock, "23:51", can only be last night's: the window
    says so, instead of quietly turning to Ready as if nothing was noted."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / DB_NAME).write_bytes(b"not a database, " * 100)
    instance = make_app()
    instance.start()
    question = instance.window.panel.question
    question.at.setTime(QTime(23, 51))
    qtbot.mouseClick(question.save, Qt.MouseButton.LeftButton)
    assert instance.controller.state.status.state is State.READY
    assert text_of(instance.window.message_line) == "Noted: a pack came off yesterday at 23:51."
    assert instance.window.message_line.isVisible()


def test_a_window_opened_at_times_up_shows_the_sessions_own_how_to(make_app, data_dir, clock):
    """A heat session ended while no window ran: the reopened window showed the cold
    how-to beside "remove the heat pack now"."""
    started_before_the_restart(data_dir, clock, Therapy.HEAT, 10)
    clock.advance(12 * 60)
    instance = make_app()
    instance.start()
    exposed(instance.window)
    assert instance.controller.state.status.awaiting_removal
    assert instance.window.tips.current_key == "heat"


def add_open_row_whose_start_cannot_be_read(data_dir) -> None:
    import contextlib
    import sqlite3

    with contextlib.closing(sqlite3.connect(data_dir / DB_NAME)) as db, db:
        db.execute("INSERT INTO sessions (therapy, started_at, planned_end) VALUES "
                   "('heat', 'garbage', 'garbage')")


def test_an_unreadable_open_row_found_by_a_start_is_reminded_at_once(
        make_app, data_dir, clock, chime, backstop):
    """Written under a running window, such a row was ended by the next start, which was
    refused: the window still showed the gap alone, with no time's-up banner, no
    notification, no backstop and no notice, while the pack may have been on."""
    instance = make_app()
    alerts = collect(instance.controller.alert)
    instance.start()
    exposed(instance.window)
    window = instance.window
    add_open_row_whose_start_cannot_be_read(data_dir)
    clock.advance(30)
    outcome = instance.controller.start(Therapy.ICE)
    assert not outcome.ok
    assert window.time_up_banner.isVisible()
    assert window.time_up_banner.label.text().startswith("Your heat session ended at ")
    assert [alert.kind for alert in alerts] == [Kind.TIME_UP] and chime.played == 1
    assert backstop.armed == [rows(data_dir)[0]["id"]]
    assert "whose start cannot be read" in window.notice_banner.label.text()
    tick(instance, clock, 60)  # and again a minute later, as for any pack left on
    assert [alert.kind for alert in alerts] == [Kind.TIME_UP, Kind.TIME_UP]


def test_an_unreadable_open_row_found_at_launch_is_reminded(make_app, data_dir, clock,
                                                             backstop):
    SessionService.open(data_dir, clock).close()
    add_open_row_whose_start_cannot_be_read(data_dir)
    instance = make_app()
    instance.start()
    exposed(instance.window)
    window = instance.window
    assert window.time_up_banner.isVisible()
    assert "whose start cannot be read" in window.notice_banner.label.text()
    assert backstop.armed == [rows(data_dir)[0]["id"]]

"""What the window says after a restart: a session resumes, or it ended while closed."""

from helpers import LOCAL

from necktimer.core.clock import FakeClock
from necktimer.core.rules import State, Therapy
from necktimer.core.service import SessionService
from necktimer.core.settings import Settings
from necktimer.core.store import Store


def start_before_restart(data_dir, clock, minutes=15):
    store = Store.open(data_dir).store
    assert SessionService(store, clock, Settings, LOCAL).start(Therapy.ICE, minutes).ok
    store.close()


def test_session_with_time_left_resumes(make_app, data_dir, clock: FakeClock):
    start_before_restart(data_dir, clock)
    clock.advance(6 * 60)
    instance = make_app()
    instance.start()
    assert instance.controller.status.state is State.RUNNING
    assert instance.window.ring.text == "09:00"
    assert not instance.window.banner.isVisible()


def test_session_that_ended_while_closed_is_reported(make_app, data_dir, clock):
    start_before_restart(data_dir, clock)
    clock.advance(50 * 60)
    instance = make_app()
    instance.start()
    window = instance.window
    said = window.message_line.text()
    assert said == "Your ice session ended at 09:15 while Neck Timer was closed."
    assert window.banner.isVisible()
    assert "ended at 09:15 while Neck Timer was closed" in window.banner.label.text()
    assert window.status_line.text() == "Next session allowed at 11:15 — in 1 h 25 min."

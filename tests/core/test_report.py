"""The state as JSON for scripts (the same in every language) and the shared sentences."""

from datetime import datetime, timedelta

from helpers import T0

from necktimer.core import i18n
from necktimer.core.report import ended_while_closed, status_json
from necktimer.core.rules import EndReason, Session, State, Status, Therapy

SESSION = Session(1, Therapy.HEAT, T0, T0 + timedelta(minutes=15))


def test_running_status_as_json():
    status = Status(State.RUNNING, T0, SESSION, remaining=timedelta(seconds=599.2))
    data = status_json(status)
    assert data["state"] == "running" and data["therapy"] == "heat"
    assert data["remaining_s"] == 600 and data["wait_s"] is None
    assert datetime.fromisoformat(data["ends_at"]) == T0 + timedelta(seconds=599)
    assert datetime.fromisoformat(data["next_allowed_at"]) - datetime.fromisoformat(
        data["ends_at"]) == timedelta(hours=2)


def test_json_stays_iso_whatever_the_language():
    i18n.install(translator=lambda *_args: "übersetzt",
                 formats=i18n.Formats(time=lambda moment: "9:15 PM"))
    status = Status(State.WAITING, T0, SESSION, wait=timedelta(minutes=30))
    data = status_json(status)
    assert data["state"] == "waiting" and data["next_allowed_at"].startswith("2026-03-02T09:30")


def test_ready_offers_the_longest_next_session():
    status = Status(State.READY, T0, cycle_left=timedelta(minutes=14, seconds=54))
    assert status_json(status)["remaining_s"] == 894


def test_ended_while_closed_names_the_minute_it_ended():
    ended = Session(1, Therapy.ICE, T0, T0 + timedelta(minutes=15, seconds=1),
                    T0 + timedelta(minutes=15, seconds=1), EndReason.COMPLETED)
    assert ended_while_closed(ended) == ("Your ice session ended at 09:15 while Neck Timer "
                                         "was closed.")

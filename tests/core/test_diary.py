"""The pain diary: episodes, the one-week physician check, the 14-day trend and CSV."""

import csv
import io
import sqlite3
from datetime import timedelta

import pytest
from helpers import LOCAL, T0

from necktimer.core import diary
from necktimer.core.rules import EndReason, Session, Therapy
from necktimer.core.store import DB_NAME, MIGRATIONS, SCHEMA_VERSION, Store

DAY = timedelta(days=1)


def day_session(day, before=None, after=None, id=None, cancelled=False):
    start = T0 + day * DAY
    return Session(id or day + 1, Therapy.ICE, start, start + timedelta(minutes=15),
                   start + timedelta(minutes=15 if not cancelled else 0.5),
                   EndReason.CANCELLED if cancelled else EndReason.COMPLETED,
                   pain_before=before, pain_after=after)


def history(ratings):
    return [day_session(day, before=value) for day, value in enumerate(ratings)]


def test_episodes_split_at_pauses_longer_than_14_days():
    sessions = [day_session(0), day_session(10), day_session(30), day_session(44)]
    found = diary.episodes(sessions)
    assert [len(e.sessions) for e in found] == [2, 2]


def test_cancelled_sessions_do_not_make_an_episode():
    assert diary.episodes([day_session(0, cancelled=True)]) == []


def test_no_advice_in_the_first_week():
    advice = diary.physician_advice(history([6, 6, 6, 6, 6, 6, 6]), T0 + 6.9 * DAY)
    assert not advice.see_physician


def test_flat_pain_after_a_week_advises_a_physician():
    advice = diary.physician_advice(history([6, 6, 6, 6, 6, 6, 6, 6]), T0 + 7.5 * DAY)
    assert advice.see_physician and advice.days == 7
    assert advice.early_mean == 6 and advice.late_mean == 6
    assert "has not eased (6.0 then 6.0" in advice.message
    assert "please consult a physician" in advice.message


def test_worsening_pain_advises_a_physician():
    advice = diary.physician_advice(history([4, 4, 5, 5, 6, 6, 7, 7]), T0 + 7.5 * DAY)
    assert advice.see_physician and "getting worse" in advice.message


def test_improving_pain_gives_no_advice():
    advice = diary.physician_advice(history([7, 7, 6, 5, 5, 4, 4, 3]), T0 + 7.5 * DAY)
    assert not advice.see_physician
    assert advice.early_mean == pytest.approx(20 / 3)  # days 0-2
    assert advice.late_mean == pytest.approx(11 / 3)  # days 5-7


def test_improvement_of_less_than_a_point_is_not_enough():
    advice = diary.physician_advice(history([6, 6, 6, 6, 6, 5.5, 5.5, 5.5]), T0 + 7.5 * DAY)
    assert advice.see_physician


def test_missing_ratings_advise_a_physician():
    advice = diary.physician_advice(history([None] * 8), T0 + 7.5 * DAY)
    assert advice.see_physician
    assert "too few pain ratings" in advice.message


def test_pain_after_is_used_when_before_is_missing():
    sessions = [day_session(d, after=v) for d, v in enumerate([8, 8, 8, 5, 4, 3, 2, 2])]
    assert not diary.physician_advice(sessions, T0 + 7.5 * DAY).see_physician


def test_an_old_episode_gives_no_advice():
    assert not diary.physician_advice(history([6] * 8), T0 + 30 * DAY).see_physician


def test_service_advice_and_snooze_for_a_day(service, store, clock):
    with store.transaction():
        for day in range(8):
            start = T0 + day * DAY
            session_id = store.insert_session(Therapy.HEAT, start, start + timedelta(minutes=15))
            store.end_session(session_id, start + timedelta(minutes=15), EndReason.COMPLETED)
            store.set_pain(session_id, "pain_before", 5)
    clock.advance(7.5 * 86400)
    assert service.physician_advice().see_physician
    service.snooze_physician_advice()
    assert not service.physician_advice().see_physician
    clock.advance(86400 - 1)
    assert not service.physician_advice().see_physician
    clock.advance(2)
    assert service.physician_advice().see_physician  # back a day later: never off for good


def test_store_finds_the_episode_start(store):
    with store.transaction():
        for day in (0, 1, 20, 25, 30):
            start = T0 + day * DAY
            session_id = store.insert_session(Therapy.ICE, start, start + timedelta(minutes=15))
            store.end_session(session_id, start + timedelta(minutes=15), EndReason.COMPLETED)
    assert store.episode_start(diary.EPISODE_PAUSE) == T0 + 20 * DAY


def test_last_14_days_counts_and_means():
    sessions = [day_session(0, before=6), day_session(0, before=4, id=50), day_session(2),
                day_session(3, cancelled=True)]
    today = (T0 + 13 * DAY).astimezone(LOCAL).date()
    days = diary.last_days(sessions, today, LOCAL)
    assert len(days) == 14
    assert days[0].sessions == 2 and days[0].pain == 5
    assert days[2].sessions == 1 and days[2].pain is None
    assert days[3].sessions == 0


def test_csv_round_trip_escapes_formulas():
    sessions = [day_session(0, before=7, after=4), day_session(1)]
    sessions[0] = Session(**{**sessions[0].__dict__, "note": "=HYPERLINK(\"http://x\")"})
    sessions[1] = Session(**{**sessions[1].__dict__, "note": "-3 better, @home, +1"})
    rows = list(csv.DictReader(io.StringIO(diary.to_csv(sessions, LOCAL))))
    assert len(rows) == 2
    assert rows[0]["note"] == "'=HYPERLINK(\"http://x\")"
    assert rows[1]["note"] == "'-3 better, @home, +1"
    assert rows[0]["pain_before"] == "7" and rows[0]["pain_after"] == "4"
    assert rows[0]["therapy"] == "ice" and rows[0]["start"] == "09:00"
    assert rows[0]["planned_min"] == "15" and rows[0]["ended"] == "completed"


def test_pain_and_note_are_checked(store):
    with store.transaction():
        session_id = store.insert_session(Therapy.ICE, T0, T0 + timedelta(minutes=15))
    with pytest.raises(ValueError):
        store.set_pain(session_id, "pain_before", 11)
    with pytest.raises(ValueError):
        store.set_note(session_id, "x" * 501)
    store.set_pain(session_id, "pain_after", 0)
    store.set_note(session_id, "  felt better  ")
    session = store.get(session_id)
    assert session.pain_after == 0 and session.note == "felt better"


def test_warning_signs_are_recorded_with_their_time(service, store, clock):
    service.record_warning_signs(["headache", "arm"])
    clock.advance(60)
    service.record_warning_signs([])
    assert store.warning_sign_answers() == [(T0, ["headache", "arm"]),
                                            (T0 + timedelta(seconds=60), [])]
    with pytest.raises(ValueError):
        service.record_warning_signs(["dizzy"])


def test_migration_from_the_first_schema_keeps_rows(data_dir):
    data_dir.mkdir(parents=True)
    # A database exactly as the first release wrote it.
    connection = sqlite3.connect(data_dir / DB_NAME)
    connection.executescript(MIGRATIONS[0])
    connection.execute("PRAGMA user_version = 1")
    connection.execute(
        "INSERT INTO sessions (therapy, started_at, planned_end, ended_at, end_reason, "
        "removed_at) VALUES ('heat', '2026-01-05T10:00:00.000000+00:00', "
        "'2026-01-05T10:15:00.000000+00:00', '2026-01-05T10:15:00.000000+00:00', "
        "'completed', '2026-01-05T10:16:00.000000+00:00')"
    )
    connection.execute("INSERT INTO meta VALUES ('high_water', '2026-01-05T10:16:00+00:00')")
    connection.commit()
    connection.close()

    store = Store.open(data_dir).store
    assert store.schema_version == SCHEMA_VERSION == 2
    [session] = store.all_sessions()
    assert session.therapy is Therapy.HEAT and session.end_reason is EndReason.COMPLETED
    assert session.removed_at.minute == 16
    assert session.pain_before is None and session.note is None
    assert store.get_meta("high_water") == "2026-01-05T10:16:00+00:00"
    store.set_pain(session.id, "pain_before", 6)
    assert store.get(session.id).pain_before == 6

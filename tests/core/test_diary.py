"""The pain diary: the one-week physician check, the 14-day trend and the CSV export."""

import csv
import io
from datetime import timedelta
from statistics import fmean

import pytest
from helpers import LOCAL, T0

from necktimer.core import diary
from necktimer.core.diary import Pain
from necktimer.core.rules import EndReason, Session, Therapy
from necktimer.core.service import SessionService

DAY = timedelta(days=1)


def day_session(day, before=None, after=None, id=None, cancelled=False, note=None):
    start = T0 + day * DAY
    return Session(id or int(day * 10) + 1, Therapy.ICE, start, start + timedelta(minutes=15),
                   start + timedelta(minutes=15 if not cancelled else 0.5),
                   EndReason.CANCELLED if cancelled else EndReason.COMPLETED,
                   pain_before=before, pain_after=after, note=note)


class ListQueries:
    """The one-week check's questions answered from a list (the store answers them in SQL)."""

    def __init__(self, sessions):
        self.counted = sorted((s for s in sessions if s.counts_for_gap),
                              key=lambda s: s.started_at)

    def latest_start(self):
        return self.counted[-1].started_at if self.counted else None

    def episode_start(self, latest):
        return diary.walk_back_episode(self._before, latest, page=2)

    def _before(self, moment, limit):
        return [s.started_at for s in reversed(self.counted) if s.started_at < moment][:limit]

    def mean_rating(self, since, until):
        values = [r for s in self.counted if since <= s.started_at < until
                  and (r := rating(s)) is not None]
        return (fmean(values) if values else None), len(values)


def rating(session: Session) -> int | None:
    """The one-week check's rating, as the module's docstring defines it (the store sums it
    in SQL): the pain before a session, or after it when only that was noted."""
    return session.pain_before if session.pain_before is not None else session.pain_after


def history(ratings):
    return ListQueries([day_session(day, before=value) for day, value in enumerate(ratings)])


def test_episodes_split_at_pauses_longer_than_14_days():
    queries = ListQueries([day_session(0), day_session(10), day_session(30), day_session(44)])
    assert queries.episode_start(T0 + 44 * DAY) == T0 + 30 * DAY


def test_cancelled_sessions_do_not_make_an_episode():
    assert not diary.physician_advice(ListQueries([day_session(0, cancelled=True)]),
                                      T0 + 8 * DAY).see_physician


def test_no_advice_in_the_first_week():
    advice = diary.physician_advice(history([6, 6, 6, 6, 6, 6, 6]), T0 + 6.9 * DAY)
    assert not advice.see_physician


def test_flat_pain_after_a_week_advises_a_physician():
    advice = diary.physician_advice(history([6, 6, 6, 6, 6, 6, 6, 6]), T0 + 7.5 * DAY)
    assert advice.see_physician and advice.days == 7
    assert advice.early_mean == 6 and advice.late_mean == 6
    assert "has not eased (6.0 at first, 6.0 lately" in advice.message
    assert "for 7 days" in advice.message and "please consult a physician" in advice.message


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
    assert not diary.physician_advice(ListQueries(sessions), T0 + 7.5 * DAY).see_physician


def test_an_old_episode_gives_no_advice():
    assert not diary.physician_advice(history([6] * 8), T0 + 30 * DAY).see_physician


def test_service_advice_is_bounded_sql_and_snoozes_for_a_day(service, clock):
    for _day in range(8):
        outcome = service.start(Therapy.HEAT, 15)
        service.record_pain(outcome.session.id, Pain.BEFORE, 5)
        clock.advance(15 * 60)
        service.tick()
        clock.advance(DAY.total_seconds() - 15 * 60)
    assert service.physician_advice().see_physician
    service.snooze_physician_advice()
    assert not service.physician_advice().see_physician
    clock.advance(86400 - 1)
    assert not service.physician_advice().see_physician
    clock.advance(2)
    assert service.physician_advice().see_physician  # back a day later: never off for good


def test_last_14_days_counts_and_means():
    sessions = [day_session(0, before=6), day_session(0, before=4, after=3, id=50),
                day_session(2), day_session(3, cancelled=True)]
    today = (T0 + 13 * DAY).astimezone(LOCAL).date()
    days = diary.last_days(sessions, today)
    assert len(days) == 14
    assert (days[0].sessions, days[0].before, days[0].after) == (2, 5, 3)
    assert (days[2].sessions, days[2].before, days[2].after) == (1, None, None)
    assert days[3].sessions == 0


def test_csv_round_trip_escapes_formulas():
    sessions = [day_session(0, before=7, after=4, note="=HYPERLINK(\"http://x\")"),
                day_session(1, note="-3 better, @home, +1")]
    rows = list(csv.DictReader(io.StringIO(diary.to_csv(sessions))))
    assert len(rows) == 2
    assert rows[0]["note"] == "'=HYPERLINK(\"http://x\")"
    assert rows[1]["note"].startswith("'-3 better")
    assert rows[0]["pain_before"] == "7" and rows[0]["pain_after"] == "4"
    assert rows[0]["therapy"] == "ice" and rows[0]["start"] == "09:00"
    assert rows[0]["planned_min"] == "15.0" and rows[0]["ended"] == "completed"


@pytest.mark.parametrize("note", [
    "a;=1+1", "a\t=1+1", "\uff1dSUM(A1:A9)", "line one\n=1+1\nline three", " =1+1", "a, =1+1",
    "b|=1+1", "x;\uff0b1",
])
def test_csv_cells_never_become_formulas_or_rows_however_a_spreadsheet_splits(note):
    text = diary.to_csv([day_session(0, note=note)])
    assert len(text.splitlines()) == 2  # the header and one row: a note never adds a row
    for separator in (",", ";", "\t", "|"):
        for line in text.splitlines():
            for cell in line.split(separator):
                stripped = cell.strip().strip('"').lstrip()
                assert not stripped.startswith(diary.FORMULA_STARTERS), (note, separator, cell)


def test_csv_times_stay_iso_whatever_the_locale():
    from necktimer.core import i18n

    i18n.install(formats=i18n.Formats(time=lambda moment: "9:00 AM",
                                      date=lambda day: "3/2/26"))
    rows = list(csv.DictReader(io.StringIO(diary.to_csv([day_session(0)]))))
    assert rows[0]["date"] == "2026-03-02" and rows[0]["start"] == "09:00"


def test_warning_signs_are_recorded_with_their_time(service, clock):
    service.record_warning_signs(["headache", "arm"])
    clock.advance(60)
    service.record_warning_signs([])
    assert service.warning_sign_answers() == [(T0, ["headache", "arm"]),
                                              (T0 + timedelta(seconds=60), [])]
    with pytest.raises(ValueError):
        service.record_warning_signs(["dizzy"])


def test_the_last_warning_sign_answer_stands_after_a_restart(service, clock, data_dir,
                                                             settings_box):
    assert service.warning_signs == ()
    service.record_warning_signs(["arm"])
    clock.advance(60)
    service.record_warning_signs(["headache", "nausea"])
    assert service.warning_signs == ("headache", "nausea")
    service.close()
    again = SessionService.open(data_dir, clock, settings_box)
    try:
        assert again.warning_signs == ("headache", "nausea")  # the last answer, not the first
        again.record_warning_signs([])
        assert again.warning_signs == ()
    finally:
        again.close()


def test_warning_sign_names_use_one_wording_for_the_headache():
    assert diary.warning_signs()["headache"] == "Severe headache"


def test_a_days_pain_before_and_after_are_kept_apart():
    sessions = [Session(n, Therapy.ICE, T0 + timedelta(hours=3 * n),
                        T0 + timedelta(hours=3 * n, minutes=15),
                        T0 + timedelta(hours=3 * n, minutes=15), EndReason.COMPLETED,
                        pain_before=before, pain_after=after)
                for n, (before, after) in enumerate([(7, 6), (8, 4)])]
    [day] = diary.last_days(sessions, T0.astimezone(LOCAL).date(), days=1)
    assert (day.sessions, day.before, day.after) == (2, 7.5, 5.0)

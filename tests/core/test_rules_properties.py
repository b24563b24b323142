"""Property-based tests: whatever the user clicks and whatever the clock does, the rules hold."""

import itertools
import tempfile
from datetime import timedelta
from pathlib import Path

from helpers import T0
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from necktimer.core import rules
from necktimer.core.clock import FakeClock
from necktimer.core.rules import EndReason, State, Therapy
from necktimer.core.service import SessionService
from necktimer.core.store import Store

CAP = rules.CAP
GAP = rules.MIN_GAP

start = st.tuples(st.just("start"), st.sampled_from(list(Therapy)), st.integers(-3, 20))
stop = st.tuples(st.just("stop"))
wait = st.tuples(st.just("wait"), st.integers(0, 3 * 3600))  # real time passes
clock_back = st.tuples(st.just("back"), st.integers(1, 6 * 3600))
clock_ahead = st.tuples(st.just("ahead"), st.integers(1, 6 * 3600))


def run(actions):
    """Apply the actions; return the record and, per session, real start and observed end."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder)).store
        clock = FakeClock(T0)
        service = SessionService(store, clock)
        real = 0.0  # seconds of real time since the first action
        real_start: dict[int, float] = {}
        real_end: dict[int, float] = {}
        running_seen: list[tuple[int, float]] = []

        def observe():
            status = service.status()
            service.tick()
            if status.state is State.RUNNING:
                running_seen.append((status.session.id, real))
                assert timedelta(0) <= status.remaining <= CAP
            if status.state is State.WAITING:
                assert timedelta(0) < status.wait <= GAP

        for action in actions:
            kind = action[0]
            if kind == "start":
                minutes = action[2]
                outcome = service.start(action[1], minutes)
                if outcome.ok:
                    real_start[outcome.session.id] = real
                else:
                    assert outcome.message  # every refusal says why
            elif kind == "stop":
                outcome = service.stop()
                if outcome.ok:
                    real_end[outcome.session.id] = real
            elif kind == "wait":
                # advance in steps so the running state is observed along the way
                remaining = action[1]
                while remaining > 0:
                    step = min(remaining, 60)
                    clock.advance(step)
                    real += step
                    remaining -= step
                    observe()
            elif kind == "back":
                clock.jump(-action[1])
            else:
                clock.jump(action[1])
            observe()
        sessions = store.all_sessions()
        store.close()
        return sessions, real_start, real_end, running_seen


def check_record(sessions, now):
    """What is written down: each session within the cap, counted ones two hours apart."""
    previous_end = None
    for session in sorted(sessions, key=lambda s: s.started_at):
        assert session.planned_length <= CAP
        assert session.planned_length.total_seconds() >= rules.MIN_MINUTES * 60
        end = session.end_at(now)
        if end is not None:
            assert end - session.started_at <= CAP
        if previous_end is not None and session.counts_for_gap:
            assert session.started_at >= previous_end + GAP
        if session.counts_for_gap and end is not None:
            previous_end = end
        if session.end_reason is EndReason.CANCELLED:
            assert session.ended_at - session.started_at < rules.GRACE


actions_any_clock = st.lists(st.one_of(start, stop, wait, clock_back, clock_ahead), max_size=25)
actions_clock_back = st.lists(st.one_of(start, stop, wait, clock_back), max_size=25)
fast = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@fast
@given(actions_any_clock)
def test_record_never_breaks_cap_or_gap(actions):
    sessions, *_ = run(actions)
    check_record(sessions, now=sessions[-1].planned_end + CAP if sessions else T0)


@fast
@given(actions_clock_back)
def test_in_real_time_no_session_runs_past_15_minutes_and_gaps_last_2_hours(actions):
    """Clocks set back cannot stretch a session or shorten a gap, measured in real time."""
    sessions, real_start, real_end, running_seen = run(actions)
    for session_id, seen_at in running_seen:
        assert seen_at - real_start[session_id] <= CAP.total_seconds()
    counted = [s for s in sorted(sessions, key=lambda s: real_start[s.id]) if s.counts_for_gap]
    for before, after in itertools.pairwise(counted):
        ended_real = real_end.get(
            before.id, real_start[before.id] + before.planned_length.total_seconds()
        )
        assert real_start[after.id] >= ended_real + GAP.total_seconds()

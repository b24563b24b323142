"""Property-based tests: whatever the user clicks and whatever the clock does, the rules hold.

Random starts, stops, undos, waits, suspends, reboots and wall-clock changes in both
directions are applied to a real service on a real SQLite file; real elapsed time is
tracked beside it. In real time, no session runs past 15 minutes, counted sessions are
two hours apart, and the time applied between two full breaks never exceeds 15 minutes.
"""

import itertools
import tempfile
from pathlib import Path

from helpers import T0
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from necktimer.core import rules
from necktimer.core.clock import FakeClock
from necktimer.core.rules import State, Therapy
from necktimer.core.service import FixedSettings, SessionService

CAP = rules.CAP.total_seconds()
GAP = rules.MIN_GAP.total_seconds()

start = st.tuples(st.just("start"), st.sampled_from(list(Therapy)), st.integers(1, 15))
stop = st.tuples(st.just("stop"))
undo = st.tuples(st.just("undo"))
wait = st.tuples(st.just("wait"), st.integers(0, 3 * 3600))  # real time passes
short_wait = st.tuples(st.just("wait"), st.integers(0, 70))
clock_back = st.tuples(st.just("back"), st.integers(1, 6 * 3600))
clock_ahead = st.tuples(st.just("ahead"), st.integers(1, 6 * 3600))
restart = st.tuples(st.just("restart"))


def run(actions):
    """Apply the actions; return per session its real start and real end (seconds)."""
    with tempfile.TemporaryDirectory() as folder:
        clock = FakeClock(T0)
        service = SessionService.open(Path(folder), clock, FixedSettings())
        real = 0.0
        real_start: dict[int, float] = {}
        real_end: dict[int, float] = {}
        last_stopped: list[int] = []

        def observe():
            status = service.status()
            for ended in service.tick():
                # It ended at its planned end, which may lie between two observations.
                length = ended.session.planned_length.total_seconds()
                real_end.setdefault(ended.session.id, real_start[ended.session.id] + length)
            if status.state is State.RUNNING:
                assert 0 <= status.remaining.total_seconds() <= CAP
                elapsed = real - real_start[status.session.id]
                assert elapsed <= CAP + 1e-6, "a session ran past 15 minutes in real time"
            if status.state is State.WAITING:
                assert 0 < status.wait.total_seconds() <= GAP

        for action in actions:
            kind = action[0]
            if kind == "start":
                outcome = service.start(action[1], action[2])
                if outcome.ok:
                    real_start[outcome.session.id] = real
                else:
                    assert outcome.message  # every refusal says why
            elif kind == "stop":
                outcome = service.stop()
                if outcome.ok:
                    real_end[outcome.session.id] = real
                    last_stopped[:] = [outcome.session.id]
            elif kind == "undo" and last_stopped:
                if service.undo_stop(last_stopped[0]).ok:
                    real_end.pop(last_stopped[0], None)
            elif kind == "wait":
                remaining = action[1]
                while remaining > 0:  # in steps, so the running state is observed on the way
                    step = min(remaining, 60)
                    clock.advance(step)
                    real += step
                    remaining -= step
                    observe()
            elif kind == "back":
                clock.jump(-action[1])
            elif kind == "ahead":
                clock.jump(action[1])
            elif kind == "restart":
                service.close()
                service = SessionService.open(Path(folder), clock, FixedSettings())
                service.recover()
            observe()
        sessions = {s.id: s for s in service.sessions_between(None)}
        service.close()
        return sessions, real_start, real_end


def check_real_time(sessions, real_start, real_end):
    ordered = sorted(sessions.values(), key=lambda s: real_start[s.id])
    ends = {s.id: real_end.get(s.id, real_start[s.id] + s.planned_length.total_seconds())
            for s in ordered}
    for session in ordered:
        assert ends[session.id] - real_start[session.id] <= CAP + 1e-6
    counted = [s for s in ordered if s.counts_for_gap]
    for before, after in itertools.pairwise(counted):
        assert real_start[after.id] >= ends[before.id] + GAP - 1e-6, "a gap was shortened"
    # Between two full breaks (a gap without any application), at most 15 minutes in all.
    applied, previous_end = 0.0, None
    for session in ordered:
        if previous_end is not None and real_start[session.id] - previous_end >= GAP:
            applied = 0.0
        applied += ends[session.id] - real_start[session.id]
        assert applied <= CAP + 1e-6, "mis-starts were chained past the cap"
        if session.counts_for_gap:
            applied = 0.0  # a counted session is followed by a full gap (checked above)
        previous_end = ends[session.id]

fast = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fast
@given(st.lists(st.one_of(start, stop, undo, wait, clock_back, clock_ahead, restart),
                max_size=25))
# Found here once: the clock set back 2 s made the newer session look older, and Undo of
# the mis-start before it ran two packs at once.
@example([("stop",), ("ahead", 2), ("start", Therapy.ICE, 8), ("stop",), ("wait", 1),
          ("back", 2), ("start", Therapy.ICE, 8), ("undo",)])
def test_in_real_time_no_clock_change_bends_a_rule(actions):
    check_real_time(*run(actions))


# Long runs of near-minute mis-starts: the attack the cycle cap exists for.
mis_starts = st.lists(st.integers(40, 59), min_size=10, max_size=25).map(
    lambda seconds: [step for s in seconds
                     for step in (("start", Therapy.ICE, 15), ("wait", s), ("stop",))])


@fast
@given(st.lists(st.one_of(start, stop, short_wait), max_size=40))
def test_mis_starts_and_short_waits_keep_the_rules(actions):
    check_real_time(*run(actions))


@fast
@given(mis_starts)
def test_mis_starts_cannot_be_chained_into_continuous_icing(actions):
    check_real_time(*run(actions))


def test_the_reported_attack_three_58_second_mis_starts_and_on():
    actions = [step for _ in range(20)
               for step in (("start", Therapy.ICE, 15), ("wait", 58), ("stop",))]
    sessions, real_start, real_end = run(actions)
    check_real_time(sessions, real_start, real_end)
    applied = sum(real_end[i] - real_start[i] for i in real_start)
    assert applied <= CAP + 1e-6

"""`@value` makes what `@dataclass(frozen=True)` makes, for everything necktimer uses."""

import dataclasses
import pickle
from dataclasses import FrozenInstanceError, field

import pytest

from necktimer.core.value import value


def twins():
    """The same class twice: by `@value`, and by the standard library."""
    made = []
    for decorate in (value, dataclasses.dataclass(frozen=True)):
        class Reading:
            """A pain rating and where it came from."""

            level: int
            where: str = "neck"
            tags: list = field(default_factory=list)
            seen_by: str | None = field(default=None, compare=False)

            def __post_init__(self) -> None:
                if self.level > 10:
                    object.__setattr__(self, "level", 10)  # held to the scale, as Session is

        made.append(decorate(Reading))
    return made


@pytest.mark.parametrize("build", [
    lambda cls: cls(3),
    lambda cls: cls(3, "back"),
    lambda cls: cls(level=12, tags=["ice"]),
    lambda cls: cls(4, "neck", ["heat"], "me"),
])
def test_values_behave_as_frozen_dataclasses(build):
    ours, theirs = twins()
    mine, standard = build(ours), build(theirs)
    assert repr(mine) == repr(standard)
    assert dataclasses.asdict(mine) == dataclasses.asdict(standard)
    assert dataclasses.astuple(mine) == dataclasses.astuple(standard)
    assert [f.name for f in dataclasses.fields(mine)] == ["level", "where", "tags", "seen_by"]
    assert dataclasses.is_dataclass(mine)
    assert mine.__match_args__ == standard.__match_args__
    changed = dataclasses.replace(mine, where="shoulder")
    assert (changed.where, changed.level) == ("shoulder", mine.level)
    assert type(changed) is ours


def test_equality_and_hash_follow_the_compared_fields():
    ours, _ = twins()
    first, second = ours(5, tags=(), seen_by="me"), ours(5, tags=(), seen_by="you")
    assert first == second and hash(first) == hash(second)  # seen_by is not compared
    assert first != ours(6, tags=())
    assert first != (5, "neck", (), "me")  # a tuple of the same fields is not the value
    assert ours(5, tags=()) in {ours(5, tags=())}


def test_a_value_cannot_be_changed():
    ours, _ = twins()
    reading = ours(5)
    with pytest.raises(FrozenInstanceError):
        reading.level = 6
    with pytest.raises(FrozenInstanceError):
        del reading.where
    with pytest.raises(FrozenInstanceError):
        reading.extra = 1
    assert reading.level == 5


def test_defaults_are_not_shared_and_post_init_runs():
    ours, _ = twins()
    first, second = ours(1), ours(2)
    first.tags.append("x")
    assert second.tags == []  # each got its own list from the factory
    assert ours(99).level == 10


@pytest.mark.parametrize("call", [
    lambda cls: cls(),
    lambda cls: cls(1, "a", [], None, "extra"),
    lambda cls: cls(1, wrong=2),
    lambda cls: cls(1, level=2),
])
def test_wrong_arguments_are_refused_as_by_the_standard_library(call):
    ours, theirs = twins()
    with pytest.raises(TypeError):
        call(theirs)
    with pytest.raises(TypeError):
        call(ours)


def test_a_session_is_a_value_held_to_the_cap_as_it_is_made():
    from datetime import UTC, datetime, timedelta

    from necktimer.core.rules import Session, Therapy

    start = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    session = Session(1, Therapy.ICE, start, start + timedelta(minutes=20))
    assert session.planned_end == start + timedelta(minutes=15)
    assert pickle.loads(pickle.dumps(session)) == session
    with pytest.raises(FrozenInstanceError):
        session.planned_end = start + timedelta(hours=1)


def test_methods_a_class_defines_itself_are_kept():
    @value
    class Pack:
        therapy: str

        def __repr__(self) -> str:
            return f"<{self.therapy} pack>"

    assert repr(Pack("ice")) == "<ice pack>"
    assert Pack("ice") == Pack("ice") and hash(Pack("ice")) == hash(Pack("ice"))
    with pytest.raises(TypeError):
        @value
        class Changeable:
            therapy: str

            def __setattr__(self, name, given) -> None:
                object.__setattr__(self, name, given)


def test_a_class_without_a_docstring_is_described_by_its_fields(monkeypatch):
    # dataclasses would call inspect.signature for it, a fifth of a millisecond a class.
    import inspect

    def refuse(*_args, **_kwargs):
        raise AssertionError("inspect.signature was asked")

    monkeypatch.setattr(inspect, "signature", refuse)

    @value
    class Span:
        start: int
        end: int = 0
        label: str = field(default="", init=False)

    assert Span.__doc__ == "Span(start, end)"
    ours, _ = twins()
    assert ours.__doc__ == "A pain rating and where it came from."

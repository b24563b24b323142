"""Settings are clamped into the safe range, with a warning for each value changed."""

from datetime import timedelta

import pytest

from necktimer.core.settings import Settings


def test_defaults_are_the_safe_values():
    settings = Settings()
    assert settings.default_minutes == 15
    assert settings.gap == timedelta(hours=2)
    assert settings.sound and settings.gap_reminder and settings.keep_in_tray
    assert not settings.start_at_login


@pytest.mark.parametrize(
    ("raw", "field", "expected", "warning"),
    [
        ({"default_minutes": "45"}, "default_minutes", 15, "outside the safe range 1–15"),
        ({"default_minutes": "0"}, "default_minutes", 1, "outside the safe range"),
        ({"default_minutes": "-3"}, "default_minutes", 1, "outside the safe range"),
        ({"default_minutes": "ten"}, "default_minutes", 15, "not a whole number"),
        ({"default_minutes": "7.5"}, "default_minutes", 15, "not a whole number"),
        ({"gap_minutes": "30"}, "gap_minutes", 120, "outside the safe range 120–720"),
        ({"gap_minutes": "100000"}, "gap_minutes", 720, "outside the safe range"),
        ({"gap_minutes": ""}, "gap_minutes", 120, "not a whole number"),
        ({"sound": "maybe"}, "sound", True, "not true or false"),
        ({"keep_in_tray": "2"}, "keep_in_tray", True, "not true or false"),
        ({"clock": "13"}, "clock", "system", "not one of system, 24, 12"),
    ],
)
def test_bad_values_are_clamped_with_a_warning(raw, field, expected, warning):
    settings, warnings = Settings.from_raw(raw)
    assert getattr(settings, field) == expected
    assert len(warnings) == 1 and warning in warnings[0] and field in warnings[0]


@pytest.mark.parametrize(
    ("raw", "field", "expected"),
    [
        ({"default_minutes": "10"}, "default_minutes", 10),
        ({"default_minutes": 3}, "default_minutes", 3),
        ({"gap_minutes": "180"}, "gap_minutes", 180),
        ({"sound": "false"}, "sound", False),
        ({"gap_reminder": False}, "gap_reminder", False),
        ({"start_at_login": "true"}, "start_at_login", True),
        ({"clock": " 12 "}, "clock", "12"),
    ],
)
def test_good_values_are_kept_without_warning(raw, field, expected):
    settings, warnings = Settings.from_raw(raw)
    assert getattr(settings, field) == expected
    assert warnings == []


def test_unknown_keys_are_ignored():
    settings, warnings = Settings.from_raw({"colour": "red"})
    assert settings == Settings() and warnings == []


def test_replace_clamps_too():
    settings, warnings = Settings().replace(default_minutes=99)
    assert settings.default_minutes == 15 and warnings

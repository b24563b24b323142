"""Times through the installed formats: past times keep their minute, 'allowed at' rounds up."""

from datetime import UTC, datetime, timedelta, timezone

from necktimer.core import i18n

LOCAL = timezone(timedelta(hours=1))
MOMENT = datetime(2026, 3, 2, 22, 21, 1, tzinfo=UTC)  # 23:21:01 local


def test_a_time_that_happened_shows_its_own_minute():
    assert i18n.clock_time(MOMENT) == "23:21"  # never 23:22


def test_only_allowed_at_rounds_up():
    assert i18n.allowed_time(MOMENT) == "23:22"
    assert i18n.allowed_time(MOMENT.replace(second=0)) == "23:21"


def test_twelve_hour_formats_come_from_the_installed_locale():
    i18n.install(formats=i18n.Formats(time=lambda moment: moment.strftime("%I:%M %p")))
    assert i18n.clock_time(MOMENT) == "11:21 PM"


def test_arg_fills_placeholders_once_and_in_any_order():
    assert i18n.arg("%2 then %1", "a", "%1") == "%1 then a"
    assert i18n.arg("%1 and %3", "x") == "x and %3"


def test_a_value_ending_in_a_period_also_ends_the_sentence():
    assert i18n.arg("a partir de las %1.", "1:29 a.m.") == "a partir de las 1:29 a.m."
    assert i18n.arg("las %1. Retire", "11:28 p.m.") == "las 11:28 p.m. Retire"
    assert i18n.arg("at %1.", "23:21") == "at 23:21."
    assert i18n.arg("%1.%2", "a.", "b") == "a.b"


def test_untranslated_counts_fill_n():
    class Words(i18n.Translatable):
        def minutes(self, n):
            return self.tr("%n min", "", n)

    assert Words().minutes(7) == "7 min"


def test_an_installed_translator_is_used_with_its_context():
    seen = []

    def translator(context, text, disambiguation, n):
        seen.append((context, text))
        return "übersetzt"

    i18n.install(translator=translator)
    assert i18n.translate("Status", "Ready") == "übersetzt"
    assert seen == [("Status", "Ready")]

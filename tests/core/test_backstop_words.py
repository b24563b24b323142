"""The words the window writes down for its backstop, read back and checked."""

import json
from dataclasses import replace
from datetime import timedelta

import pytest
from helpers import T0

from necktimer.core.backstop_words import from_json, to_json, words_for
from necktimer.core.rules import Session, Therapy

SESSION = Session(7, Therapy.ICE, T0, T0 + timedelta(minutes=15))


def english():
    return words_for(SESSION, sound=True, sound_file=None)


def test_the_not_saved_notice_is_said_in_the_windows_words():
    german = replace(english().not_saved, summary="Abnehmen nicht gespeichert",
                     body="necktimer konnte es nicht schreiben.")
    written = to_json(replace(english(), not_saved=german), SESSION)
    read = from_json(written, SESSION, english())
    assert (read.not_saved.summary, read.not_saved.body) == (german.summary, german.body)


def test_words_written_before_the_notice_existed_say_it_in_english():
    item = json.loads(to_json(english(), SESSION))
    del item["not_saved"]
    read = from_json(json.dumps(item).encode(), SESSION, english())
    assert read.not_saved.summary == "The removal was not saved"


@pytest.mark.parametrize("bad", [[1, 2], ["", "x"], ["only one"], "text"])
def test_a_not_saved_notice_that_is_not_two_texts_is_refused(bad):
    item = json.loads(to_json(english(), SESSION)) | {"not_saved": bad}
    with pytest.raises(ValueError):
        from_json(json.dumps(item).encode(), SESSION, english())

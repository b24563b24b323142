"""The tip panels carry the article's facts, in our words, with its slips fixed."""

import hashlib
import json
import re
from pathlib import Path

import pytest

from necktimer.core.resources import resource
from necktimer.core.tips import REQUIRED_KEYS, load_tips, tips_for


@pytest.fixture(scope="module")
def book():
    return load_tips()


def text_of(book, key):
    tip = book.get(key)
    return " ".join((tip.title, *tip.paragraphs, *tip.precautions)).lower()


def test_all_six_panels_in_order(book):
    assert tuple(tip.key for tip in book.tips) == REQUIRED_KEYS


@pytest.mark.parametrize(
    ("key", "facts"),
    [
        ("massage", ["pressure", "let go", "turning the head"]),
        ("nsaids", ["non-steroidal", "ibuprofen", "naproxen", "swelling",
                    "do not treat", "warning label", "doctor or pharmacist"]),
        ("ice", ["plastic bag", "thin towel", "sore", "15 minutes", "2 hours",
                 "thin cloth", "numb", "fall asleep", "diabetic neuropathy"]),
        ("heat", ["heating pad", "low", "shower", "warm water", "blood", "fall asleep",
                  "diabetic neuropathy", "does not ease the pain either, see a doctor"]),
        ("rest", ["on your back", "cervical", "under your legs", "music or a podcast"]),
        ("physician", ["a week", "severe headache", "swelling", "nausea",
                       "numbness or weakness in an arm", "immediately", "neither cold nor heat"]),
    ],
)
def test_panel_holds_the_facts(book, key, facts):
    text = text_of(book, key)
    for fact in facts:
        assert fact in text, f"{key} panel lacks {fact!r}"


def test_article_slips_are_fixed_and_advert_dropped(book):
    everything = " ".join(text_of(book, tip.key) for tip in book.tips)
    assert "non-inflammatory" not in everything  # the article's slip: NSAIDs are anti-inflammatory
    assert "okc" not in everything and "neuroscience specialist" not in everything


def test_disclaimer_says_not_medical_advice(book):
    assert "not medical advice" in book.disclaimer


@pytest.mark.parametrize("language", ["en", "de", "es"])
def test_the_short_disclaimer_is_the_first_sentence_of_the_whole(language):
    # What a short window shows: it still says "not medical advice", in every language.
    book = tips_for([language])
    assert book.language == language
    assert book.short_disclaimer and book.short_disclaimer.endswith(".")
    assert book.disclaimer.startswith(book.short_disclaimer + " ")


def shingles(text):
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {hashlib.sha256(" ".join(words[i:i + 6]).encode()).hexdigest()[:16]
            for i in range(len(words) - 5)}


ARTICLE = Path(__file__).resolve().parents[1] / "support" / "article_shingles.txt"


def test_no_six_words_in_a_row_are_copied_from_the_article(book):
    article = {line for line in ARTICLE.read_text().splitlines() if not line.startswith("#")}
    assert len(article) > 300  # the fingerprints of the whole article
    for tip in book.tips:
        for sentence in (*tip.paragraphs, *tip.precautions):
            assert not shingles(sentence) & article, sentence
    assert not shingles(book.disclaimer) & article


def test_the_fingerprint_check_can_fail():
    article = {line for line in ARTICLE.read_text().splitlines() if not line.startswith("#")}
    copied = "Many spasms in the neck happen due to a sudden strain of the muscle"
    assert shingles(copied) & article


def test_a_file_missing_a_panel_is_rejected(tmp_path):
    data = json.loads(resource("tips", "en.json").read_text())
    data["tips"] = [tip for tip in data["tips"] if tip["key"] != "physician"]
    broken = tmp_path / "en.json"
    broken.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="physician"):
        load_tips(broken)


def test_the_warning_says_to_get_help_now(book):
    assert "now" in book.warning.lower() and "immediately" in book.warning.lower()


def test_tips_follow_the_language_with_english_as_the_fallback():
    from necktimer.core.tips import tips_for

    assert tips_for(["de-DE", "en"]).language == "de"
    assert tips_for(["es-US"]).language == "es"
    assert tips_for(["fr-FR"]).language == "en"

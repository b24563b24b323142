"""The settings file's INI text: read as written, written as QSettings wrote it."""

from necktimer.core.ini import read_ini, write_ini


def test_what_is_written_reads_back_the_same():
    values = {"default_minutes": 8, "sound": False, "theme": "dark", "clock": "24"}
    assert write_ini(values) == b"[General]\ndefault_minutes=8\nsound=false\ntheme=dark\nclock=24\n"
    assert read_ini(write_ini(values)) == {"default_minutes": "8", "sound": "false",
                                           "theme": "dark", "clock": "24"}


def test_values_come_as_written_with_only_surrounding_quotes_taken_off():
    data = (b"\xef\xbb\xbf[General]\r\n; a comment\n# caf\xe9, not UTF-8\n"
            b"gap_minutes = \"180\"\nsound=@Variant(\\0\\0\\0\\x7f)\nodd=7200,1\n"
            b"no setting here\n\x00\x01junk\n")
    assert read_ini(data) == {"gap_minutes": "180", "sound": "@Variant(\\0\\0\\0\\x7f)",
                              "odd": "7200,1"}


def test_keys_before_any_section_are_general_and_other_sections_are_not_ours():
    data = b"theme=dark\n[Other]\ntheme=light\n[General]\nsound=true\n"
    assert read_ini(data) == {"theme": "dark", "sound": "true"}


def test_a_file_that_is_not_ini_text_gives_nothing_not_a_guess():
    assert read_ini(b"[General\ngap_minutes=300\n") is None  # a section left open
    assert read_ini(b"\xff\xfe\x00junk\n[General]\ngap_minutes=300\n") is None  # not UTF-8
    assert read_ini(b"") == {}

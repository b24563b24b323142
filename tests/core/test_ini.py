"""The settings file's INI text: read as written, changed only where it changes."""

from necktimer.core.ini import IniText, change_ini, ini_text, read_ini


def test_a_new_file_gets_a_general_section_with_the_changes():
    data = change_ini(b"", {"default_minutes": "8", "sound": ini_text(False)})
    assert data == b"[General]\ndefault_minutes=8\nsound=false\n"
    assert read_ini(data) == IniText({"default_minutes": "8", "sound": "false"})


def test_values_come_as_written_with_quotes_and_comments_after_them_taken_off():
    data = (b"\xef\xbb\xbf[General]\r\n; a comment\n# caf\xe9, not UTF-8\n"
            b"gap_minutes = \"180\"\nsound=@Variant(\\0\\0\\0\\x7f)\nodd=7200,1\n"
            b"theme=dark ; chosen at night\nno setting here\n\x00\x01junk\n")
    assert read_ini(data) == IniText({"gap_minutes": "180",
                                      "sound": "@Variant(\\0\\0\\0\\x7f)", "odd": "7200,1",
                                      "theme": "dark"})


def test_keys_before_any_section_are_general_and_other_sections_are_not_ours():
    data = b"theme=dark\n[Other]\ntheme=light\n[General]\nsound=true\n"
    assert read_ini(data).values == {"theme": "dark", "sound": "true"}


def test_lines_that_are_not_utf8_are_counted_and_the_rest_is_read():
    data = b"[General]\nname=Jos\xe9\ngap_minutes=240\rjust words\rsound=false\r"
    assert read_ini(data) == IniText({"gap_minutes": "240", "sound": "false"}, skipped=1)


def test_a_change_keeps_every_other_line_as_it_was():
    """A save wrote the whole file from memory: a longer gap written by hand since, a
    comment, a key of a newer version, another section and a line in Latin-1 were lost."""
    data = (b"; mine\n[General]\ngap_minutes=300\nname=Jos\xe9\nfuture_key=keep me\n"
            b"theme=light\n\n[Other]\nx=1\n")
    changed = change_ini(data, {"theme": "dark", "sound": "false"})
    assert changed == (b"; mine\n[General]\ngap_minutes=300\nname=Jos\xe9\n"
                       b"future_key=keep me\ntheme=dark\nsound=false\n\n[Other]\nx=1\n")


def test_a_key_written_twice_is_changed_once_where_it_first_stood():
    data = b"[General]\ntheme=light\nsound=true\ntheme=dark\n"
    assert change_ini(data, {"theme": "system"}) == b"[General]\ntheme=system\nsound=true\n"


def test_a_file_of_other_sections_only_gets_general_first():
    assert change_ini(b"[Other]\nx=1", {"sound": "false"}) == (
        b"[General]\nsound=false\n[Other]\nx=1\n")


def test_comments_after_values_and_headers_and_a_lower_case_general_read_as_qsettings_did():
    data = (b"[general] ; mine\ngap_minutes=240; four hours\ntheme=\"dark\" ; at night\n"
            b"clock=\"12;h\"\n[Window] ; geometry\ngap_minutes=30\n")
    assert read_ini(data).values == {"gap_minutes": "240", "theme": "dark", "clock": "12;h"}
    changed = change_ini(data, {"sound": "false"})
    assert changed.endswith(b"clock=\"12;h\"\nsound=false\n[Window] ; geometry\ngap_minutes=30\n")



def test_a_change_keeps_a_byte_order_mark_and_the_files_line_endings():
    """A file from a Windows editor lost its byte-order mark at the first save and got LF
    lines among its CRLF ones."""
    data = b"\xef\xbb\xbf[General]\r\ntheme=light\r\n[Other]\r\nx=1"
    assert change_ini(data, {"theme": "dark", "sound": "false"}) == (
        b"\xef\xbb\xbf[General]\r\ntheme=dark\r\nsound=false\r\n[Other]\r\nx=1\r\n")
    assert change_ini(b"[Other]\rx=1\r", {"sound": "false"}) == (
        b"[General]\rsound=false\r[Other]\rx=1\r")

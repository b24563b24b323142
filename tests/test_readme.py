"""README opens with the two commands, and CI runs the README's test command verbatim."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def code_blocks(text):
    return re.findall(r"```sh\n(.*?)\n```", text, flags=re.S)


def test_readme_opens_with_run_and_test_commands():
    blocks = code_blocks((ROOT / "README.md").read_text())
    run, test = blocks[0], blocks[1]
    assert "pip install ." in run and run.endswith("necktimer")
    assert "pip install -q '.[test]'" in test and test.endswith("pytest")


def test_ci_runs_the_readme_test_command():
    test = code_blocks((ROOT / "README.md").read_text())[1]
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert test in ci


def test_readme_shows_screenshots_that_exist():
    text = (ROOT / "README.md").read_text()
    images = re.findall(r"\]\((docs/screenshots/[^)]+\.png)\)", text)
    assert len(images) >= 8
    for image in images:
        assert (ROOT / image).is_file(), image

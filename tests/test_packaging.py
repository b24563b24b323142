"""A wheel built from this tree carries the resources, and an installed copy finds them."""

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True, timeout=300)
    [built] = out.glob("necktimer-*.whl")
    return built


def test_wheel_contains_resources_and_entry_point(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for language in ("en", "es", "de"):
        assert f"necktimer/resources/tips/{language}.json" in names
    for language in ("es", "de"):
        assert f"necktimer/resources/translations/necktimer_{language}.qm" in names
    assert "necktimer/resources/icons/png/64.png" in names
    assert any(n.startswith("necktimer/resources/icons/hicolor/scalable/apps/") for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[gui_scripts]" in text and "necktimer = necktimer.cli:main" in text


def test_installed_copy_finds_its_resources(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True, timeout=300)
    code = (
        "import necktimer, necktimer.core.resources as r, necktimer.core.tips as t;"
        "print(necktimer.__file__); print(r.resources_dir()); print(len(t.load_tips().tips));"
        "print(r.app_icon_path().is_file())"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=tmp_path, env={"PYTHONPATH": str(target)}, check=True)
    package, resources, count, icon = result.stdout.split()
    assert Path(package).is_relative_to(target)
    assert Path(resources) == target / "necktimer" / "resources"
    assert count == "6" and icon == "True"


def test_the_package_depends_on_pyside6_essentials_only(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    metadata = next(n for n in names if n.endswith("METADATA"))
    requires = [line.split(":", 1)[1].strip().lower().replace('"', "'")
                for line in zipfile.ZipFile(wheel).read(metadata).decode().splitlines()
                if line.startswith("Requires-Dist:")]
    always = {re.split(r"[<>=;\s]", line)[0] for line in requires if "extra ==" not in line}
    assert always == {"jeepney", "pyside6-essentials"}
    assert any(line.startswith("pyside6-addons") and "extra == 'sound'" in line
               for line in requires)

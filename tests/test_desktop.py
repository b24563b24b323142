"""The desktop files pass the real validators; the menu entry and the login entry come and go."""

import os
import shlex
import shutil
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import REPO

from necktimer import APP_ID, desktop
from necktimer.core.resources import app_icon_path, resource

SVG = "{http://www.w3.org/2000/svg}"


def validate(*command: str) -> None:
    if not shutil.which(command[0]):
        pytest.skip(f"{command[0]} is not installed (.ci/run installs it)")
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def exec_lines(path: Path) -> list[str]:
    return [line.removeprefix("Exec=") for line in path.read_text().splitlines()
            if line.startswith("Exec=")]


@pytest.fixture
def xdg(tmp_path, monkeypatch):
    """The user's XDG folders, in a temporary place."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path


# -- the files we ship ----------------------------------------------------------------------


def test_the_desktop_file_is_valid_and_has_the_start_actions():
    path = resource("desktop", f"{APP_ID}.desktop")
    validate("desktop-file-validate", str(path))
    text = path.read_text()
    assert f"Icon={APP_ID}" in text.splitlines()
    assert "[Desktop Action start-ice]" in text and "[Desktop Action start-heat]" in text
    assert exec_lines(path) == ["necktimer", "necktimer --show start ice",
                                "necktimer --show start heat"]


def test_the_metainfo_is_valid_and_names_the_same_id():
    path = resource("desktop", f"{APP_ID}.metainfo.xml")
    validate("appstreamcli", "validate", "--no-net", str(path))
    root = ET.parse(path).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.find("launchable").get("type") == "desktop-id"
    images = [image.text for image in root.iter("image")]
    assert len(images) >= 3
    for url in images:  # each points at a screenshot kept in this repository
        assert (REPO / "docs" / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url


def test_the_icon_is_a_real_square_svg(qapp):
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    path = resource("icons", "hicolor", "scalable", "apps", f"{APP_ID}.svg")
    assert path == app_icon_path()
    root = ET.parse(path).getroot()  # well-formed XML, or this raises
    assert root.tag == f"{SVG}svg"
    left, top, width, height = (float(n) for n in root.get("viewBox").replace(",", " ").split())
    assert (left, top) == (0, 0) and width == height > 0
    if root.get("width") or root.get("height"):
        assert root.get("width") == root.get("height")
    shapes = [e for e in root.iter() if e.tag.removeprefix(SVG) in (
        "rect", "circle", "ellipse", "path", "polygon", "line", "polyline")]
    assert shapes, "the icon draws nothing"
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    assert renderer.viewBoxF().width() == renderer.viewBoxF().height() == width
    image = QImage(QSize(48, 48), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    opaque = sum(image.pixelColor(x, y).alpha() > 0 for x in range(48) for y in range(48))
    assert opaque > 48 * 48 // 2  # a real picture, not an empty canvas


# -- the menu entry ---------------------------------------------------------------------------


def test_install_and_uninstall_for_the_user(xdg):
    paths = desktop.install(command="/opt/venv/bin/necktimer")
    data = xdg / "data"
    assert sorted(paths) == sorted([
        data / "applications" / f"{APP_ID}.desktop",
        data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        data / "metainfo" / f"{APP_ID}.metainfo.xml",
    ])
    for path in paths:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
    entry = desktop.installed_paths()["desktop"]
    validate("desktop-file-validate", str(entry))
    assert exec_lines(entry) == ["/opt/venv/bin/necktimer",
                                 "/opt/venv/bin/necktimer --show start ice",
                                 "/opt/venv/bin/necktimer --show start heat"]
    assert desktop.installed_paths()["icon"].read_bytes() == app_icon_path().read_bytes()
    assert desktop.install(command="/opt/venv/bin/necktimer") == paths  # again: no harm
    assert sorted(desktop.uninstall()) == sorted(paths)
    assert not any(path.exists() for path in paths)
    assert desktop.uninstall() == []


def test_the_install_desktop_command(xdg, tmp_path):
    env = dict(os.environ, XDG_DATA_HOME=str(xdg / "data"))
    command = [str(Path(sys.executable).parent / "necktimer")]
    if not Path(command[0]).exists():
        command = [sys.executable, "-m", "necktimer"]
    result = subprocess.run([*command, "install-desktop"], capture_output=True, text=True,
                            env=env, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    entry = xdg / "data" / "applications" / f"{APP_ID}.desktop"
    assert f"installed {entry}" in result.stdout.splitlines()
    assert "Neck Timer is now in your application menu" in result.stdout
    validate("desktop-file-validate", str(entry))
    program = shlex.split(exec_lines(entry)[0])[0]
    assert os.access(program, os.X_OK), program  # the menu runs a program that exists
    result = subprocess.run([*command, "uninstall-desktop"], capture_output=True, text=True,
                            env=env, cwd=tmp_path, timeout=60)
    assert result.returncode == 0 and f"removed {entry}" in result.stdout
    assert not entry.exists()
    result = subprocess.run([*command, "uninstall-desktop"], capture_output=True, text=True,
                            env=env, cwd=tmp_path, timeout=60)
    assert result.stdout.strip() == "Nothing to remove."


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_menu_entry_installed_for_a_profile_opens_that_profile(xdg, tmp_path, where):
    """`necktimer --data-dir DIR install-desktop` was accepted and ignored: the menu and its
    Start ice / Start heat opened the default folder, which knows nothing of DIR's gap
    (found by an outside tester)."""
    env = dict(os.environ, XDG_DATA_HOME=str(xdg / "data"))
    profile = tmp_path / "my profile"
    given = ["--data-dir", str(profile)]
    args = [*given, "install-desktop"] if where == "before" else ["install-desktop", *given]
    result = subprocess.run([sys.executable, "-m", "necktimer", *args], capture_output=True,
                            text=True, env=env, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert f"The menu entry uses the data folder {profile}." in result.stdout
    entry = xdg / "data" / "applications" / f"{APP_ID}.desktop"
    validate("desktop-file-validate", str(entry))
    lines = exec_lines(entry)
    assert len(lines) == 3
    for line, tail in zip(lines, ([], ["start", "ice"], ["start", "heat"]), strict=True):
        assert shlex.split(line)[-2 - len(tail):] == [*tail, "--data-dir", str(profile)], line


# -- starting at login ------------------------------------------------------------------------


def test_the_login_entry_runs_necktimer_minimized(xdg, tmp_path):
    profile = tmp_path / "profile"
    path = desktop.set_autostart(True, profile, command="/usr/bin/necktimer")
    assert path.parent == xdg / "config" / "autostart" and path.name.startswith(APP_ID)
    validate("desktop-file-validate", str(path))
    assert exec_lines(path) == [f"/usr/bin/necktimer --minimized --data-dir {profile}"]
    assert "X-GNOME-Autostart-enabled=true" in path.read_text().splitlines()
    assert desktop.set_autostart(False, profile) is None
    assert not path.exists()
    assert desktop.set_autostart(False, profile) is None  # nothing there: no complaint


def test_each_profile_has_its_own_login_entry(xdg, tmp_path):
    """Ticking "Start at login" in a second profile replaced the first one's entry."""
    default = desktop.set_autostart(True, (xdg / "data" / "necktimer").resolve(),
                                    command="/usr/bin/necktimer")
    assert default == xdg / "config" / "autostart" / f"{APP_ID}.desktop"
    other = desktop.set_autostart(True, tmp_path / "other", command="/usr/bin/necktimer")
    assert other != default and default.is_file()
    for path in (default, other):
        validate("desktop-file-validate", str(path))
    desktop.set_autostart(False, tmp_path / "other")
    assert default.is_file() and not other.exists()
    # Two folders whose paths share a crc32 shared one entry.
    first, second = (desktop.autostart_path(tmp_path / name)
                     for name in ("p29685295", "p32060020"))
    assert first != second


def test_a_folder_name_with_a_line_break_cannot_add_lines_to_the_login_entry(xdg, tmp_path):
    folder = tmp_path / "nl\nHidden=true"
    path = desktop.set_autostart(True, folder, command="/usr/bin/necktimer")
    validate("desktop-file-validate", str(path))
    assert "Hidden=true" not in path.read_text().splitlines()


def test_the_login_entry_without_a_profile_uses_the_default_one(xdg):
    path = desktop.set_autostart(True, command="/usr/bin/necktimer")
    assert exec_lines(path) == ["/usr/bin/necktimer --minimized"]


def test_a_profile_folder_with_a_space_still_makes_a_valid_login_entry(xdg, tmp_path):
    folder = tmp_path / "My Profile"
    path = desktop.set_autostart(True, folder, command="/usr/bin/necktimer")
    validate("desktop-file-validate", str(path))
    assert shlex.split(exec_lines(path)[0])[-2:] == ["--data-dir", str(folder)]

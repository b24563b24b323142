"""Desktop integration files pass the real validators; install and autostart come and go."""

import shutil
import subprocess

import pytest

from necktimer import APP_ID, desktop
from necktimer.core.resources import resource


def validate(*command):
    assert shutil.which(command[0]), f"{command[0]} is needed (installed by .ci/run)"
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture
def xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path


def test_desktop_file_is_valid_and_has_the_actions():
    path = resource("desktop", f"{APP_ID}.desktop")
    validate("desktop-file-validate", str(path))
    text = path.read_text()
    assert f"Icon={APP_ID}" in text
    assert "[Desktop Action start-ice]" in text and "Exec=necktimer start ice" in text
    assert "[Desktop Action start-heat]" in text and "Exec=necktimer start heat" in text


def test_metainfo_is_valid_and_names_the_same_id():
    path = resource("desktop", f"{APP_ID}.metainfo.xml")
    validate("appstreamcli", "validate", "--no-net", str(path))
    text = path.read_text()
    assert f"<id>{APP_ID}</id>" in text
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in text
    assert text.count("<screenshot") >= 3


def test_icon_is_in_the_hicolor_layout():
    icon = resource("icons", "hicolor", "scalable", "apps", f"{APP_ID}.svg")
    assert icon.read_text().lstrip().startswith("<?xml")


def test_install_and_uninstall_for_the_user(xdg):
    paths = desktop.install(command="/opt/venv/bin/necktimer")
    assert all(path.is_file() for path in paths)
    installed = desktop.installed_paths()["desktop"]
    validate("desktop-file-validate", str(installed))
    text = installed.read_text()
    assert "Exec=/opt/venv/bin/necktimer\n" in text
    assert "Exec=/opt/venv/bin/necktimer start ice\n" in text
    assert desktop.uninstall() == paths
    assert not any(path.exists() for path in paths)
    assert desktop.uninstall() == []


def test_autostart_entry_runs_minimized(xdg, tmp_path):
    path = desktop.set_autostart(True, tmp_path / "profile", command="/usr/bin/necktimer")
    validate("desktop-file-validate", str(path))
    assert f"Exec=/usr/bin/necktimer --minimized --data-dir {tmp_path / 'profile'}" \
        in path.read_text()
    desktop.set_autostart(False)
    assert not path.exists()


def test_start_at_login_setting_writes_and_removes_the_entry(xdg, make_app):
    instance = make_app()
    instance.start()
    entry = desktop.autostart_path()
    on, _ = instance.settings.current.replace(start_at_login=True)
    instance.apply_settings(on)
    assert entry.is_file() and "--minimized" in entry.read_text()
    assert instance.settings.load().start_at_login
    off, _ = instance.settings.current.replace(start_at_login=False)
    instance.apply_settings(off)
    assert not entry.exists()
    assert not instance.settings.load().start_at_login


def test_install_desktop_command(xdg, tmp_path):
    import os
    import sys

    env = dict(os.environ, XDG_DATA_HOME=str(xdg / "data"))
    result = subprocess.run([sys.executable, "-m", "necktimer", "install-desktop"],
                            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert (xdg / "data" / "applications" / f"{APP_ID}.desktop").is_file()
    result = subprocess.run([sys.executable, "-m", "necktimer", "uninstall-desktop"],
                            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert result.returncode == 0
    assert not (xdg / "data" / "applications" / f"{APP_ID}.desktop").exists()

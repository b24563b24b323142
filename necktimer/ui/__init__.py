"""The Qt side of necktimer: controller, window, tray, notifications, single instance."""

from necktimer.pyside import load

load()  # PySide6 without the import hook that reads every later module's source

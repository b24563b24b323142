"""The Qt side of necktimer: controller, window, tray, notifications, single instance."""

"""Reminder channels: each reaches the user one way; `ReminderCenter` picks the first that works."""

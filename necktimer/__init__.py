"""necktimer: times ice and heat applications for a neck spasm, with a safe gap between them."""

__version__ = "0.1.0"

# One reverse-DNS id everywhere: desktop file, icon, metainfo and setDesktopFileName.
APP_ID = "io.github.necktimer.NeckTimer"
APP_NAME = "necktimer"
DISPLAY_NAME = "Neck Timer"

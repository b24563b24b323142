"""Lets `python -m necktimer` behave exactly like the `necktimer` command."""

import sys

from necktimer.cli import main

sys.exit(main())

"""Settings in development mode (the tests and local work): ``MAATWERK_DEV=1``, then the settings.

The mode is set in the environment, so processes started from here (the CLI in a subprocess,
``maatwerk serve --dev``) inherit it. Production uses ``maatwerk.web.settings`` without it.
"""

import os

os.environ.setdefault("MAATWERK_DEV", "1")

from maatwerk.web.settings import *  # noqa: E402, F403

"""Entry point for ``python -m courseware_app``."""

import sys

from courseware_app.cli import main

sys.exit(main())

"""Chronologue: source-grounded timelines from news articles."""

__version__ = "0.1.0"

import logging as _logging

# Library practice: records go nowhere until desktop.logs.setup_logging adds the file.
_logging.getLogger("chronologue").addHandler(_logging.NullHandler())

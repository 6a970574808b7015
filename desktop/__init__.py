"""Fumi (文): drafts, summaries and translations from a language model on this PC.

Nothing typed or opened leaves the machine: there is no network code.
"""

__version__ = "0.1.0"
APP_NAME = "Fumi"

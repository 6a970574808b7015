"""Drafting templates: the model (``model``), filling one in (``render``), where they live (``store``).

No Qt here: the engine's draft job, the command line and the panes all use it.
"""

from .model import (
    FIELD_KINDS, OUTPUT_SHAPES, Field, Template, TemplateError, load_template_file, parse_template, placeholders,
)
from .render import (
    DEFAULT_LENGTH, LENGTHS, MANNERS, TONES, MissingFieldError, build_messages, field_values, japanese_date,
    reply_budget, substitute,
)
from .store import TemplateStore, builtin_folder

__all__ = [
    "FIELD_KINDS", "OUTPUT_SHAPES", "Field", "Template", "TemplateError", "load_template_file",
    "parse_template", "placeholders", "DEFAULT_LENGTH", "reply_budget", "LENGTHS", "MANNERS", "TONES", "MissingFieldError",
    "build_messages", "field_values", "japanese_date", "substitute", "TemplateStore", "builtin_folder",
]

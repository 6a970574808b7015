"""Exit codes of the command line (DESIGN.md; IT's scripts rely on them)."""

OK = 0
USAGE = 2
MODEL_PROBLEM = 3
DOCUMENT_PROBLEM = 4
ENGINE_FAILURE = 5
CANCELLED = 130

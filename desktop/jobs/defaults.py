"""The jobs' default sampling temperatures, in a module that imports nothing.

The command line states them in its help (``--temperature``), and every ``fumi``
start builds that help, the window's included: reading them from here keeps the
jobs themselves (and the documents and prompts they import) out of start-up.
"""

SUMMARIZE_TEMPERATURE = 0.3
TRANSLATE_TEMPERATURE = 0.2
GENERATE_TEMPERATURE = 0.7

"""比較: the same job on several models, one after another, with fair settings.

``settings`` holds what every model gets alike (seed, temperature, maximum
length) and the result of one model; ``runner`` drives the engine from plain
blocking code (the command line); ``export`` writes a comparison as Markdown
or as a Word table. The window's pane drives the same steps through its own
engine client.
"""

from .settings import CompareSettings, ModelResult, apply_settings

__all__ = ["CompareSettings", "ModelResult", "apply_settings"]

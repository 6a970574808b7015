"""Jobs: pure Python generators that turn a request into events.

A job is a function ``run(model, inputs, options) -> Iterator[Event]`` (see
``base.JobFunction``). It knows nothing of Qt or of the pipe, and takes the
model as an argument so that it can be tested with a scripted stand-in.
The worker looks jobs up by kind with ``job_for(kind)``.
"""

from __future__ import annotations

import importlib

from .base import JobFunction

#: kind -> "module:function" (imported on first use so that the engine starts fast).
JOB_REGISTRY: dict[str, str] = {
    "generate": "desktop.jobs.generate:run",
    "draft": "desktop.jobs.draft:run",
    "summarize": "desktop.jobs.summarize:run",
    "translate": "desktop.jobs.translate:run",
    "ask": "desktop.jobs.ask:run",
    "check_rewrite": "desktop.jobs.check_rewrite:run",
}


def job_for(kind: str) -> JobFunction:
    """The job function for ``kind``; raises KeyError for an unknown kind."""
    module_name, _, function_name = JOB_REGISTRY[kind].partition(":")
    return getattr(importlib.import_module(module_name), function_name)

"""A result chosen in 比較, on its way to the pane of its job: a history ``Run`` like any other result.

``chosen_run`` turns one model's column into the ``desktop.history.Run`` the
pane would have recorded had it made the text itself (pane = the engine job:
"draft", "summarize", "translate", or "generate" for a free prompt; the job's
inputs and options; the output; the model; the figures). A pane's
``take_result(run)`` (``TakesResult``) shows it like a reopened run, stores it
with ``keep_in_history`` and follows the user's edits of it. Output that is
kept nowhere else is asked about first, exactly as before opening another
document (``unsaved_result.may_replace``: 書き出し… / 破棄 / キャンセル).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from desktop.compare.settings import ENGINE_JOB, ModelResult, apply_settings
from desktop.history import HistoryStore, Run
from desktop.ui.history_recorder import title_of, trimmed_inputs

log = logging.getLogger(__name__)

#: the figures of a comparison kept with the run, as a normal run keeps its ``done`` stats
KEPT_FIGURES = ("seconds", "load_s", "ttft_s", "tokens_per_s", "generated_tokens", "finish_reason",
                "peak_rss_mb", "n_ctx")


def chosen_run(kind: str, inputs: dict[str, Any], options: dict[str, Any], settings: Any,
               result: ModelResult, label: str = "") -> Run:
    """The run of ``result`` (one model of a comparison of job ``kind``), not yet stored (``id`` None).

    ``stats["compared"]`` names the comparison (``label``) it was chosen from;
    a translation keeps its segments by block index in ``stats["translations"]``,
    as the history recorder does, so the translate pane can show them row by row.
    """
    pane = ENGINE_JOB[kind]
    figures = result.to_dict()
    stats: dict[str, Any] = {key: figures.get(key) for key in KEPT_FIGURES if figures.get(key) is not None}
    stats["compared"] = label or True
    output = result.text
    translations = result.extra.get("translations")
    if pane == "translate" and isinstance(translations, dict):
        stats["translations"] = {str(k): str(v) for k, v in translations.items()}
        output = "\n\n".join(text for _k, text in sorted(stats["translations"].items(), key=lambda kv: int(kv[0]))
                             if text)
    template = inputs.get("template")
    return Run(pane=pane, output=output, inputs=dict(inputs), title=title_of(pane, inputs),
               template=str(template.get("id", "")) if isinstance(template, dict) else "",
               model=result.model, stats=stats, options=apply_settings(options, settings))


def keep_in_history(history: HistoryStore | None, run: Run) -> int | None:
    """Store ``run`` (large inputs trimmed, as the recorder does); its id, or None when the history is off.

    The history must never cost the text on screen: a failure is logged and gives None.
    """
    if history is None or not history.enabled:
        return None
    try:
        return history.record(replace(run, inputs=trimmed_inputs(run.inputs), id=None))
    except Exception:
        log.exception("could not record a result chosen in the compare pane")
        return None


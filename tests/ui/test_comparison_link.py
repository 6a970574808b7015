"""比較 takes its inputs from the pane of the chosen job, and hands a chosen result back."""

from __future__ import annotations

from tests.support.recorded_pane import shown_window


def test_compare_takes_the_template_and_fields_of_the_draft_pane(qtbot, app_context, japanese) -> None:
    window = shown_window(qtbot, app_context)
    draft, compare = window.pages["draft"], window.pages["compare"]
    window.show_page("draft")
    assert draft.select_template("minutes")
    draft.form.set_values({"notes": "予算について協議した。"})
    window.show_page("compare")
    assert compare.take_inputs_button.isEnabled()
    assert "下書き" in compare.take_inputs_button.text()
    compare.take_inputs_button.click()
    assert compare.job_box.currentData() == "draft"
    assert compare.template_box.currentData() == "minutes"
    assert compare.form.values()["notes"] == "予算について協議した。"


def test_a_pane_with_nothing_to_compare_gives_no_inputs(qtbot, app_context) -> None:
    window = shown_window(qtbot, app_context)
    window.show_page("compare")
    compare = window.pages["compare"]
    compare.job_box.setCurrentIndex(1)               # 要約, which has no document yet
    assert compare.take_inputs_button.isEnabled()   # the pane can feed, but has nothing yet
    compare.take_inputs_button.click()
    assert compare.job_box.currentData() == "summarize" and compare._document is None


"""Autosave: atomic writes, the previous copy kept, crash detection, retry when held."""

import os
import stat

import pytest

from desktop import autosave
from desktop.autosave import AutosaveStore


def test_save_and_load_round_trip(tmp_path):
    store = AutosaveStore(tmp_path)
    store.save("draft", "下書き 1")
    store.save("draft", "下書き 2")
    assert store.load("draft") == "下書き 2"
    assert (tmp_path / "draft.prev.txt").read_text(encoding="utf-8") == "下書き 1"


def test_falls_back_to_previous_copy_when_current_is_lost(tmp_path):
    store = AutosaveStore(tmp_path)
    store.save("summary", "good")
    store.save("summary", "newer")
    (tmp_path / "summary.txt").unlink()
    assert store.load("summary") == "good"


def test_crash_is_detected_and_texts_offered_back(tmp_path):
    first = AutosaveStore(tmp_path)
    first.begin_session()
    first.save("draft", "途中の文章")
    first.save("translate", "   ")
    # the process dies here: no end_session()
    second = AutosaveStore(tmp_path)
    assert second.previous_session_crashed()
    assert second.recoverable() == {"draft": "途中の文章"}


def test_clean_exit_leaves_nothing(tmp_path):
    store = AutosaveStore(tmp_path)
    store.begin_session()
    store.save("draft", "x")
    store.end_session()
    again = AutosaveStore(tmp_path)
    assert not again.previous_session_crashed()
    assert again.recoverable() == {}


def test_retries_while_file_is_held(tmp_path, monkeypatch):
    store = AutosaveStore(tmp_path)
    calls = {"n": 0}
    real_write = autosave.atomic_write_text

    def flaky_write(path, text):
        calls["n"] += 1
        if calls["n"] < 3:
            raise PermissionError("held by antivirus")
        real_write(path, text)

    monkeypatch.setattr(autosave, "atomic_write_text", flaky_write)
    monkeypatch.setattr(autosave, "_RETRY_DELAYS_S", (0.0, 0.0, 0.0))
    store.save("draft", "held")
    assert store.load("draft") == "held"


def test_rejects_keys_that_could_escape_the_folder(tmp_path):
    with pytest.raises(ValueError):
        AutosaveStore(tmp_path).save("../evil", "x")


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_autosave_files_are_private(tmp_path):
    store = AutosaveStore(tmp_path / "a")
    store.save("draft", "x")
    assert stat.S_IMODE((tmp_path / "a" / "draft.txt").stat().st_mode) & 0o077 == 0
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) & 0o077 == 0

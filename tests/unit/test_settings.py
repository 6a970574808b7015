"""Settings: typed registry, defaults, clamping, atomic save, state kept apart."""

import json
import os

import pytest

from desktop.settings import OPTIONS, Paths, Settings, atomic_write_text


def test_defaults_for_every_option(tmp_path):
    settings = Settings(Paths.default())
    for option in OPTIONS:
        assert settings.get(option.key) == option.default
    assert settings.get("language") == "ja"


def test_paths_follow_fumi_home(fumi_home):
    paths = Paths.default()
    assert str(paths.config).startswith(str(fumi_home))
    assert str(paths.history_db).startswith(str(fumi_home))
    assert paths.settings_file != paths.state_file


def test_round_trip_and_coercion():
    settings = Settings.load()
    settings.set("threads", "4")
    settings.set("temperature", 9.0)       # clamped to the maximum
    settings.set("language", "fr")         # not a choice: default
    settings.set("model_folders", ["C:/models", 3])
    settings.paths.ensure()
    settings.save()
    again = Settings.load()
    assert again["threads"] == 4
    assert again["temperature"] == 2.0
    assert again["language"] == "ja"
    assert again["model_folders"] == ["C:/models", "3"]


def test_unreadable_file_gives_defaults_and_keeps_file():
    paths = Paths.default().ensure()
    paths.settings_file.write_text("{not json", encoding="utf-8")
    assert Settings.load(paths)["threads"] == 0
    assert paths.settings_file.read_text(encoding="utf-8") == "{not json"


def test_unknown_keys_are_ignored():
    paths = Paths.default().ensure()
    paths.settings_file.write_text(json.dumps({"threads": 2, "nonsense": 1}), encoding="utf-8")
    assert Settings.load(paths).as_dict()["threads"] == 2


def test_atomic_write_keeps_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "settings.json"
    target.write_text("old", encoding="utf-8")

    def failing_fsync(fd):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError):
        atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]

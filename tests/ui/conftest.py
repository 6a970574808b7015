"""Fixtures for the window tests (pytest-qt, offscreen).

``app_context`` gives a real ``AppContext`` over a real ``EngineClient`` (the
engine process is started on first use and shut down after the test);
``japanese`` installs the Japanese translations once per session;
``two_models``, ``asked`` and ``window_over`` serve the 比較 pane's tests; ``fumi_look`` puts Fumi's
style sheet on the application for tests of how the window looks.
"""

from __future__ import annotations

from collections.abc import Iterator
import shutil
from pathlib import Path

import pytest

from desktop.settings import Paths, Settings


@pytest.fixture(scope="session")
def japanese(qapp, tmp_path_factory: pytest.TempPathFactory):
    """Japanese translators installed on the test QApplication (compiled once per session)."""
    from desktop.i18n import install_translators

    translators = install_translators(qapp, "ja", tmp_path_factory.mktemp("i18n_cache"))
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def models_dir(tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding the tiny model and a broken .gguf file, searched through ``FUMI_MODELS``."""
    folder = tmp_path / "models"
    folder.mkdir()
    (folder / tiny_model.name).write_bytes(tiny_model.read_bytes())
    (folder / "broken.gguf").write_bytes(b"GGUF\x03\x00\x00\x00not a model at all")
    monkeypatch.setenv("FUMI_MODELS", str(folder))
    return folder


@pytest.fixture
def app_context(qapp) -> Iterator:
    """A real AppContext: isolated settings (small answers for speed) and a real engine client."""
    from desktop.engine.client import EngineClient
    from desktop.ui.context import AppContext

    paths = Paths.default().ensure()
    settings = Settings.load(paths)
    settings.set("max_tokens", 16)
    settings.set("context_size", 512)
    engine = EngineClient()
    context = AppContext(settings=settings, paths=paths, engine=engine, history=None)
    yield context
    engine.shutdown()
    engine.deleteLater()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """The folder for a test's screenshots (under ``tmp_path``; pytest keeps the last runs' folders)."""
    folder = tmp_path / "shots"
    folder.mkdir()
    return folder


@pytest.fixture
def two_models(tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The tiny model copied as alpha.gguf and beta.gguf into one folder, searched through ``FUMI_MODELS``."""
    folder = tmp_path / "models"
    folder.mkdir()
    for name in ("alpha.gguf", "beta.gguf"):
        shutil.copyfile(tiny_model, folder / name)
    monkeypatch.setenv("FUMI_MODELS", str(folder))
    return folder


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every confirmation asked; the answer is the first item of the list (set by the test, default Yes)."""
    answers = ["yes"]

    from PySide6.QtWidgets import QMessageBox

    def question(_parent, _title, text, *_args, **_kwargs):
        answers.append(text)
        return QMessageBox.StandardButton.Yes if answers[0] == "yes" else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    return answers


@pytest.fixture
def window_over(qtbot, two_models, japanese, monkeypatch: pytest.MonkeyPatch):
    """``window_over(engine)``: the real ``MainWindow`` (1280×720, shown, with a history) over that engine;
    closed, and the engine shut down, after the test. Closing never asks about unsaved output."""
    from desktop.history import HistoryStore
    from desktop.ui.context import AppContext
    from desktop.ui.main_window import MainWindow

    monkeypatch.setattr("desktop.ui.autosave_controller.ask_to_quit_unsaved", lambda *_args: True)
    made = []

    def make(engine):
        paths = Paths.default().ensure()
        history = HistoryStore(paths.history_db)
        context = AppContext(settings=Settings.load(paths), paths=paths, engine=engine, history=history)
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        made.append((window, engine, history))
        return window

    yield make
    for window, engine, history in made:
        window.close()
        engine.shutdown()
        history.close()


@pytest.fixture
def fumi_look(qapp):
    """Fumi's style sheet and font on the test QApplication (``desktop.app.apply_look``), as staff see the
    window; the previous ones are put back after the test."""
    from desktop.app import apply_look

    sheet, font = qapp.styleSheet(), qapp.font()
    apply_look(qapp, Settings.load(Paths.default().ensure()))
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)

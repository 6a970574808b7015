"""The library index: incremental updates, failures listed, rebuilds, two writers, Japanese search."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from desktop.knowledge import Searcher, open_index, update_index
from desktop.knowledge.store import SCHEMA_VERSION

RULES = """文書管理規程

（保存期間）
第6条 予算及び決算に関する文書の保存期間は10年とする。

（書庫）
第7条 書庫の鍵は総務課長が保管する。
"""
TAX = "市税の収納\n\n市税は指定金融機関で納付する。\n"


def _library(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    (folder / "sub").mkdir(parents=True)
    (folder / "文書管理規程.txt").write_bytes(RULES.replace("\n", "\r\n").encode("cp932"))
    (folder / "sub" / "税.md").write_text(TAX, encoding="utf-8")
    (folder / "壊れた.docx").write_bytes(b"PK\x03\x04 not a zip")
    (folder / "~$lock.docx").write_bytes(b"office lock file")
    return folder


def test_incremental_update_finds_new_changed_removed_and_failed(tmp_path: Path):
    folder = _library(tmp_path)
    with open_index(tmp_path / "index.sqlite3") as index:
        first = update_index(index, [str(folder)])
        assert len(first.added) == 2 and len(first.failed) == 1
        assert "壊れた.docx" in first.failed[0].file and first.failed[0].reason
        assert [r.state for r in index.files()].count("failed") == 1

        again = update_index(index, [str(folder)])
        assert not again.added and not again.changed and again.unchanged == 3

        tax = folder / "sub" / "税.md"
        stat = tax.stat()
        os.utime(tax, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # same content, new time
        assert update_index(index, [str(folder)]).changed == []
        tax.write_text(TAX + "\n固定資産税は年4回に分けて納める。\n", encoding="utf-8")
        (folder / "文書管理規程.txt").unlink()
        third = update_index(index, [str(folder)])
        assert third.changed == [str(tax)] and len(third.removed) == 1

        searcher = Searcher(index)
        result = searcher.search("税", 3)
        assert result.found and "固定資産税" in result.hits[0].text


def test_one_and_two_character_terms_are_found(tmp_path: Path):
    folder = _library(tmp_path)
    with open_index(tmp_path / "index.sqlite3") as index:
        update_index(index, [str(folder)])
        searcher = Searcher(index)
        key = searcher.search("鍵", 1)
        assert key.found and key.hits[0].location.endswith("第7条（書庫）")
        assert searcher.search("保存期間は何年", 1).hits[0].location.endswith("第6条（保存期間）")
        assert not searcher.search("育児休業の取り方", 3).found


def test_a_corrupt_or_old_index_is_rebuilt_with_a_message(tmp_path: Path):
    path = tmp_path / "index.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with open_index(path) as index:
        assert "壊れて" in index.notice and index.passage_count() == 0
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION - 1),))
    with open_index(path) as index:
        assert "古い形式" in index.notice
    with open_index(path) as index:
        assert index.notice == ""


def test_two_writers_at_once_leave_a_consistent_index(tmp_path: Path):
    folder = _library(tmp_path)
    for n in range(20):
        (folder / f"規程{n}.txt").write_text(f"（目的）\n第1条 規程{n}の目的を定める。\n", encoding="utf-8")
    path = tmp_path / "index.sqlite3"
    open_index(path).close()
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            with open_index(path) as index:
                update_index(index, [str(folder)])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    with open_index(path) as index:
        assert index.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert len([f for f in index.files() if f.state == "ok"]) == 22
        assert index.passage_count() == index.connection.execute("SELECT count(*) FROM passage_terms").fetchone()[0]


def test_cancel_keeps_what_was_done_and_a_file_changed_while_read_is_retried(tmp_path: Path, monkeypatch):
    import desktop.documents

    folder = _library(tmp_path)
    with open_index(tmp_path / "index.sqlite3") as index:
        calls = []
        cancelled = update_index(index, [str(folder)], cancelled=lambda: bool(calls.append(1)) or len(calls) > 3)
        assert cancelled.cancelled and len(index.files()) < 3

        real_read = desktop.documents.read_document
        target = folder / "sub" / "税.md"

        def read_while_someone_writes(path, **kw):
            document = real_read(path, **kw)
            if Path(path) == target:
                target.write_text(TAX + "\n追記\n", encoding="utf-8")
            return document

        monkeypatch.setattr(desktop.documents, "read_document", read_while_someone_writes)
        index.remove(str(target))
        report = update_index(index, [str(folder)])
        assert [f.file for f in report.failed if "変更" in f.reason] == [str(target)]
        assert index.file(str(target)) is None
        monkeypatch.setattr(desktop.documents, "read_document", real_read)
        assert update_index(index, [str(folder)]).added == [str(target)]


def test_a_second_writer_waits_then_gives_up_with_library_busy(tmp_path: Path):
    import pytest

    from desktop.knowledge import LibraryBusy
    from desktop.knowledge.writer_lock import writer_lock

    path = tmp_path / "index.sqlite3"
    waited = []
    with writer_lock(path):
        with pytest.raises(LibraryBusy):
            with writer_lock(path, timeout_s=0.3, on_wait=lambda: waited.append(True)):
                pass
    assert waited == [True]
    with writer_lock(path, timeout_s=0.3):
        pass  # released with the first holder


def test_library_folders_from_it_and_from_the_user(tmp_path: Path, monkeypatch):
    from desktop.knowledge.folders import add_user_folders, library_folders, remove_user_folder, user_folders
    from desktop.settings import Settings

    it_env, it_setting, mine = (tmp_path / name for name in ("env", "shared", "mine"))
    monkeypatch.setenv("FUMI_LIBRARY", str(it_env))
    settings = Settings(values={"shared_library_folders": [str(it_setting)]})
    assert add_user_folders(settings, [mine, it_env]) == [str(mine)]
    assert library_folders(settings) == [str(it_env), str(it_setting), str(mine)]
    assert user_folders(settings) == [str(mine)]
    assert not remove_user_folder(settings, str(it_setting)) and remove_user_folder(settings, str(mine))
    assert library_folders(settings) == [str(it_env), str(it_setting)]

"""Importing through the window: background worker, progress, Cancel, summary, drop, paste."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from desktop.services.queries import article_rows, event_rows


def test_import_the_seeds_through_the_window(qtbot, make_window, workspace_path, seeds_dir,
                                             wait_import):
    window = make_window(workspace_path)
    assert window.library.model.rowCount() == 0
    with qtbot.waitSignal(window.importer.done, timeout=60_000) as blocker:
        assert window.actions_by_name["import"].isEnabled()
        window.import_paths([seeds_dir])
        assert window.importer.running and window.importer.bar.isVisible()
        assert window.importer.cancel_button.isVisible()
    report = blocker.args[0]
    assert report.count("imported") == 5 and not report.failed
    assert not window.importer.bar.isVisible()
    assert window.library.model.rowCount() == 5
    assert {r["published"] for r in window.library.model.rows} >= {"2018-09-14", "2021-08-12"}
    assert window.review.model.rowCount() == len(event_rows(window.ws, "suggested")) > 20
    assert "5 imported" in window.statusBar().currentMessage()
    assert window.current_event is not None  # the first suggestion is ready for review
    # a second import finds duplicates and stores nothing new
    window.import_paths([seeds_dir])
    wait_import(window)
    assert window.importer.last_report.count("duplicate") == 5
    assert len(article_rows(window.ws)) == 5


def test_a_summary_says_what_failed_and_why(qtbot, make_window, workspace_path, tmp_path,
                                            seeds_dir, wait_import):
    window = make_window(workspace_path)
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"\x00\x01 not a pdf at all")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    window.import_paths([bad, empty, seeds_dir / "001_9673574f31c3bd45.txt"])
    wait_import(window)
    report = window.importer.last_report
    assert report.count("failed") == 2 and report.count("imported") == 1
    box = window.importer.summary
    assert box is not None and box.isVisible()
    assert "2 failed" in box.text()
    assert "broken.pdf" in box.detailedText() and "empty.txt" in box.detailedText()
    box.accept()


def test_drop_files_on_the_window(qtbot, make_window, workspace_path, seeds_dir, wait_import):
    window = make_window(workspace_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(seeds_dir / "004_ef325f0aac841b1b.txt"))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    wait_import(window)
    assert [r["source_file"] for r in article_rows(window.ws)] == ["004_ef325f0aac841b1b.txt"]


def test_ctrl_shift_v_makes_an_article_from_the_clipboard(qtbot, make_window, workspace_path,
                                                          wait_import):
    window = make_window(workspace_path)
    text = ("Talks in Tehran\n\nTEHRAN, 7 September 2018 — The presidents of Iran, Russia and "
            "Turkey met on Friday to discuss the future of Idlib.\n")
    QApplication.clipboard().setText(text)
    assert QApplication.clipboard().text() == text
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts need it
    qtbot.keyClick(window.review.view, Qt.Key.Key_V,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_import(window)
    report = window.importer.last_report
    assert report is not None, window.statusBar().currentMessage()
    assert report.count("imported") == 1, report.results
    (row,) = article_rows(window.ws)
    assert row["source_file"] == "clipboard"
    assert window.reader.article is not None and window.reader.article["text"] == text


def make_articles(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:03}.txt").write_text(
            f"Article {i}\n\nOn 7 September 2018 event number {i} took place in Idlib. "
            f"Another {i} followed in early October 2018.\n", encoding="utf-8")
    return [folder]


def test_cancel_stops_the_import_between_files(qtbot, make_window, workspace_path, tmp_path,
                                               wait_import):
    window = make_window(workspace_path)
    window.import_paths(make_articles(tmp_path / "many", 300))
    qtbot.waitUntil(lambda: window.importer.bar.value() >= 3, timeout=30_000)
    window.importer.cancel_button.click()
    wait_import(window)
    report = window.importer.last_report
    assert report.cancelled
    stored = len(article_rows(window.ws))
    assert 0 < stored < 300 and stored == report.count("imported")
    assert "cancelled" in window.statusBar().currentMessage()


def test_the_window_stays_responsive_while_200_articles_import(qtbot, make_window, tmp_path,
                                                               workspace_path, wait_import):
    window = make_window(workspace_path)
    ticks = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(window.importer.running))
    timer.start()
    window.import_paths(make_articles(tmp_path / "many", 200))
    wait_import(window, timeout=120_000)
    timer.stop()
    during = sum(1 for running in ticks if running)
    assert window.importer.last_report.count("imported") == 200
    # the event loop kept turning: ticks every ~20 ms for the whole import
    assert during >= 10, f"only {during} timer ticks during the import"
    assert window.library.model.rowCount() == 200


def test_the_import_summary_counts_suggestions_after_merging(qtbot, make_window,
                                                              workspace_path, tmp_path,
                                                              wait_import):
    from merge_pair import write_pair

    window = make_window(workspace_path)
    window.import_paths(write_pair(tmp_path))
    wait_import(window)
    qtbot.waitUntil(lambda: window.importer.summary is not None)
    text = window.importer.summary.text()
    window.importer.summary.close()
    assert "3 new suggested events, 1 more suggestion merged into events already there" in text
    qtbot.waitUntil(lambda: window.review.model.rowCount() == 3)  # the queue agrees


def test_a_big_import_runs_in_a_child_process_and_its_summary_stays(qtbot, make_window,
                                                                   tmp_path, workspace_path,
                                                                   wait_import):  # fmt: skip
    """60 files: stored by a child process (the window keeps its interpreter lock), the
    views follow through the change log, the bar counted the files, and the summary
    waits for the user however long the event loop runs."""
    from desktop.ui import import_process

    window = make_window(workspace_path)
    seen: list[int] = []
    window.importer.bar.valueChanged.connect(seen.append)
    window.import_paths(make_articles(tmp_path / "many", import_process.PROCESS_FILES + 10))
    wait_import(window)
    assert window.importer.job.in_child
    report = window.importer.last_report
    assert report.count("imported") == import_process.PROCESS_FILES + 10
    assert window.library.model.rowCount() == import_process.PROCESS_FILES + 10
    assert window.review.model.rowCount() == len(event_rows(window.ws, "suggested")) > 0
    assert max(seen) == import_process.PROCESS_FILES + 10 and min(seen) < max(seen)
    box = window.importer.summary
    qtbot.wait(1500)
    assert box is not None and box.isVisible()
    assert f"{import_process.PROCESS_FILES + 10} imported" in box.text()
    box.accept()
    assert not box.isVisible()

"""File > Export: pre-filled options, live preview, background export, cancel, errors."""

from __future__ import annotations

import threading
import time
from datetime import date
from pathlib import Path

import pytest

from desktop.export import preview
from desktop.export.pdf import ExportCancelled
from desktop.ui import export_jobs
from desktop.ui.export_dialog import ExportDialog, open_export_dialog
from desktop.ui.export_jobs import check_target


def open_dialog(qtbot, window) -> ExportDialog:
    window.actions_by_name["export"].trigger()
    dialog = window.dialogs.export_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def include_suggested(dialog: ExportDialog) -> None:
    """The seeded workspace holds only suggestions (nothing accepted yet)."""
    dialog.form.statuses.setCurrentIndex(dialog.form.statuses.findData("suggested"))


def wait_preview(qtbot, dialog: ExportDialog, prefix: str = "") -> None:
    qtbot.waitUntil(lambda: not dialog._timer.isActive() and not dialog._previews
                    and dialog.caption.text().startswith(prefix), timeout=20_000)


def wait_export(qtbot, dialog: ExportDialog) -> None:
    qtbot.waitUntil(lambda: dialog.worker is None and dialog.outcome is not None,
                    timeout=60_000)


def test_export_action_opens_a_prefilled_dialog(qtbot, window):
    action = window.actions_by_name["export"]
    assert action.shortcut().toString() == "Ctrl+Shift+E"
    dialog = open_dialog(qtbot, window)
    form = dialog.form
    assert [form.format.itemData(i) for i in range(form.format.count())] == [
        "pdf", "png", "svg", "csv", "json", "timelinejs"]
    assert form.page.currentText() == "A4"
    assert Path(form.path.text()).suffix == ".pdf"
    # Documents, not the (often hidden) folder the workspace lives in
    from desktop.ui.export_dialog import documents_folder

    assert Path(form.path.text()).parent == documents_folder() != window.ws.path.parent
    assert Path(form.path.text()).name == f"{window.ws.name}.pdf"
    # "visible range" is what the window's timeline shows right now
    visible = form.range.model().item(form.range.findData("visible"))
    assert visible.isEnabled()
    form.range.setCurrentIndex(form.range.findData("visible"))
    lo, hi = window.central.timeline.visible_range()
    assert (dialog.options().date_from, dialog.options().date_to) == (lo, hi)
    form.range.setCurrentIndex(form.range.findData("all"))
    options = dialog.options()
    assert options.statuses == ("accepted", "manual") and options.lanes is None
    assert options.date_from is None and options.tags is None
    wait_preview(qtbot, dialog)
    assert "no events" in dialog.caption.text()  # nothing accepted yet: says so
    dialog.close()


def test_options_follow_the_widgets(qtbot, window):
    dialog = open_dialog(qtbot, window)
    form = dialog.form
    form.page.setCurrentText("Custom")
    form.page_w.setValue(900)
    form.page_h.setValue(600)
    form.orientation.setCurrentIndex(form.orientation.findData(False))
    include_suggested(dialog)
    form.range.setCurrentIndex(form.range.findData("custom"))
    assert form.date_from.isEnabled()
    form.date_from.setDate(date(2018, 9, 1))
    form.date_to.setDate(date(2018, 9, 30))
    form.title.setText("Idlib, September 2018")
    form.tiles.setValue(3)
    form.sources.setChecked(False)
    options = dialog.options()
    assert options.page == "900x600mm" and options.landscape is False
    assert options.statuses == ("accepted", "manual", "suggested")
    assert (options.date_from, options.date_to) == (date(2018, 9, 1), date(2018, 9, 30))
    assert options.title == "Idlib, September 2018" and options.tiles == 3
    assert options.sources is False and options.legend is True
    form.format.setCurrentIndex(form.format.findData("csv"))
    assert form.path.text().endswith(".csv") and not form.page_box.isEnabled()
    form.set_page("Letter")
    assert form.page_text() == "Letter"
    dialog.close()


def test_visible_range_comes_from_the_window(qtbot, window):
    dialog = open_export_dialog(window.ctx, visible_range=(date(2018, 9, 7), date(2018, 9, 8)))
    form = dialog.form
    index = form.range.findData("visible")
    assert form.range.model().item(index).isEnabled()
    form.range.setCurrentIndex(index)
    assert (dialog.options().date_from, dialog.options().date_to) == (
        date(2018, 9, 7), date(2018, 9, 8))
    dialog.close()


def test_preview_shows_the_first_page(qtbot, window):
    dialog = open_dialog(qtbot, window)
    include_suggested(dialog)
    wait_preview(qtbot, dialog, "Page 1")
    image = dialog._image
    assert image is not None and image.width() > image.height()  # landscape A4
    colours = {image.pixel(x, y) for x in range(0, image.width(), 5)
               for y in range(0, image.height(), 5)}
    assert len(colours) > 20  # text and lanes, not a blank page
    assert not dialog.preview.pixmap().isNull()
    dialog.form.orientation.setCurrentIndex(1)  # portrait: the preview follows
    wait_preview(qtbot, dialog, "Page 1")
    assert dialog._image.height() > dialog._image.width()
    dialog.form.format.setCurrentIndex(dialog.form.format.findData("csv"))
    wait_preview(qtbot, dialog)
    assert dialog.caption.text() == f"{len(window.events)} events"
    dialog.close()


def test_a_preview_is_read_and_drawn_off_the_ui_thread(qtbot, window, monkeypatch):
    """Where the work runs, not how long it took (a timing here failed on a loaded machine)."""
    threads: list[int] = []
    real_gather, real_page = export_jobs.gather, preview.page_preview

    def gather(*args, **kwargs):
        threads.append(threading.get_ident())
        return real_gather(*args, **kwargs)

    def page_preview(*args, **kwargs):
        threads.append(threading.get_ident())
        return real_page(*args, **kwargs)

    monkeypatch.setattr(export_jobs, "gather", gather)
    monkeypatch.setattr(preview, "page_preview", page_preview)
    dialog = open_dialog(qtbot, window)
    include_suggested(dialog)
    wait_preview(qtbot, dialog)
    threads.clear()
    dialog.update_preview()  # starts the work on the task runner and returns
    wait_preview(qtbot, dialog, "Page 1")
    assert len(threads) >= 2, threads  # the store read and the page drawing both ran
    assert threading.main_thread().ident not in threads
    dialog.close()


def test_export_pdf_runs_in_the_background_and_names_the_file(qtbot, window, tmp_path):
    dialog = open_dialog(qtbot, window)
    include_suggested(dialog)
    target = tmp_path / "idlib.pdf"
    dialog.form.path.setText(str(target))
    assert dialog.start_export()
    assert not dialog.export_button.isEnabled() and dialog.close_button.text() == "Cancel"
    wait_export(qtbot, dialog)
    assert dialog.outcome.kind == "done"
    assert target.read_bytes()[:5] == b"%PDF-"
    box = dialog.result_box
    shown = f"{len(window.events)} events"
    assert box.isVisible() and "idlib.pdf" in box.text() and shown in box.text()
    assert str(target) in box.informativeText()
    assert "Open folder" in [b.text() for b in box.buttons()]
    assert window.settings.value("export/folder") == str(tmp_path)
    assert dialog.export_button.isEnabled() and dialog.close_button.text() == "Close"
    box.close()
    dialog.close()
    # the next export of this workspace offers the same file again
    again = open_dialog(qtbot, window)
    assert again.form.path.text() == str(target)
    again.close()


@pytest.mark.parametrize("fmt,suffix,head", [("csv", ".csv", b""), ("timelinejs", ".json", b"{"),
                                             ("svg", ".svg", b"<?xml")])
def test_export_other_formats(qtbot, window, tmp_path, fmt, suffix, head):
    dialog = open_dialog(qtbot, window)
    include_suggested(dialog)
    dialog.form.format.setCurrentIndex(dialog.form.format.findData(fmt))
    dialog.form.path.setText(str(tmp_path / f"out{suffix}"))
    assert dialog.start_export()
    wait_export(qtbot, dialog)
    assert dialog.outcome.kind == "done"
    assert (tmp_path / f"out{suffix}").read_bytes().startswith(head)
    dialog.result_box.close()
    dialog.close()


def test_a_missing_folder_is_refused_with_a_reason(qtbot, window, tmp_path):
    dialog = open_dialog(qtbot, window)
    dialog.form.path.setText(str(tmp_path / "nowhere" / "out.pdf"))
    assert not dialog.start_export()
    assert "does not exist" in dialog.message.text()
    assert dialog.result_box.isVisible() and "does not exist" in dialog.result_box.text()
    dialog.result_box.close()
    assert "folder" in check_target(tmp_path)
    assert check_target(tmp_path / "ok.pdf") == ""
    dialog.close()


def test_a_write_error_says_what_happened(qtbot, window, tmp_path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(export_jobs, "export_file", refuse)
    dialog = open_dialog(qtbot, window)
    dialog.form.path.setText(str(tmp_path / "out.pdf"))
    assert dialog.start_export()
    wait_export(qtbot, dialog)
    assert dialog.outcome.kind == "failed"
    assert "may not write" in dialog.message.text()
    assert dialog.result_box.isVisible() and "Choose another" in dialog.result_box.text()
    dialog.result_box.close()
    dialog.close()


def test_cancel_stops_the_export_and_keeps_the_dialog(qtbot, window, tmp_path, monkeypatch):
    def slow(ws, path, fmt, options, *, progress, should_cancel):
        for page in range(1000):
            if should_cancel():
                raise ExportCancelled("export cancelled")
            progress(page, 1000)
            time.sleep(0.01)
        raise AssertionError("the cancel never arrived")

    monkeypatch.setattr(export_jobs, "export_file", slow)
    dialog = open_dialog(qtbot, window)
    dialog.form.path.setText(str(tmp_path / "out.pdf"))
    assert dialog.start_export()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=10_000)
    dialog.close_button.click()  # "Cancel" while the export runs
    wait_export(qtbot, dialog)
    assert dialog.outcome.kind == "cancelled"
    assert dialog.isVisible() and "cancelled" in dialog.message.text().lower()
    assert not (tmp_path / "out.pdf").exists()
    dialog.close_button.click()  # now it closes
    assert not dialog.isVisible()


def test_import_events_from_an_export(qtbot, window, make_window, tmp_path, wait_import):
    from desktop.export import ExportOptions, export_file

    exported = tmp_path / "events.json"
    export_file(window.ws, exported, "json", ExportOptions(statuses=None))
    other = make_window(tmp_path / "other.chronologue")
    assert "import_events" in other.actions_by_name
    assert other.event_importer.start(exported)
    qtbot.waitUntil(lambda: other.event_importer.worker is None, timeout=30_000)
    assert other.event_importer.last_report.events == len(window.events) > 29
    # the imported rows reach the window through the change log, read on the task runner
    qtbot.waitUntil(lambda: len(other.events) == len(window.events), timeout=10_000)


FULL_FORMATS = [("pdf", ".pdf"), ("svg", ".svg"), ("png", ".png"), ("csv", ".csv"),
                ("json", ".json"), ("timelinejs", ".json")]  # fmt: skip


def _export_expecting_failure(qtbot, window, target: Path, fmt: str, old: bytes, reason: str,
                              during=None) -> None:  # fmt: skip
    dialog = open_dialog(qtbot, window)
    include_suggested(dialog)
    dialog.form.format.setCurrentIndex(dialog.form.format.findData(fmt))
    dialog.form.path.setText(str(target))
    if during is None:
        assert dialog.start_export()
        wait_export(qtbot, dialog)
    else:
        with during:
            assert dialog.start_export()
            wait_export(qtbot, dialog)
    assert dialog.outcome.kind == "failed", dialog.outcome
    box = dialog.result_box
    assert box.isVisible() and box.icon() == box.Icon.Critical
    assert reason in box.text() and "unchanged" in box.text(), box.text()
    assert str(target) in box.text()
    assert reason in dialog.message.text()
    assert target.read_bytes() == old
    assert [p.name for p in target.parent.iterdir() if ".part" in p.name] == []
    box.close()
    dialog.close()


@pytest.mark.parametrize("fmt,suffix", FULL_FORMATS)
def test_export_on_a_full_disk_says_why_and_keeps_the_old_file(qtbot, window, tmpfs_folder,
                                                               fmt, suffix):  # fmt: skip
    from full_disk import ENOSPC_TEXT, fill

    target = tmpfs_folder / f"timeline{suffix}"
    old = b"the previous export\n" * 40
    target.write_bytes(old)
    fill(tmpfs_folder)
    _export_expecting_failure(qtbot, window, target, fmt, old, ENOSPC_TEXT)


@pytest.mark.parametrize("fmt,suffix", FULL_FORMATS)
def test_export_past_a_file_size_limit_says_why(qtbot, window, tmp_path, fmt, suffix):
    from full_disk import EFBIG_TEXT, limited_file_size

    target = tmp_path / f"timeline{suffix}"
    old = b"the previous export\n" * 40
    target.write_bytes(old)
    # the window's own files stay below the limit: it only reads while exporting
    _export_expecting_failure(qtbot, window, target, fmt, old, EFBIG_TEXT,
                              during=limited_file_size(12_000))  # fmt: skip


def test_the_dialog_refuses_the_workspace_a_symlink_and_a_fifo(qtbot, window, tmp_path):
    import os

    link = tmp_path / "link.pdf"
    link.symlink_to(tmp_path / "real.pdf")
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    before = window.ws.path.read_bytes()
    for target, words in ((window.ws.path, "workspace's own file"),
                          (link, "symbolic link"), (fifo, "named pipe")):  # fmt: skip
        dialog = open_dialog(qtbot, window)
        dialog.form.path.setText(str(target))
        assert not dialog.start_export()
        assert words in dialog.message.text() and dialog.result_box.isVisible()
        assert "--follow-symlink" not in dialog.message.text()
        dialog.result_box.close()
        dialog.close()
    assert window.ws.path.read_bytes() == before and link.is_symlink()

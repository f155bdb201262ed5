"""Closing a window and reopening its workspace shows the timeline as it was left."""

from __future__ import annotations

import shutil
from datetime import datetime

from PySide6.QtWidgets import QApplication

from desktop.layout.calendar import to_days
from desktop.ui import timeline_memory


def close(window) -> None:
    window.close()
    QApplication.processEvents()


def test_grouping_and_visible_range_come_back_per_workspace(make_window, seeded_path,
                                                            settings, tmp_path):
    other_path = tmp_path / "other.chronologue"
    shutil.copy2(seeded_path, other_path)
    first = make_window(seeded_path)
    view = first.central.timeline
    view.set_grouping("article")
    view.set_visible_range(datetime(2018, 9, 1), datetime(2018, 9, 30))
    left = view.visible_days()
    assert abs(left[0] - to_days(datetime(2018, 9, 1))) < 1e-6
    close(first)

    again = make_window(seeded_path)
    view = again.central.timeline
    assert view.model.grouping == "article" and view.group_box.currentData() == "article"
    lo, hi = view.visible_days()
    assert abs(lo - left[0]) < 0.5 and abs(hi - left[1]) < 0.5, (lo, hi, left)
    assert {spec.key for spec in view.model.lanes} != {None}  # lanes by article shown
    close(again)

    # another workspace keeps its own (here: none yet, so fitted, by lane)
    other = make_window(other_path)
    view = other.central.timeline
    assert view.model.grouping == "lane"
    lo, hi = view.visible_days()
    assert hi - lo > 365, (lo, hi)  # fitted (years of events), not the other's September


def test_an_unreadable_remembered_state_is_ignored(make_window, seeded_path, settings):
    window = make_window(seeded_path)
    key = timeline_memory._key(window.ws.location)
    close(window)
    for junk in ("{not json", '{"grouping": "colour", "range_days": [1, 2]}',
                 '{"grouping": "tag", "range_days": [5, 1]}'):
        settings.setValue(key, junk)
        assert timeline_memory.recall(settings, window.ws.location) is None
    window = make_window(seeded_path)
    assert window.central.timeline.model.grouping == "lane"


def test_switching_workspaces_keeps_each_ones_timeline(qtbot, make_window, seeded_path,
                                                       tmp_path):
    other_path = tmp_path / "other.chronologue"
    shutil.copy2(seeded_path, other_path)
    window = make_window(seeded_path)
    view = window.central.timeline
    view.set_grouping("tag")
    view.set_visible_range(datetime(2018, 9, 3), datetime(2018, 9, 17))
    qtbot.wait(300)  # a dock settling after the first load may still widen the canvas
    left = view.visible_days()  # what the user saw when leaving: the range remembered
    assert 13.5 < left[1] - left[0] < 17  # the two weeks set, give or take a resize
    assert window.files.open_workspace_path(other_path)
    qtbot.waitUntil(lambda: window.model.ready and window.central.binding.ws is window.ws,
                    timeout=10_000)  # fmt: skip
    assert view.model.grouping == "tag"  # nothing remembered for it: the grouping stays
    lo, hi = view.visible_days()
    assert hi - lo > 365  # but it is fitted to its own events
    view.set_grouping("outlet")
    assert window.files.open_workspace_path(seeded_path)
    qtbot.waitUntil(lambda: window.model.ready and window.central.binding.ws is window.ws,
                    timeout=10_000)  # fmt: skip
    assert view.model.grouping == "tag"
    lo, hi = view.visible_days()
    assert abs(lo - left[0]) < 0.5 and abs(hi - left[1]) < 0.5, (lo, hi, left)

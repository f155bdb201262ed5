"""An accept or reject in the queue changes exactly the rows it changed: the queue loses
one row, the events table changes one row in place, the timeline patches one lane; no
model is reset and nothing is re-sorted (issue 11: the views update from change sets)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QApplication


class Signals:
    """Every structural signal a table model sends, with its row range."""

    def __init__(self, model: QAbstractItemModel) -> None:
        self.seen: list[tuple] = []
        model.modelReset.connect(lambda: self.seen.append(("reset",)))
        model.layoutChanged.connect(lambda *_: self.seen.append(("layout",)))
        model.rowsRemoved.connect(lambda _p, a, b: self.seen.append(("removed", a, b)))
        model.rowsInserted.connect(lambda _p, a, b: self.seen.append(("inserted", a, b)))
        model.rowsMoved.connect(lambda *_: self.seen.append(("moved",)))
        model.dataChanged.connect(
            lambda a, b, *_: self.seen.append(("changed", a.row(), b.row())))


def test_an_accept_and_a_reject_change_only_their_rows(qtbot, reused_window) -> None:
    window = reused_window
    queue, table, timeline = window.review, window.table, window.central.timeline
    view = queue.view
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    for key, status in ((Qt.Key.Key_A, "accepted"), (Qt.Key.Key_R, "rejected")):
        event_id = queue.current_id()
        queue_row, table_row = queue.model.row_of(event_id), table.model.row_of(event_id)
        rows_before = (queue.model.rowCount(), table.model.rowCount())
        lane = timeline.model.lane_of.get(event_id)
        stamps = list(timeline.model.lane_stamps)
        in_queue, in_table = Signals(queue.model), Signals(table.model)
        qtbot.keyClick(view, key)
        assert window.model.events[event_id].status == status
        assert in_queue.seen == [("removed", queue_row, queue_row)]
        assert in_table.seen == [("changed", table_row, table_row)]
        assert (queue.model.rowCount(), table.model.rowCount()) == (rows_before[0] - 1,
                                                                    rows_before[1])
        assert table.model.record(table_row).status == status
        # the timeline: only the event's own lane changed (shown or hidden by the filter)
        changed = [i for i, (a, b) in enumerate(zip(stamps, timeline.model.lane_stamps,
                                                    strict=True)) if a != b]
        assert changed == ([lane] if lane is not None else [])


def test_the_queue_shows_a_changed_record_not_its_remembered_texts(reused_window) -> None:
    model = reused_window.review.model
    record = model.rows[0]
    assert model.index(0, 3).data().strip("\u2068\u2069") == record.title
    model.upsert([replace(record, title="A title typed since")])
    assert model.index(0, 3).data().strip("\u2068\u2069") == "A title typed since"

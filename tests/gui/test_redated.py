"""An event moved away from the date its source states says so everywhere."""

from __future__ import annotations

from desktop.export.selection import ExportOptions, gather
from desktop.services import timeline_data as data
from desktop.services.eventdates import redated_from
from desktop.services.library import event_detail
from desktop.temporal import FuzzyDate
from desktop.ui.timeline.overlay import tooltip_text


def test_redated_from_compares_with_every_stated_date():
    march = FuzzyDate.day(2021, 3, 4)
    assert redated_from(march, None, ["2021-03-04"]) == ""
    assert redated_from(FuzzyDate.day(2021, 4, 8), None, ["2021-03-04"]) == "4 Mar 2021"
    assert redated_from(FuzzyDate.month(2021, 3), None, ["2021-03-04"]) == ""
    assert redated_from(FuzzyDate.day(2021, 4, 8), None, ["", "PRESENT_REF"]) == ""
    # a range reaching back over the stated day still matches it
    assert redated_from(FuzzyDate.day(2021, 3, 1), FuzzyDate.day(2021, 3, 9), ["2021-03-04"]) == ""


def test_a_moved_event_is_marked_in_queue_editor_timeline_and_pdf(queued, qtbot, window):
    row = next(r for r in queued(window)
               if r["citations"] and r["citations"][0]["value"][:4].isdigit()
               and len(r["citations"][0]["value"]) == 10)
    event_id = row["id"]
    window.select_event(event_id)
    assert not event_detail(window.ws, event_id)["redated"]
    stated = FuzzyDate.from_timex(row["citations"][0]["value"]).human()
    window.editor.start.setFocus()
    window.editor.start.setText("1 Jan 2001")
    window.editor.start.editingFinished.emit()
    assert event_detail(window.ws, event_id)["redated"] == stated
    # the editor heading
    assert f"re-dated: the source says {stated}" in window.editor.heading.text()
    # the review queue: a mark and a tooltip
    model = window.review.model
    r = next(i for i, x in enumerate(model.rows) if x.id == event_id)
    assert model.data(model.index(r, 0)) == "↷"
    from PySide6.QtCore import Qt

    assert f"Re-dated: the source says {stated}" in model.data(model.index(r, 3),
                                                             Qt.ItemDataRole.ToolTipRole)
    # the timeline tooltip
    events = {e.id: e for e in data.load_events(window.ws)}
    assert events[event_id].redated == stated
    view = window.central.timeline
    qtbot.waitUntil(lambda: event_id in view.model.events
                    and view.model.events[event_id].redated == stated, timeout=10_000)
    from desktop.layout.hits import HitBox

    hit = HitBox("event", event_id, 0, 0, 0, 0)
    assert f"re-dated: the source says {stated}" in tooltip_text(view.model, [], hit)
    # the PDF's sources entry
    exported = gather(window.ws, ExportOptions(statuses=None))
    ev = next(e for e in exported.events if e.id == event_id)
    assert ev.redated == stated
    # undo puts it back on its source's date: no mark
    window.undo_stack.undo()
    assert event_detail(window.ws, event_id)["redated"] == ""

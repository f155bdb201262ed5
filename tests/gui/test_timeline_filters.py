"""The timeline toolbar's tag, date-range and lane filters: what they hide, what views keep."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtGui import QUndoStack

from desktop.services import timeline_data as data
from desktop.services.editing import update_event
from desktop.ui.timeline import Filters, TimelineView, load_from_workspace


def type_date(edit, text: str) -> None:
    """What a user does: type into the field and press Return (editingFinished)."""
    edit.setText(text)
    edit.editingFinished.emit()


@pytest.fixture
def shown(qtbot, ws):
    """Three lanes (every third event in each, one left unassigned), two tags."""
    lanes = [data.create_lane(ws, name) for name in ("Protests", "Military", "Diplomacy")]
    events = data.load_events(ws)
    for i, e in enumerate(events):
        fields = {"lane_id": lanes[i % 3] if i else None}
        if i % 2 == 0:
            fields["tags"] = ["even"] + (["fourth"] if i % 4 == 0 else [])
        update_event(ws, e.id, **fields)
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1200, 600)
    binding = load_from_workspace(view, ws, QUndoStack())
    view.show()
    qtbot.waitExposed(view)
    return view, binding, lanes


def shown_ids(view: TimelineView) -> set[int]:
    """The events the model keeps after filtering (what the canvas can draw)."""
    return set(view.model.lane_of)


def all_ids(view: TimelineView) -> set[int]:
    return {e.id for e in view.model.events.values() if e.status != "rejected"}


def test_the_tag_combo_lists_every_tag_and_filters_by_it(shown):
    view, _, _ = shown
    box = view.tag_box
    assert [box.itemText(i) for i in range(box.count())][:1] == ["Any tag"]
    assert {box.itemText(i) for i in range(box.count())} >= {"even", "fourth"}
    everything = shown_ids(view)
    box.setCurrentIndex(box.findData("fourth"))
    tagged = {e.id for e in view.model.events.values() if "fourth" in e.tags}
    assert view.model.filters.tag == "fourth"
    assert shown_ids(view) == tagged & everything and 0 < len(tagged) < len(everything)
    box.setCurrentIndex(0)
    assert view.model.filters.tag is None and shown_ids(view) == everything


def test_the_date_popup_limits_events_to_whole_days_and_clears(shown, qtbot):
    view, _, _ = shown
    everything = shown_ids(view)
    starts = sorted({e.earliest.date() for e in view.model.events.values()})
    cut = starts[len(starts) // 2]
    button = view.dates_button
    button.open_popup()
    popup = button.popup
    assert popup.isVisible() and popup.from_edit.text() == ""
    type_date(popup.from_edit, cut.isoformat())
    assert view.model.filters.date_from == datetime(cut.year, cut.month, cut.day)
    later = {e.id for e in view.model.events.values() if e.latest.date() >= cut}
    assert shown_ids(view) == later & everything and shown_ids(view) != everything
    assert button.font().bold(), "an active date filter is marked"
    type_date(popup.to_edit, cut.isoformat())
    same_day = {e.id for e in view.model.events.values()
                if e.latest.date() >= cut and e.earliest.date() <= cut}  # fmt: skip
    assert shown_ids(view) == same_day & everything and same_day
    popup.clear_button.click()
    assert view.model.filters.date_from is None and view.model.filters.date_to is None
    assert shown_ids(view) == everything and not button.font().bold()
    popup.hide()


def test_the_visible_range_button_uses_the_dates_on_screen(shown):
    view, _, _ = shown
    view.set_visible_range(datetime(2018, 9, 1), datetime(2018, 9, 10))
    view.dates_button.popup.visible_button.click()
    lo, hi = view.dates_button.range()
    assert lo == datetime(2018, 9, 1) and hi is not None and hi.date() == date(2018, 9, 10)
    assert all(view.model.events[i].latest >= lo and view.model.events[i].earliest <= hi
               for i in shown_ids(view))  # fmt: skip


def test_the_lanes_menu_hides_and_shows_lanes(shown):
    view, _, lanes = shown
    everything = shown_ids(view)
    menu = view.lanes_button.lanes_menu
    view.lanes_button.fill_menu()
    entries = {a.text(): a for a in menu.actions() if a.isCheckable()}
    assert set(entries) == {"Protests", "Military", "Diplomacy", data.NO_LANE}
    assert all(a.isChecked() for a in entries.values())
    entries["Military"].trigger()  # uncheck: hide
    in_military = {e.id for e in view.model.events.values() if e.lane == lanes[1]}
    assert shown_ids(view) == everything - in_military and in_military
    assert "Military" not in [spec.name for spec in view.model.lanes]
    view.lanes_button.fill_menu()
    entries = {a.text(): a for a in menu.actions() if a.isCheckable()}
    assert not entries["Military"].isChecked()
    entries[data.NO_LANE].trigger()
    unassigned = {e.id for e in view.model.events.values() if e.lane is None}
    assert shown_ids(view) == everything - in_military - unassigned and unassigned
    # hiding by lane id works whatever the grouping
    view.set_grouping("outlet")
    assert shown_ids(view) == everything - in_military - unassigned
    view.set_grouping("lane")
    next(a for a in menu.actions() if a.text() == "Show all lanes").trigger()
    assert shown_ids(view) == everything
    assert [spec.name for spec in view.model.lanes][:3] == ["Protests", "Military", "Diplomacy"]


def test_a_lane_created_while_others_are_hidden_is_shown(shown):
    view, _, lanes = shown
    view.lanes_button.set_lane_shown(lanes[0], False)
    view.laneCreated.emit("Humanitarian")
    names = [spec.name for spec in view.model.lanes]
    assert "Humanitarian" in names and "Protests" not in names


def test_filters_combine(shown):
    view, _, lanes = shown
    view.tag_box.setCurrentIndex(view.tag_box.findData("even"))
    view.lanes_button.set_lane_shown(lanes[0], False)
    expected = {e.id for e in view.model.events.values()
                if "even" in e.tags and e.lane != lanes[0] and e.status != "rejected"}  # fmt: skip
    assert shown_ids(view) == expected and expected


def test_named_views_round_trip_tag_dates_lanes_and_statuses(shown, ws):
    view, binding, lanes = shown
    view.tag_box.setCurrentIndex(view.tag_box.findData("even"))
    view.dates_button.set_range(datetime(2018, 9, 1), None)
    type_date(view.dates_button.popup.to_edit, "30 Sep 2018")
    view.lanes_button.set_lane_shown(lanes[1], False)
    view.status_box.setCurrentIndex(3)  # everything, rejected too
    view.search.setText("the")
    saved_filters, saved_ids = view.model.filters, shown_ids(view)
    assert saved_filters.date_from == datetime(2018, 9, 1)
    binding.save_view("September, tagged")
    stored = data.load_view(ws, "September, tagged")
    assert stored["tag"] == "even" and stored["hidden_lanes"] == [lanes[1]]
    assert stored["date_from"].startswith("2018-09-01") and stored["date_to"].startswith(
        "2018-09-30")
    # back to no filters at all, then open the view again
    view.set_filters(Filters())
    assert view.tag_box.tag() is None and view.dates_button.range() == (None, None)
    assert view.lanes_button.hidden == frozenset() and view.status_box.currentIndex() == 0
    assert shown_ids(view) == all_ids(view)
    assert binding.open_view("September, tagged")
    assert view.model.filters == saved_filters and shown_ids(view) == saved_ids
    assert view.tag_box.tag() == "even" and view.search.text() == "the"
    assert view.dates_button.range()[0] == datetime(2018, 9, 1)
    assert view.lanes_button.hidden == frozenset({lanes[1]})
    assert view.status_box.currentIndex() == 3


def test_views_saved_before_these_filters_still_open(shown, ws):
    view, binding, lanes = shown
    view.lanes_button.set_lane_shown(lanes[1], False)
    data.save_view(ws, "Old", {"grouping": "tag", "text": "", "statuses": None, "tag": None,
                               "range_days": [17000.0, 18000.0]})  # fmt: skip
    assert binding.open_view("Old")
    assert view.model.grouping == "tag"
    assert view.model.filters == Filters() and view.lanes_button.hidden == frozenset()


def test_filters_state_is_plain_json_and_inverts():
    f = Filters(statuses=frozenset({"suggested"}), lanes=frozenset({3, None}), tag="x",
                text="y", date_from=datetime(2020, 1, 1), date_to=datetime(2020, 2, 1, 23, 59))
    import json

    assert Filters.from_state(json.loads(json.dumps(f.to_state()))) == f


def test_the_toolbar_fits_a_narrow_central_area(shown):
    view, _, _ = shown
    assert view.toolbar.minimumSize().width() <= 550
    assert view.minimumSizeHint().width() <= 550


def test_a_lane_is_hidden_from_its_context_menu_and_dates_may_be_reversed(shown):
    from PySide6.QtCore import QPoint

    from desktop.layout.hits import HitBox

    view, _, lanes = shown
    view._context_menu(QPoint(50, 50), HitBox("lane", 0, 0, 0, 0, 0, 0))
    hide = next(a for a in view._menu.actions() if a.text() == "Hide lane")
    view._menu.close()
    hide.trigger()
    assert view.lanes_button.hidden == frozenset({lanes[0]})
    assert all(view.model.events[i].lane != lanes[0] for i in shown_ids(view))
    popup = view.dates_button.popup
    type_date(popup.from_edit, "2018-09-30")
    type_date(popup.to_edit, "2018-09-01")
    assert view.model.filters.date_from == datetime(2018, 9, 1)
    assert view.model.filters.date_to.date() == date(2018, 9, 30)


def test_the_date_popup_reads_free_text_and_keeps_what_was_typed(shown, qtbot):
    view, _, _ = shown
    button = view.dates_button
    button.open_popup()
    popup = button.popup
    popup.from_edit.setText("Sep 2018")  # typed, not yet confirmed
    popup.hide()  # closing the popup keeps it
    assert view.model.filters.date_from == datetime(2018, 9, 1)
    button.open_popup()
    assert popup.from_edit.text() == "Sep 2018", "what was typed into From stays"
    assert view.dates_button.range()[0] == datetime(2018, 9, 1)
    type_date(popup.to_edit, "2019?")  # c. 2019 ends in 2020
    assert view.model.filters.date_to.date() == date(2020, 12, 31)
    type_date(popup.from_edit, "3-5 March 2020")  # a range in From fills both
    assert (popup.from_edit.text(), popup.to_edit.text()) == ("2020-03-03", "2020-03-05")
    assert view.model.filters.date_to.date() == date(2020, 3, 5)
    popup.dayfirst = True
    type_date(popup.from_edit, "07/09/2018")
    assert view.model.filters.date_from == datetime(2018, 9, 7)
    type_date(popup.from_edit, "the big storm")
    assert "cannot read" in popup.message.text()
    assert view.model.filters.date_from == datetime(2018, 9, 7), "bad text keeps the filter"
    popup.hide()

"""Help, shortcuts, the View menu's timeline commands and empty states."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from desktop.ui.dialogs import SHORTCUTS
from desktop.ui.timeline.canvas import EMPTY_HINT


def test_every_shortcut_of_the_window_is_in_the_f1_table(qtbot, window):
    listed = {part.strip() for keys, _ in SHORTCUTS for part in keys.split("/")}
    listed |= {keys for keys, _ in SHORTCUTS}
    missing = []
    for name, action in window.actions_by_name.items():
        text = action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        if text and text not in listed:
            missing.append(f"{name}: {text}")
    assert not missing, missing
    for key in ("F (timeline)", "Z (timeline)", "Ctrl+Shift+E", "Ctrl+,"):
        assert key in listed
    window.actions_by_name["shortcuts"].trigger()
    table = window.dialogs.shortcuts_dialog.table
    assert table.rowCount() == len(SHORTCUTS)
    window.dialogs.shortcuts_dialog.close()


def test_help_getting_started_is_offline_and_covers_the_tour(qtbot, window):
    window.actions_by_name["getting_started"].trigger()
    dialog = window.dialogs.help_dialog
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.browser.toPlainText()
    for words in ("Getting started", "Review queue", "Ctrl+E", "3-5 March 2020", "Export",
                  "F1"):
        assert words in text, words
    dialog.close()


def test_view_menu_has_the_timeline_commands(qtbot, window):
    view = window.central.timeline
    acts = window.actions_by_name
    acts["group_tag"].trigger()
    assert view.model.grouping == "tag"
    acts["group_lane"].trigger()
    assert view.model.grouping == "lane"
    view.set_visible_range(*[d.replace(year=2000) for d in view.visible_range()])
    acts["fit_all"].trigger()
    lo, hi = view.visible_range()
    starts = [e.earliest for e in view.model.events.values()]
    assert lo <= min(starts) and hi >= min(starts)
    acts["theme_dark"].trigger()
    assert window.preferences.theme == "dark"
    acts["theme_light"].trigger()
    assert window.preferences.theme == "light"


def test_view_menu_grouping_and_theme_entries_show_what_is_in_force(qtbot, window):
    acts = window.actions
    view = window.central.timeline
    checked = lambda entries: [k for k, a in entries.items() if a.isChecked()]  # noqa: E731
    assert checked(acts.groupings) == ["lane"]
    view.group_box.setCurrentIndex(view.group_box.findData("outlet"))  # the toolbar combo
    assert view.model.grouping == "outlet"
    assert checked(acts.groupings) == ["outlet"]
    acts.groupings["tag"].trigger()  # the menu moves the combo
    assert view.group_box.currentData() == "tag" and checked(acts.groupings) == ["tag"]
    view.set_grouping("article")  # a saved view or the reopened state
    assert checked(acts.groupings) == ["article"]
    assert checked(acts.themes) == [window.preferences.theme]
    acts.themes["dark"].trigger()
    assert checked(acts.themes) == ["dark"]
    acts.themes["light"].trigger()
    assert checked(acts.themes) == ["light"]


def test_an_empty_workspace_shows_a_hint_not_a_1970_axis(qtbot, make_window, workspace_path):
    from desktop.store import open_workspace

    open_workspace(workspace_path).close()
    window = make_window(workspace_path)
    canvas = window.central.timeline.canvas
    qtbot.waitUntil(lambda: canvas.isVisible())
    image = canvas.grab().toImage()
    assert not canvas.hits and "No events yet" in EMPTY_HINT and "Ctrl+N" in EMPTY_HINT
    # the canvas paints a plain page with the hint: no axis band in the top rows
    top = {image.pixel(x, 10) for x in range(0, image.width(), 7)}
    assert len(top) <= 3, "no axis labels or ticks are drawn"


def test_reader_context_menu_makes_an_event_from_the_selection(qtbot, window):
    from desktop.services.library import event_detail
    from desktop.services.queries import article_detail

    row = next(r for r in window.library.model.rows if r["source_file"].startswith("000"))
    window.library.select(row["id"])
    qtbot.waitUntil(lambda: window.reader.article and window.reader.article["id"] == row["id"])
    text = article_detail(window.ws, row["id"])["text"]
    quote = "In early September, the forces loyal to Syrian President Bashar al-Assad"
    start = text.index(quote)
    menu = window.reader.text.context_menu()
    assert not menu.actions()[0].isEnabled(), "nothing selected: nothing to make"
    window.reader.select_span(start, start + len(quote))
    menu = window.reader.text.context_menu()
    action = menu.actions()[0]
    assert action.text().startswith("&Event from selection") and action.isEnabled()
    before = {e.id for e in window.events}
    action.trigger()
    (new,) = [e for e in window.events if e.id not in before]
    event = event_detail(window.ws, new.id)
    assert event["citations"][0]["quote"] == quote and event["start"].to_timex() == "2018-09"


def test_review_queue_context_menu_accepts_and_rejects(qtbot, window):
    from PySide6.QtCore import QPoint

    panel = window.review
    first = panel.model.rows[0].id
    rect = panel.view.visualRect(panel.model.index(0, 3))
    panel._context_menu(rect.center())
    texts = [a.text().split("\t")[0] for a in panel.menu.actions()]
    assert texts == ["&Accept", "&Reject", "&Edit date", "&Merge into another event…"]
    panel.menu.actions()[0].trigger()
    panel.menu.close()
    assert window.event_by_id(first).status == "accepted"
    assert first not in [r.id for r in panel.model.rows]
    assert isinstance(rect.center(), QPoint)


def test_empty_tables_say_what_to_do(qtbot, window):
    lib = window.library
    lib.filter.setText("zzqx-nothing-like-this")
    qtbot.waitUntil(lambda: lib.proxy.rowCount() == 0, timeout=5000)
    qtbot.waitUntil(lambda: lib.empty_hint.label.isVisible(), timeout=5000)
    assert "No article matches “zzqx-nothing-like-this”" in lib.empty_hint.label.text()
    lib.filter.clear()
    qtbot.waitUntil(lambda: not lib.empty_hint.label.isVisible(), timeout=5000)
    panel = window.review
    assert not panel.empty_hint.label.isVisible()
    window.event_actions.set_status([r.id for r in panel.model.rows], "accepted")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=5000)
    assert panel.empty_hint.label.isVisible()
    assert "Nothing left to review" in panel.empty_hint.label.text()

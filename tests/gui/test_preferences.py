"""Edit > Preferences, the theme, the toolbar and the action icons."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QToolBar

from desktop.ui import theme
from desktop.ui.icons import NAMES, icon
from desktop.ui.preferences import Preferences, apply_preferences


@pytest.fixture(autouse=True)
def keep_palette():
    """The palette is the application's: put it back for the other tests."""
    app = QApplication.instance()
    before = app.palette() if app is not None else None
    yield
    if app is not None and before is not None:
        app.setPalette(before)


def test_preferences_round_trip_through_the_settings(settings):
    prefs = Preferences(date_order="DMY", language="fr", page="A3", theme="dark")
    prefs.save(settings)
    assert Preferences.load(settings) == prefs
    assert prefs.dayfirst and not Preferences(date_order="MDY").dayfirst
    settings.setValue("preferences/theme", "purple")
    settings.setValue("preferences/date_order", "YMD")
    loaded = Preferences.load(settings)
    assert loaded.theme == "system" and loaded.date_order in ("DMY", "MDY")


def test_preferences_dialog_saves_and_applies(qtbot, window):
    action = window.actions_by_name["preferences"]
    assert not action.shortcut().isEmpty()
    standard = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    assert action.shortcut() == (standard[0] if standard else QKeySequence("Ctrl+,"))
    action.trigger()
    dialog = window.dialogs.preferences_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.date_order.setCurrentIndex(dialog.date_order.findData("DMY"))
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.page.setCurrentIndex(dialog.page.findData("Letter"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.accept()
    assert window.preferences == Preferences("DMY", "de", "Letter", "dark")
    assert window.settings.value("preferences/language") == "de"
    assert Preferences.load(window.settings) == window.preferences
    # what the next import reads
    assert window.importer.dayfirst is True and window.importer.language == "de"
    assert theme.is_dark(QApplication.instance().palette())
    # the default page size pre-fills the export dialog
    window.actions_by_name["export"].trigger()
    assert window.dialogs.export_dialog.form.page.currentText() == "Letter"
    window.dialogs.export_dialog.close()


def test_themes_set_the_palette(qtbot, window):
    app = QApplication.instance()
    apply_preferences(window.ctx, Preferences(theme="dark"))
    assert theme.is_dark(app.palette())
    apply_preferences(window.ctx, Preferences(theme="light"))
    assert not theme.is_dark(app.palette())
    assert theme.resolve("system", app) in ("light", "dark")
    apply_preferences(window.ctx, Preferences(theme="system"))
    assert theme.is_dark(app.palette()) == theme.system_is_dark(app)


def test_icons_follow_the_theme(qtbot, window):
    app = QApplication.instance()
    apply_preferences(window.ctx, Preferences(theme="dark"))
    dark = window.actions_by_name["export"].icon().pixmap(24, 24).toImage()
    apply_preferences(window.ctx, Preferences(theme="light"))
    light = window.actions_by_name["export"].icon().pixmap(24, 24).toImage()

    def ink(image):
        pixels = [image.pixelColor(x, y) for x in range(24) for y in range(24)]
        drawn = [c for c in pixels if c.alpha() > 200]
        assert drawn
        return sum(c.lightness() for c in drawn) / len(drawn)

    assert ink(dark) > 160 > 100 > ink(light)
    assert not theme.is_dark(app.palette())


def test_actions_have_icons_and_the_toolbar_holds_the_key_ones(window):
    for name in ("import", "export", "undo", "redo", "new_event", "accept", "reject", "merge",
                 "preferences"):
        assert not window.actions_by_name[name].icon().isNull(), name
    (bar,) = [b for b in window.findChildren(QToolBar) if b.objectName() == "main-toolbar"]
    names = {a: n for n, a in window.actions_by_name.items()}
    on_bar = [names.get(a) for a in bar.actions() if not a.isSeparator()]
    assert on_bar == ["import", "export", "undo", "redo", "new_event", "accept", "reject",
                      "merge"]
    for action in bar.actions():
        if not action.isSeparator():
            assert bar.widgetForAction(action).accessibleName()
    for name in ("zoom_in", "zoom_out", "fit"):  # for the timeline view
        assert not icon(name).isNull() and name in NAMES


def test_toolbar_accept_acts_on_the_review_queue(queued, qtbot, window):
    first = queued(window)[0]["id"]
    window.review.select_row(0)
    window.actions_by_name["accept"].trigger()
    assert window.event_by_id(first).status == "accepted"
    window.actions_by_name["undo"].trigger()
    assert window.event_by_id(first).status == "suggested"


def test_the_app_has_its_icon_and_style_sheet(window):
    from desktop.ui.app import app_icon

    icon = app_icon()
    assert not icon.isNull() and {s.width() for s in icon.availableSizes()} >= {16, 48, 256}
    app = QApplication.instance()
    assert "main-toolbar" in app.styleSheet()
    assert app.desktopFileName() == "chronologue"


def test_review_actions_are_off_when_the_queue_is_empty(qtbot, make_window, tmp_path):
    empty = make_window(tmp_path / "empty.chronologue")
    assert not empty.actions_by_name["accept"].isEnabled()
    assert not empty.actions_by_name["merge"].isEnabled()
    assert empty.actions_by_name["export"].isEnabled()


def test_date_order_and_language_reach_the_import(make_window, workspace_path, tmp_path,
                                                  wait_import) -> None:  # fmt: skip
    from desktop.services.queries import article_rows, event_rows
    from desktop.ui.preferences import Preferences, apply_preferences

    note = tmp_path / "note.txt"
    note.write_text("The convoy was hit on 05/09/2018 near the crossing.\n", encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Le convoi est arrivé le 5 septembre 2018.</p></body></html>",
                    encoding="utf-8")  # fmt: skip
    window = make_window(workspace_path)
    apply_preferences(window.ctx, Preferences(date_order="DMY", language="fr"))
    window.import_paths([note, page])
    wait_import(window)
    assert [e["value"] for e in event_rows(window.ws)] == ["2018-09-05", "2018-09-05"]
    with window.ws.session() as s:
        from sqlalchemy import text

        langs = dict(s.execute(text("SELECT source_file, language FROM articles")).all())
    assert langs == {"note.txt": "fr", "page.html": "fr"}
    assert len(article_rows(window.ws)) == 2

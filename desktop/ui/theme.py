"""Light and dark palettes, and "system", which follows the platform's colour scheme.

Colours come from one palette so the stylesheet (which uses palette(...) roles) and the
tinted action icons follow the theme without their own colour tables.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QColorDialog, QWidget

THEMES = ("system", "light", "dark")
THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}

BASE_SHEET = "chronologueBaseSheet"
SHEET_MODE = "chronologueSheetTheme"  # theme and palette the sheet last polished with
# Fusion outlines an unchecked box in the window colour darkened: invisible on a dark
# base. Only the unchecked state is styled, so checked boxes keep the style's tick.
DARK_SHEET = """
QCheckBox::indicator:unchecked, QAbstractItemView::indicator:unchecked,
QGroupBox::indicator:unchecked {
    border: 1px solid #9aa1ab; border-radius: 2px; background: #1d1f23;
    width: 12px; height: 12px;
}
"""

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


def dark_palette() -> QPalette:
    """A calm dark palette (not pure black: long reading sessions)."""
    p = QPalette()
    colors = {
        Role.Window: "#26292e", Role.WindowText: "#e6e8eb", Role.Base: "#1d1f23",
        Role.AlternateBase: "#24272c", Role.ToolTipBase: "#33373d", Role.ToolTipText: "#e6e8eb",
        Role.PlaceholderText: "#8b929c", Role.Text: "#e6e8eb", Role.Button: "#2e3238",
        Role.ButtonText: "#e6e8eb", Role.BrightText: "#ff6b6b", Role.Light: "#3b4047",
        Role.Midlight: "#33373d", Role.Mid: "#464b53", Role.Dark: "#15171a",
        Role.Shadow: "#0b0c0e", Role.Highlight: "#3d74c4", Role.HighlightedText: "#ffffff",
        Role.Link: "#7aa8f0", Role.LinkVisited: "#b59cf0",
    }
    for role, value in colors.items():
        p.setColor(role, QColor(value))
    for role, value in ((Role.WindowText, "#767c85"), (Role.Text, "#767c85"),
                        (Role.ButtonText, "#767c85"), (Role.Highlight, "#3a3f46")):
        p.setColor(Group.Disabled, role, QColor(value))
    return p


def light_palette() -> QPalette:
    """The style's own light palette, with a blue highlight matching the app icon."""
    app = QGuiApplication.instance()
    style = getattr(app, "style", None)
    p = style().standardPalette() if callable(style) else QPalette()
    p.setColor(Group.Active, Role.Highlight, QColor("#2f6fc4"))
    p.setColor(Group.Inactive, Role.Highlight, QColor("#c9d8ee"))
    p.setColor(Group.Inactive, Role.HighlightedText, QColor("#1f2328"))
    return p


def system_is_dark(app: QGuiApplication) -> bool:
    """True when the platform reports a dark colour scheme (Qt 6.5+), else False."""
    hints = app.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return callable(scheme) and scheme() == Qt.ColorScheme.Dark


def resolve(theme: str, app: QGuiApplication) -> str:
    """"light" or "dark" for a theme setting ("system" asks the platform)."""
    if theme == "system":
        return "dark" if system_is_dark(app) else "light"
    return theme if theme in ("light", "dark") else "light"


def apply_theme(app: QGuiApplication, theme: str) -> str:
    """Set the application palette for `theme`; returns "light" or "dark"."""
    mode = resolve(theme, app)
    if mode == "dark" and hasattr(app, "setStyle") and callable(getattr(app, "style", None)):
        if app.style().name().lower() in ("windowsvista", "windows"):
            app.setStyle("Fusion")  # the native Windows styles ignore a dark palette
    if mode == "dark":
        app.setPalette(dark_palette())
    elif theme == "system":
        app.setPalette(QPalette())  # nothing explicit: the platform's own (e.g. KDE) colours
    else:
        app.setPalette(light_palette())
    if hasattr(app, "styleSheet"):
        base = app.property(BASE_SHEET)
        if base is None:  # the sheet create_app loaded, before any theme's additions
            base = app.styleSheet()
            app.setProperty(BASE_SHEET, base)
        sheet = base + (DARK_SHEET if mode == "dark" else "")
        # widgets polished by the style sheet keep their old palette otherwise; the
        # same sheet again is not re-parsed (each new window applies the theme)
        polished = f"{theme}:{app.palette().color(Role.Window).rgba()}"
        if sheet and (sheet != app.styleSheet() or app.property(SHEET_MODE) != polished):
            app.setStyleSheet(sheet)
            app.setProperty(SHEET_MODE, polished)
    return mode


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < 128


def pick_colour(parent: QWidget | None, initial: QColor, title: str) -> QColor:
    """Qt's own colour dialog, never the platform's: a native (GTK) one ignores the app's
    palette and stays light in the dark theme. An invalid colour means cancelled."""
    return QColorDialog.getColor(initial, parent, title,
                                 QColorDialog.ColorDialogOption.DontUseNativeDialog)

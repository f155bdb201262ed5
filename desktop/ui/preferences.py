"""Edit > Preferences: numeric date order, default article language, page size, theme,
and the name recorded with your edits.

The values live in the window's own QSettings (tests redirect it to a temp file) and
reach the rest of the window through the small `Preferences` dataclass.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QSettings
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.store.history import MAX_AUTHOR, clean_author, default_author
from desktop.ui.theme import THEME_LABELS, THEMES, apply_theme

if TYPE_CHECKING:
    from desktop.ui.context import WindowContext

GROUP = "preferences"
DATE_ORDERS = {"DMY": "Day first: 05/09/2018 is 5 September 2018",
               "MDY": "Month first: 05/09/2018 is May 9, 2018"}
LANGUAGES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish",
             "ar": "Arabic", "ru": "Russian", "tr": "Turkish", "it": "Italian",
             "pt": "Portuguese", "nl": "Dutch", "uk": "Ukrainian", "fa": "Persian"}
PAGES = ("A4", "A3", "Letter", "Tabloid")


def locale_date_order() -> str:
    """DMY unless the user's locale writes the month first (as in the US)."""
    fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat).lower().lstrip("'")
    return "MDY" if fmt.startswith("m") else "DMY"


@dataclass
class Preferences:
    date_order: str = "MDY"  # how numeric dates like 05/09/2018 are read
    language: str = "en"  # for articles whose language is not detected
    page: str = "A4"  # pre-fills the export dialog
    theme: str = "system"
    author: str = ""  # recorded with every edit; empty: the operating system's user name

    @property
    def dayfirst(self) -> bool:
        return self.date_order == "DMY"

    @classmethod
    def load(cls, settings: QSettings) -> Preferences:
        """Stored values, with defaults for missing or unknown ones."""
        base = cls(date_order=locale_date_order())
        values = {}
        for key, default in asdict(base).items():
            value = settings.value(f"{GROUP}/{key}", default)
            values[key] = str(value) if value not in (None, "") else default
        prefs = cls(**values)
        if prefs.date_order not in DATE_ORDERS:
            prefs.date_order = base.date_order
        if prefs.theme not in THEMES:
            prefs.theme = base.theme
        if not prefs.language.isalpha():
            prefs.language = base.language
        return prefs

    def save(self, settings: QSettings) -> None:
        for key, value in asdict(self).items():
            settings.setValue(f"{GROUP}/{key}", value)
        settings.sync()


def _combo(items: dict[str, str], current: str, name: str, tip: str) -> QComboBox:
    combo = QComboBox()
    for key, label in items.items():
        combo.addItem(label, key)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.setAccessibleName(name)
    combo.setToolTip(tip)
    return combo


class PreferencesDialog(QDialog):
    """Edits a copy of the preferences; the window applies them on OK."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("preferences-dialog")
        self.date_order = _combo(DATE_ORDERS, prefs.date_order, "Numeric date order",
                                 "How dates written only in digits are read: in imported "
                                 "articles and in the dates you type")
        languages = {code: f"{name} ({code})" for code, name in LANGUAGES.items()}
        if prefs.language not in languages:
            languages[prefs.language] = prefs.language
        self.language = _combo(languages, prefs.language, "Default article language",
                               "Used for articles whose language cannot be detected")
        self.page = _combo({p: p for p in PAGES}, prefs.page, "Default page size",
                           "Pre-fills File > Export")
        if self.page.findData(prefs.page) < 0:  # a custom size chosen elsewhere
            self.page.addItem(prefs.page, prefs.page)
            self.page.setCurrentIndex(self.page.count() - 1)
        self.theme = _combo(THEME_LABELS, prefs.theme, "Theme",
                            "Light, dark, or whatever the desktop uses")
        self.author = QLineEdit(prefs.author)
        self.author.setPlaceholderText(default_author())
        self.author.setMaxLength(MAX_AUTHOR)
        self.author.setAccessibleName("Your name")
        self.author.setToolTip("Recorded with each of your edits, so that others sharing the "
                               "workspace see who changed what (empty: your user name)")
        form = QFormLayout()
        form.addRow("Numeric &dates:", self.date_order)
        form.addRow("Article &language:", self.language)
        form.addRow("Export &page size:", self.page)
        form.addRow("&Theme:", self.theme)
        form.addRow("Your &name:", self.author)
        note = QLabel("Date order applies to the dates you type now and to articles imported "
                      "from now on; language to articles imported from now on.")
        note.setWordWrap(True)
        note.setProperty("role", "note")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def value(self) -> Preferences:
        return Preferences(date_order=self.date_order.currentData(),
                           language=self.language.currentData(),
                           page=self.page.currentData(), theme=self.theme.currentData(),
                           author=" ".join(self.author.text().split()))


def apply_preferences(ctx: WindowContext, prefs: Preferences, *, theme: bool = True) -> None:
    """Make `prefs` current: the theme now, the import options for the next import (the
    window hands them on to its importer, editor and timeline on `preferences_changed`).
    `theme=False`: the caller applied `prefs.theme` already (a new window does, before
    its panes exist, so the style sheet is not re-polished over every widget)."""
    ctx.preferences = prefs
    ctx.ws.author = clean_author(prefs.author) if prefs.author else default_author()
    if theme:
        apply_app_theme(prefs.theme)
    ctx.preferences_changed.emit(prefs)


def apply_app_theme(theme: str) -> None:
    """The theme on the running application (none: nothing to style)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_theme(app, theme)


def open_preferences(ctx: WindowContext) -> PreferencesDialog:
    """Show the dialog (non-blocking); OK saves to the window's settings and applies."""
    dialog = PreferencesDialog(ctx.preferences or Preferences(), ctx.host)

    def accepted() -> None:
        prefs = dialog.value()
        prefs.save(ctx.settings)
        apply_preferences(ctx, prefs)
        ctx.status("Preferences saved.", 4000)

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


class SchemeFollower(QObject):
    """Re-applies the "system" theme when the desktop switches between light and dark."""

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        app = QApplication.instance()
        signal = getattr(app.styleHints(), "colorSchemeChanged", None) if app else None
        if signal is not None:
            signal.connect(self.changed)

    def changed(self, _scheme: object = None) -> None:
        prefs = self.ctx.preferences
        if prefs is not None and prefs.theme == "system":
            apply_preferences(self.ctx, prefs)

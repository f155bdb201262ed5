"""Article details…: fix what import detected (title, outlet, URL, author, language, date).

The dialog only collects and checks values (with the service's own rules, so the user
sees why before anything is written); applying them is one EditArticleCommand.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.services.articles import RECOMPUTE, clean_changes
from desktop.services.queries import article_detail
from desktop.ui.article_commands import EditArticleCommand
from desktop.ui.preferences import LANGUAGES

if TYPE_CHECKING:
    from desktop.ui.context import WindowContext

TEXT_FIELDS = ("title", "outlet", "url", "author")
_CODE = re.compile(r"\(([^()]+)\)\s*$")


class ArticleDialog(QDialog):
    """Edits one article's details; accept() refuses (and says why) while a value is bad."""

    def __init__(self, detail: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Article details")
        self.detail = detail
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for name, label, tip, hint in (
            ("title", "&Title:", "The article's headline", ""),
            ("outlet", "&Outlet:", "The newspaper, agency or site that published it", ""),
            ("url", "&URL:", "Its web address (http:// or https://); empty if none",
             "https://…"),
            ("author", "A&uthor:", "Who wrote it; empty if unknown", ""),
        ):
            edit = QLineEdit(detail.get(name) or "", placeholderText=hint)
            edit.setAccessibleName(f"Article {name}")
            edit.setToolTip(tip)
            edit.setClearButtonEnabled(True)
            edit.textEdited.connect(lambda _t: self.error.hide())
            self.edits[name] = edit
            form.addRow(label, edit)
        self.language = QComboBox()
        self.language.setEditable(True)
        self.language.setAccessibleName("Article language")
        self.language.setToolTip("The language the dates are read in (a code such as 'en'); "
                                 "changing it recomputes the article's pending suggestions")
        for code, name in LANGUAGES.items():
            self.language.addItem(f"{name} ({code})", code)
        current = detail.get("language") or "en"
        index = self.language.findData(current)
        if index < 0:
            self.language.addItem(current, current)
            index = self.language.count() - 1
        self.language.setCurrentIndex(index)
        form.addRow("&Language:", self.language)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setAccessibleName("Publication date")
        self.date.setToolTip("Relative dates in the text ('on Friday') are placed from this "
                             "date; changing it recomputes the article's pending suggestions")
        when = date.fromisoformat(detail["published"]) if detail.get("published") else None
        shown = when or date.today()
        self.date.setDate(QDate(shown.year, shown.month, shown.day))
        self.undated = QCheckBox("&Undated")
        self.undated.setAccessibleName("Article is undated")
        self.undated.setToolTip("The article has no known publication date; its relative "
                                "dates wait until one is set")
        self.undated.toggled.connect(lambda on: self.date.setEnabled(not on))
        self.undated.setChecked(when is None)
        self.date.setEnabled(when is not None)
        row = QHBoxLayout()
        row.addWidget(self.date)
        row.addWidget(self.undated)
        row.addStretch(1)
        published = QLabel("&Published:")
        published.setBuddy(self.date)
        form.addRow(published, row)
        source = detail.get("source_file") or "pasted text"
        self.source = QLabel(escape(source))
        self.source.setToolTip(source)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long file name is cut at the dialog's edge instead of widening it.
        self.source.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.source.setMinimumWidth(1)
        form.addRow("Source file:", self.source)
        form.addRow("Imported:", QLabel(self._source_html(detail)))
        note = QLabel("Changing the language or the date recomputes the article's pending "
                      "suggestions; accepted and rejected events stay as they are.")
        note.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Problem with the article details")
        self.error.setStyleSheet("color: #c0392b; font-weight: bold")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    @staticmethod
    def _source_html(d: dict[str, Any]) -> str:
        bits = [escape((d.get("source_format") or "").upper()),
                f"{d.get('chars', 0):,} characters"]
        if d.get("imported_at"):
            bits.insert(0, escape(d["imported_at"].replace("T", " ")))
        return " · ".join(b for b in bits if b)

    # -- values -------------------------------------------------------------------------------
    def language_code(self) -> str:
        text = self.language.currentText().strip()
        index = self.language.findText(text)
        if index >= 0:
            return str(self.language.itemData(index))
        found = _CODE.search(text)
        return found.group(1).strip() if found else text

    def published(self) -> date | None:
        if self.undated.isChecked():
            return None
        return self.date.date().toPython()  # type: ignore[return-value]

    def values(self) -> dict[str, Any]:
        """Everything the form shows, as typed."""
        out: dict[str, Any] = {name: edit.text() for name, edit in self.edits.items()}
        out["language"] = self.language_code()
        out["published"] = self.published()
        return out

    def changes(self) -> dict[str, Any]:
        """The cleaned values that differ from the article; ValueError if one is bad."""
        cleaned = clean_changes(self.values())
        old = dict(self.detail)
        old["published"] = date.fromisoformat(old["published"]) if old.get("published") else None
        return {k: v for k, v in cleaned.items() if v != old.get(k)}

    def accept(self) -> None:
        try:
            self.changes()
        except ValueError as exc:
            self.show_problem(str(exc))
            return
        super().accept()

    def show_problem(self, message: str) -> None:
        """Say what is wrong next to the form and put the cursor in the field at fault."""
        self.error.setText(message)
        self.error.show()
        layout = self.layout()
        need = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else 0
        self.resize(self.width(), max(self.height(), need, self.sizeHint().height()))
        for name in (*TEXT_FIELDS, "language"):
            try:
                clean_changes({name: self.values()[name]})
            except ValueError:
                widget = self.edits.get(name) or self.language
                widget.setFocus()
                if isinstance(widget, QLineEdit):
                    widget.selectAll()
                return


def open_article_dialog(ctx: WindowContext, article_id: int | None,
                        article_changed: Callable[[int], None]) -> ArticleDialog | None:
    """Library double-click, context menu and Event > Article details… all land here;
    returns the open dialog (None and a status line if there is no such article)."""
    detail = article_detail(ctx.ws, article_id) if article_id else None
    if detail is None:
        ctx.status("Select an article first.", 5000)
        return None
    dialog = ArticleDialog(detail, ctx.host)
    dialog.setObjectName("article-dialog")
    dialog.accepted.connect(lambda: apply_article_changes(ctx, detail["id"], dialog.changes(),
                                                          article_changed))
    dialog.open()
    return dialog


def apply_article_changes(ctx: WindowContext, article_id: int, changes: dict[str, Any],
                          article_changed: Callable[[int], None]) -> bool:
    """One undoable command for all the changes; False if there were none or it failed.
    A new date or language recomputes the article's suggestions: on the task runner (the
    window stays usable; the step is stacked when it is done). `article_changed` forgets
    the reader's date marks (they depend on language and date)."""
    if not changes:
        return False
    command = EditArticleCommand(ctx.ws, article_id, changes, ctx.report_error,
                                 article_changed)
    if not any(k in RECOMPUTE for k in changes):
        if ctx.run(command):
            ctx.status("Article details saved.", 10000)
            return True
        return False
    ctx.status("Recomputing this article's suggestions…", 0)

    def then() -> None:
        ctx.status(f"Article details saved; {command.added} suggestions recomputed.", 10000)

    return ctx.run_in_background(command, then) is not None

"""File > Open shared workspace…: host, port, database and user, tested before opening.

There is no password field on purpose: libpq reads the password from ~/.pgpass, a
service file or PGPASSWORD, so Chronologue never holds or stores one. The fields are
remembered (without any password) for next time.
"""

from __future__ import annotations

import getpass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.team import ConnectionCheck, check_connection
from desktop.store.location import Location, LocationError, postgres_location

if TYPE_CHECKING:
    from desktop.ui.team import TeamSupport

SSL_MODES = ("", "disable", "prefer", "require", "verify-ca", "verify-full")
PASSWORD_HELP = ("No password field: put the password in ~/.pgpass "
                 "(host:port:database:user:password, readable only by you) or in PGPASSWORD. "
                 "Ask your administrator for the values (README: Team workspace).")


class SharedWorkspaceDialog(QDialog):
    chosen = Signal(object)  # a Location, once the connection test succeeded

    def __init__(self, team: TeamSupport, settings: QSettings, parent: QWidget | None = None
                 ) -> None:  # fmt: skip
        super().__init__(parent)
        self.team, self.settings = team, settings
        self.location: Location | None = None
        self.tested: Location | None = None
        self.setWindowTitle("Open shared workspace")
        self.host = QLineEdit(str(settings.value("shared/host", "") or ""))
        self.host.setPlaceholderText("db.example.org (empty: this computer)")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(int(settings.value("shared/port", 5432) or 5432))
        self.database = QLineEdit(str(settings.value("shared/database", "") or ""))
        self.database.setPlaceholderText("timeline")
        self.user = QLineEdit(str(settings.value("shared/user", "") or _os_user()))
        self.ssl = QComboBox()
        for mode in SSL_MODES:
            self.ssl.addItem(mode or "as libpq is configured", mode)
        self.ssl.setCurrentIndex(max(0, self.ssl.findData(settings.value("shared/sslmode", ""))))
        for widget, name in ((self.host, "Host"), (self.port, "Port"),
                             (self.database, "Database"), (self.user, "User name"),
                             (self.ssl, "SSL mode")):
            widget.setAccessibleName(name)
        self.result = QLabel(PASSWORD_HELP)
        self.result.setObjectName("connectionResult")
        self.result.setWordWrap(True)
        self.result.setAccessibleName("Connection test result")
        self.test_button = QPushButton("&Test connection")
        self.test_button.clicked.connect(self.test)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setEnabled(False)
        self.open_button.setToolTip("Test the connection first")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Host", self.host)
        form.addRow("&Port", self.port)
        form.addRow("&Database", self.database)
        form.addRow("&User", self.user)
        form.addRow("&SSL", self.ssl)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        for edit in (self.host, self.database, self.user):
            edit.textChanged.connect(self._untested)
        self.port.valueChanged.connect(self._untested)
        self.ssl.currentIndexChanged.connect(self._untested)
        self.resize(520, 0)

    def current_location(self) -> Location:
        ssl = self.ssl.currentData()
        return postgres_location(self.host.text(), self.port.value(), self.database.text(),
                                 self.user.text(), {"sslmode": ssl} if ssl else None)

    def _untested(self) -> None:
        self.tested = None
        self.open_button.setEnabled(False)

    def test(self) -> None:
        try:
            location = self.current_location()
        except LocationError as exc:
            self.result.setText(f"Cannot test: {exc}.")
            return
        self.test_button.setEnabled(False)
        self.result.setText(f"Connecting to {location}…")
        self.team.run_in_background(lambda: check_connection(location),
                                    lambda check: self._tested(location, check))

    def _tested(self, location: Location, check: object) -> None:
        self.test_button.setEnabled(True)
        if not isinstance(check, ConnectionCheck):
            self.result.setText(f"The test failed: {check}")
            return
        self.result.setText(check.message if check.ok else f"{check.message}\n\n{PASSWORD_HELP}")
        if check.ok and location == self._safe_location():
            self.tested = location
            self.open_button.setEnabled(True)
            self.open_button.setFocus()

    def _safe_location(self) -> Location | None:
        try:
            return self.current_location()
        except LocationError:
            return None

    def accept(self) -> None:
        if self.tested is None:
            return
        for key, value in (("host", self.host.text()), ("port", self.port.value()),
                           ("database", self.database.text()), ("user", self.user.text()),
                           ("sslmode", self.ssl.currentData())):
            self.settings.setValue(f"shared/{key}", value)
        self.location = self.tested
        super().accept()
        self.chosen.emit(self.tested)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""

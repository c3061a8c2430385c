"""The Help menu: About (version, licence, the Qt for Python (LGPL) notice, the disclaimer and
the sources) and Keys (the keyboard and clicker keys).

About is a dialog of its own (not QMessageBox.about) so it can be opened without blocking and
tested.
"""

from __future__ import annotations

import html

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from massage_trainer import __version__

LICENCE = "GPL-3.0-or-later"
QT_LICENCE = "LGPL-3.0"
QT_SOURCE = "https://code.qt.io"


def about_html() -> str:
    """The About text in the UI language (rich text for a QLabel)."""
    e = html.escape
    name = QCoreApplication.translate("About", "Massage Trainer")
    version = QCoreApplication.translate("About", "Version %1").replace("%1", __version__)
    what = QCoreApplication.translate(
        "About",
        "Guides a back massage step by step: an animated diagram of the hands, a timer, "
        "sound and voice cues, and a safety checklist.",
    )
    disclaimer = QCoreApplication.translate(
        "About",
        "A guide, not medical advice. It does not replace a doctor or a trained massage "
        "therapist. Stop at once if the massage hurts.",
    )
    sources = QCoreApplication.translate(
        "About",
        "The techniques and safety questions come from two source texts on back massage: "
        "“Massage for back pain” and “Therapeutic and preventive massage of the lower back”. "
        "All wording in the app is our own.",
    )
    licence = QCoreApplication.translate(
        "About",
        "Free software under the GNU General Public License, version 3 or any later version "
        "(%1). It comes with no warranty.",
    ).replace("%1", LICENCE)
    qt = (
        QCoreApplication.translate("About", "Built with Qt %1 and PySide6 %2.")
        .replace("%1", qVersion())
        .replace("%2", PySide6.__version__)
    )
    lgpl = QCoreApplication.translate(
        "About",
        "Qt for Python (PySide6) and Qt are used under the GNU Lesser General Public License, "
        "version 3 (%1); their source code is available from the Qt Project at "
        "https://code.qt.io.",
    ).replace("%1", QT_LICENCE)
    link = f"<a href='{QT_SOURCE}'>{QT_SOURCE.removeprefix('https://')}</a>"
    return (
        f"<h2 style='margin-bottom:0'>{e(name)}</h2>"
        f"<p style='margin-top:2px'>{e(version)}</p>"
        f"<p>{e(what)}</p>"
        f"<p><b>{e(disclaimer)}</b></p>"
        f"<p>{e(sources)}</p>"
        f"<p>{e(licence)}</p>"
        f"<p>{e(qt)} {e(lgpl).replace(QT_SOURCE, link)}</p>"
    )


class AboutDialog(QDialog):
    """The About text with a Close button; text can be selected and copied."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Massage Trainer"))
        lay = QVBoxLayout(self)
        self.text = QLabel(about_html(), self)
        self.text.setObjectName("aboutText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.text.setOpenExternalLinks(True)
        self.text.setMinimumWidth(480)
        lay.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


def show_about(parent: QWidget | None) -> AboutDialog:
    """Open the About box without blocking (it deletes itself when closed)."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def show_keys(parent: QWidget | None) -> None:
    """Help ▸ Keys: every key and what it does, in a table."""
    from PySide6.QtWidgets import QMessageBox  # dialogs load after the first paint

    from massage_trainer.ui.session.keyboard import key_rows

    rows = "".join(
        f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td><td>{html.escape(v)}</td></tr>"
        for k, v in key_rows(parent if parent is not None else QWidget())
    )
    title = QCoreApplication.translate("About", "Keys")
    QMessageBox.information(parent, title, f"<table>{rows}</table>")

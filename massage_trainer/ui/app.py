"""Composition root: builds the QApplication and the window; nothing else creates app objects."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QMainWindow, QVBoxLayout, QWidget

from massage_trainer.core import catalog


def build_window(args: argparse.Namespace) -> QMainWindow:
    window = QMainWindow()
    window.setWindowTitle("Massage Trainer")
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.addWidget(QLabel("Choose a protocol:"))
    lst = QListWidget()
    for e in catalog.scan(args.data_dir):
        if e.protocol is not None:
            lst.addItem(f"{e.protocol.title}  ({e.protocol.estimated_minutes:g} min)")
    layout.addWidget(lst)
    window.setCentralWidget(central)
    window.resize(1024, 700)
    return window


def run_app(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Massage Trainer")
    app.setOrganizationName("massage-trainer")
    window = build_window(args)
    window.show()
    return int(app.exec())

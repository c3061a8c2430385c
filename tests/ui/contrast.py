"""Contrast measured from rendered pixels (WCAG 2.1 relative luminance), for the contrast tests.

A window is grabbed once; each widget's rectangle is cut out of that picture, so a label is seen on
whatever is really painted behind it. In a cut-out the most common colour is the background; every
other pixel is a mix of the background and some ink, so pixels are grouped by the direction in
which they leave the background, and the pixel that goes furthest in each group is that ink's
colour (the fully covered middle of a stroke). Inks with enough pixels are text (or, for a check
box, its outline and mark); each is compared with the background.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionGroupBox,
    QStyleOptionSpinBox,
    QTextEdit,
    QWidget,
)

TEXT_AA = 4.5
LARGE_TEXT_AA = 3.0
NON_TEXT_AA = 3.0


def _channel(v: float) -> float:
    v /= 255.0
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def luminance(rgb: tuple[int, int, int]) -> float:
    r, g, b = rgb
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def ratio(a: tuple[int, int, int] | str | QColor, b: tuple[int, int, int] | str | QColor) -> float:
    """The WCAG contrast ratio of two colours (1.0 .. 21.0)."""
    la, lb = luminance(_rgb(a)), luminance(_rgb(b))
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def _rgb(c: tuple[int, int, int] | str | QColor) -> tuple[int, int, int]:
    if isinstance(c, tuple):
        return c
    q = QColor(c)
    return (q.red(), q.green(), q.blue())


@dataclass(frozen=True)
class Ink:
    colour: tuple[int, int, int]
    pixels: int
    ratio: float


@dataclass(frozen=True)
class Reading:
    background: tuple[int, int, int]
    inks: tuple[Ink, ...]

    def lowest(self) -> Ink | None:
        return min(self.inks, key=lambda i: i.ratio) if self.inks else None


def pixels(image: QImage, rect: QRect) -> np.ndarray:
    """The RGB pixels of `rect` in `image`, as an (n, 3) integer array."""
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    rect = rect.intersected(img.rect())
    if rect.isEmpty():
        return np.zeros((0, 3), dtype=np.int32)
    ptr = img.constBits()
    arr = np.frombuffer(ptr, dtype=np.uint8).reshape(img.height(), img.bytesPerLine())
    arr = arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4)
    cut = arr[rect.top() : rect.bottom() + 1, rect.left() : rect.right() + 1, :3]
    return cut[:, :, ::-1].reshape(-1, 3).astype(np.int32)  # BGRA in memory


def read(
    px: np.ndarray, min_pixels: int = 12, background: tuple[int, int, int] | None = None
) -> Reading:
    """The background (most common colour unless given) and the inks drawn on it."""
    if len(px) == 0:
        return Reading((0, 0, 0), ())
    codes, counts = np.unique((px[:, 0] << 16) | (px[:, 1] << 8) | px[:, 2], return_counts=True)
    colours = np.stack([(codes >> 16) & 255, (codes >> 8) & 255, codes & 255], axis=1)
    if background is None:
        background = tuple(int(v) for v in colours[int(np.argmax(counts))])  # type: ignore[assignment]
    assert background is not None
    d = (colours - np.array(background)).astype(np.float64)
    n = np.sqrt((d**2).sum(axis=1))
    order = [i for i in np.argsort(-n) if n[i] >= 24]  # fainter pixels lean to no ink clearly
    directions: list[np.ndarray] = []
    extremes: list[tuple[int, int, int]] = []
    sizes: list[int] = []
    for i in order:  # furthest first: each ink's fully covered colour opens its group
        unit = d[i] / n[i]
        fits = [float(unit @ u) for u in directions]
        if fits and max(fits) >= 0.96:
            sizes[int(np.argmax(fits))] += int(counts[i])
            continue
        directions.append(unit)
        extremes.append(tuple(int(v) for v in colours[i]))  # type: ignore[arg-type]
        sizes.append(int(counts[i]))
    inks = [
        Ink(c, k, ratio(c, background))
        for c, k in zip(extremes, sizes, strict=True)
        if k >= min_pixels
    ]
    return Reading(background, tuple(sorted(inks, key=lambda i: i.ratio)))


def rect_in(widget: QWidget, top: QWidget, dpr: float = 1.0, inset: int = 0) -> QRect:
    """The widget's visible rectangle in the grabbed picture of `top` (device pixels)."""
    visible = widget.visibleRegion().boundingRect()
    if visible.isEmpty():
        return QRect()
    origin = widget.mapTo(top, visible.topLeft()) if widget is not top else visible.topLeft()
    r = QRect(origin, visible.size()).adjusted(inset, inset, -inset, -inset)
    return QRect(
        QPoint(int(r.left() * dpr), int(r.top() * dpr)),
        QPoint(int((r.right() + 1) * dpr) - 1, int((r.bottom() + 1) * dpr) - 1),
    )


def is_large(widget: QWidget) -> bool:
    """WCAG large text: 18 pt, or 14 pt bold (in CSS points: 24 px, 18.66 px at 96 dpi)."""
    f = widget.font()
    px = f.pixelSize() if f.pixelSize() > 0 else f.pointSizeF() * widget.logicalDpiY() / 72
    return px >= 24 or (f.bold() and px >= 18.66)


@dataclass(frozen=True)
class Finding:
    widget: str
    what: str
    measured: float
    needed: float
    colours: str

    def __str__(self) -> str:
        return f"{self.widget}: {self.what} {self.measured:.2f} < {self.needed} ({self.colours})"


def _name(w: QWidget) -> str:
    text = ""
    for getter in ("text", "title", "currentText"):
        if hasattr(w, getter):
            try:
                text = str(getattr(w, getter)())
            except TypeError:
                continue
            break
    text = " ".join(text.split())[:40]
    return f"{type(w).__name__}#{w.objectName() or '-'} '{text}'"


def _hex(c: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*c)


def _indicator(w: QAbstractButton) -> QRect:
    opt = QStyleOptionButton()
    opt.initFrom(w)
    element = (
        QStyle.SubElement.SE_RadioButtonIndicator
        if isinstance(w, QRadioButton)
        else QStyle.SubElement.SE_CheckBoxIndicator
    )
    return w.style().subElementRect(element, opt, w)


def _text_bearing(w: QWidget) -> bool:
    if isinstance(w, QLabel):
        return bool(w.text().strip()) and w.pixmap().isNull()
    if isinstance(w, (QAbstractButton, QGroupBox)):
        return bool((w.text() if isinstance(w, QAbstractButton) else w.title()).strip())
    return isinstance(w, (QComboBox, QAbstractSpinBox))


def check_window(top: QWidget, skip: tuple[type, ...] = ()) -> list[Finding]:
    """Every visible text and every check indicator in `top`, measured on one grab of it."""
    pix = top.grab()
    dpr = pix.devicePixelRatio()
    image = pix.toImage()
    found: list[Finding] = []
    for w in [top, *top.findChildren(QWidget)]:
        if not w.isVisible() or isinstance(w, skip) or w.visibleRegion().isEmpty():
            continue
        if isinstance(w, (QRadioButton, QCheckBox)):
            found += _check_indicator(w, top, image, dpr)
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            found += _check_cells(w, top, image, dpr)
        if isinstance(w, QTextEdit):  # the glossary, notes: the text on the page
            reading = read(pixels(image, rect_in(w.viewport(), top, dpr, inset=4)))
            ink = reading.lowest()
            if ink is not None and ink.ratio < TEXT_AA:
                found.append(
                    Finding(
                        _name(w),
                        "text",
                        ink.ratio,
                        TEXT_AA,
                        f"{_hex(ink.colour)} on {_hex(reading.background)}",
                    )
                )
        if not _text_bearing(w) or not w.isEnabled():
            continue
        region = _text_region(w, top, dpr)
        if isinstance(w, (QRadioButton, QCheckBox)):
            ind = _indicator(w)
            left = int((w.mapTo(top, ind.topLeft()).x() + ind.width() + 3) * dpr)
            region.setLeft(max(region.left(), left))
        reading = read(pixels(image, region))
        ink = reading.lowest()
        need = LARGE_TEXT_AA if is_large(w) else TEXT_AA
        if ink is not None and ink.ratio < need:
            found.append(
                Finding(
                    _name(w),
                    "text",
                    ink.ratio,
                    need,
                    f"{_hex(ink.colour)} on {_hex(reading.background)}",
                )
            )
    return found


def _check_cells(view: QAbstractItemView, top: QWidget, image: QImage, dpr: float) -> list[Finding]:
    """Each visible cell of a table or list, as drawn (status colours and all)."""
    model = view.model()
    port = view.viewport()
    out: list[Finding] = []
    for row in range(min(model.rowCount(), 60)):
        for col in range(model.columnCount()):
            rect = view.visualRect(model.index(row, col)).intersected(port.rect())
            if rect.height() < 8 or rect.width() < 8:
                continue
            at = port.mapTo(top, rect.topLeft())
            box = _device(QRect(at, rect.size()).adjusted(3, 2, -3, -2), dpr)
            reading = read(pixels(image, box), min_pixels=8)
            ink = reading.lowest()
            if ink is not None and ink.ratio < TEXT_AA:
                text = str(model.index(row, col).data() or "")[:30]
                out.append(
                    Finding(
                        f"{type(view).__name__} cell {row},{col} '{text}'",
                        "text",
                        ink.ratio,
                        TEXT_AA,
                        f"{_hex(ink.colour)} on {_hex(reading.background)}",
                    )
                )
    return out


def _text_region(w: QWidget, top: QWidget, dpr: float) -> QRect:
    """Where `w` writes its text: a group box's title, a combo or spin box's field, else all
    of it but a 3-px edge (borders are outlines, not text)."""
    part: QRect | None = None
    if isinstance(w, QGroupBox):
        opt = QStyleOptionGroupBox()
        w.initStyleOption(opt)
        part = w.style().subControlRect(
            QStyle.ComplexControl.CC_GroupBox, opt, QStyle.SubControl.SC_GroupBoxLabel, w
        )
    elif isinstance(w, QComboBox):
        opt_c = QStyleOptionComboBox()
        w.initStyleOption(opt_c)
        part = w.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, opt_c, QStyle.SubControl.SC_ComboBoxEditField, w
        )
    elif isinstance(w, QAbstractSpinBox):
        opt_s = QStyleOptionSpinBox()
        w.initStyleOption(opt_s)
        part = w.style().subControlRect(
            QStyle.ComplexControl.CC_SpinBox, opt_s, QStyle.SubControl.SC_SpinBoxEditField, w
        )
    if part is None:
        return rect_in(w, top, dpr, inset=3)
    visible = w.visibleRegion().boundingRect().intersected(part)
    return _device(QRect(w.mapTo(top, visible.topLeft()), visible.size()), dpr)


def _check_indicator(w: QAbstractButton, top: QWidget, image: QImage, dpr: float) -> list[Finding]:
    ind = _indicator(w)
    if not w.visibleRegion().boundingRect().contains(ind.adjusted(-3, -3, 3, 3)):
        return []  # cut by the edge of a scrolled list (4 px of it showing): read when in view
    at = w.mapTo(top, ind.topLeft())
    box = QRect(at, ind.size())
    inner = pixels(image, _device(box.adjusted(2, 2, -2, -2), dpr))
    around = pixels(image, _device(box.adjusted(-3, -3, 3, 3), dpr))
    outside = read(pixels(image, rect_in(w, top, dpr))).background
    out: list[Finding] = []
    edge = read(around, min_pixels=6, background=outside)
    best = max((i.ratio for i in edge.inks), default=1.0)
    if best < NON_TEXT_AA:
        out.append(Finding(_name(w), "indicator outline", best, NON_TEXT_AA, f"on {_hex(outside)}"))
    if w.isChecked():
        mark = read(inner, min_pixels=4)
        best_mark = max((i.ratio for i in mark.inks), default=1.0)
        if best_mark < NON_TEXT_AA:
            out.append(
                Finding(
                    _name(w), "chosen mark", best_mark, NON_TEXT_AA, f"in {_hex(mark.background)}"
                )
            )
    return out


def _device(r: QRect, dpr: float) -> QRect:
    return QRect(
        QPoint(int(r.left() * dpr), int(r.top() * dpr)),
        QPoint(int((r.right() + 1) * dpr) - 1, int((r.bottom() + 1) * dpr) - 1),
    )

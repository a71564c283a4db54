"""Sending a finished PDF to a system printer: the print dialog (replaced in tests) and the
job that paints the PDF's pages, rendered by QtPdf, onto the ``QPrinter``.

The PDF is the one the preview shows, so what prints is what the user saw. The job runs on
the ``ops`` worker (painting on a ``QPrinter`` is allowed off the GUI thread; QtPdf
serialises its PDFium calls), page by page, and can be cancelled between pages.
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from planmgr.domain.errors import PlanmgrError

Progress = tuple[int, int, str]

PRINT_DPI = 300
"""Pages are rendered at most this fine for the printer (sharp text, bounded memory)."""


def ask_printer(parent: QWidget | None, printer: QPrinter, title: str) -> bool:
    """The system print dialog; ``True`` when the user chose to print (tests replace this)."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    return dialog.exec() == QDialog.DialogCode.Accepted


def page_layout_for(pdf: Path) -> QPageLayout | None:
    """The PDF's first page size and orientation, to preset the printer with (so A5
    landscape sheets print on A5 landscape paper at 100 %)."""
    document = QPdfDocument()
    try:
        if document.load(str(pdf)) != QPdfDocument.Error.None_ or document.pageCount() == 0:
            return None
        size = document.pagePointSize(0)
    finally:
        document.close()
    landscape = size.width() > size.height()
    portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    page_size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(page_size, orientation, QMarginsF(0, 0, 0, 0))


def new_printer(pdf: Path) -> QPrinter:
    """A printer preset to the PDF's paper, printing the full page (the PDF has its margins)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    layout = page_layout_for(pdf)
    if layout is not None:
        printer.setPageLayout(layout)
    printer.setDocName(pdf.stem)
    return printer


def print_pdf_job(pdf: Path, printer: QPrinter, text: str) -> Generator[Progress, None, int]:
    """Paint every page of ``pdf`` on ``printer``; yields (page, pages, text); the page count.

    Each page is scaled into the paper keeping its proportions (100 % when the paper is the
    PDF's size, as ``new_printer`` presets). Closing the generator aborts the print job.
    """
    document = QPdfDocument()
    if document.load(str(pdf)) != QPdfDocument.Error.None_:
        raise PlanmgrError(
            QCoreApplication.translate("printing", "Cannot read the file to print: {path}").format(path=pdf)
        )
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        raise PlanmgrError(
            QCoreApplication.translate(
                "printing",
                "Cannot start printing: the printer is unavailable or busy. Check it and try again.",
            )
        )
    finished = False
    try:
        dpi = min(printer.resolution(), PRINT_DPI)
        scale = printer.resolution() / dpi
        yield 0, pages, text
        for page in range(pages):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            image = document.render(
                page, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            )
            paper = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            factor = min(
                paper.width() / (image.width() * scale), paper.height() / (image.height() * scale), 1.0
            )
            width, height = image.width() * scale * factor, image.height() * scale * factor
            painter.drawImage(QRectF(0, 0, width, height), image)
            yield page + 1, pages, text
        finished = True
    finally:
        if not finished:
            printer.abort()
        painter.end()
        document.close()
    return pages

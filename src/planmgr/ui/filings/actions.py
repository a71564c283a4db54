"""What the filings screens do with files, wired once: print a form, write an answer file,
take in a package or an answer, export the filtered list as a ledger.

Every job runs through ``ops`` (DESIGN.md §4); file names come from ``dialogs`` (tests
replace it). ``changed`` is emitted after anything was written to the database.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy import Engine

from planmgr.domain import i18n
from planmgr.domain.enums import FilingStatus
from planmgr.ui import dialogs
from planmgr.ui.ops import OpRunner

PDF_FILTER = "PDF (*.pdf)"


def suggested_path(name: str) -> Path:
    """A file name in the user's documents folder, offered in save dialogs."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder or Path.home()) / name


def _safe(text: str, empty: str) -> str:
    """``text`` usable in a file name (``empty`` when nothing is left)."""
    return "".join("_" if c in '\\/:*?"<>|' else c for c in text).strip() or empty


class FilingActions(QObject):
    """File operations of the filings area, for one widget (dialog parent) and one ``ops``."""

    changed = Signal(str)  # something was written; the filing to show ("" for none)

    def __init__(self, widget: QWidget, ops: OpRunner | None, engine: Callable[[], Engine | None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.ops = ops
        self._engine = engine

    @property
    def engine(self) -> Engine:
        engine = self._engine()
        assert engine is not None, "no database open"
        return engine

    def _run(self, title: str, job: Callable[..., Any], on_success: Callable[[Any], None], **kw: Any) -> None:
        if self.ops is None:
            dialogs.error(self.widget, title, self.tr("No background worker is available."))
            return
        self.ops.run(title, job, on_success=on_success, **kw)

    # ------------------------------------------------------------------ forms

    def form_titles(self) -> dict[str, str]:
        return {
            "declaration": self.tr("Filing declaration form"),
            "check": self.tr("Formal check form"),
            "registration": self.tr("Filing registration form"),
            "notice": self.tr("One-time notice of missing materials"),
        }

    def print_form(
        self, kind: str, uid: str, name_hint: str, on_done: Callable[[Path], None] | None = None
    ) -> None:
        """Ask where to save form ``kind`` of filing ``uid`` and write it in the background."""
        title = self.form_titles()[kind]
        path = dialogs.pick_save_file(
            self.widget,
            self.tr("Save {form} as").format(form=title),
            PDF_FILTER,
            suggested_path(f"{title}-{_safe(name_hint, self.tr('filing'))}.pdf"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        engine = self.engine

        def job() -> Path:
            from planmgr.services.filing_form_data import form_pdf

            path.write_bytes(form_pdf(engine, kind, uid))
            return path

        def done(saved: Path) -> None:
            if on_done is not None:
                on_done(saved)
            dialogs.inform(
                self.widget, title, self.tr("Saved {form}:\n{path}").format(form=title, path=saved)
            )

        self._run(self.tr("Printing {form}").format(form=title), job, done, cancellable=False)

    # ------------------------------------------------------------------ office

    def export_reply(self, uid: str, name_hint: str) -> None:
        path = dialogs.pick_save_file(
            self.widget,
            self.tr("Save the answer file"),
            self.tr("Filing answer files (*.planreply)"),
            suggested_path(
                self.tr("filing answer-{name}.planreply").format(name=_safe(name_hint, self.tr("filing")))
            ),
        )
        if path is None:
            return
        if path.suffix.lower() != ".planreply":
            path = path.with_name(path.name + ".planreply")
        engine = self.engine

        def job() -> Path:
            from planmgr.services.filing_reply import export_reply

            export_reply(engine, uid, path)
            return path

        def done(saved: Path) -> None:
            dialogs.inform(
                self.widget,
                self.tr("Answer file written"),
                self.tr(
                    "The answer file was saved:\n{path}\n\nGive it to the enterprise; it imports it to "
                    "update its filing status."
                ).format(path=saved),
            )

        self._run(self.tr("Writing the answer file"), job, done, cancellable=False)

    def choose_package(self) -> None:
        path = dialogs.pick_open_file(
            self.widget,
            self.tr("Import a filing package"),
            self.tr("Filing packages (*.planpkg);;All files (*)"),
        )
        if path is not None:
            self.import_package(path)

    def import_package(self, path: Path, town_uid: str | None = None) -> None:
        """Check and import a ``.planpkg`` (office); every problem is shown at once and then
        nothing has been written."""
        from planmgr.services.filing_import import import_package_steps

        engine = self.engine

        def job() -> Any:
            return progress_of(import_package_steps(engine, path, town_uid=town_uid))

        self._run(
            self.tr("Importing the filing package"),
            job,
            self._imported,
            on_failure=partial(self._import_failed, path),
            show_errors=False,
        )

    def _imported(self, result: Any) -> None:
        created = self.tr(" (newly registered)") if result.unit_created else ""
        text = self.tr(
            "Imported the package with fingerprint {fingerprint}.\n\nFiling unit: {unit}{created}, "
            "town: {town}\nPlans: {plans}\n\nCheck it within 5 working days (ENT Art.28): select it "
            "and click Formal check."
        ).format(
            fingerprint=result.fingerprint,
            unit=result.unit_name,
            created=created,
            town=result.town_name or "—",
            plans=i18n.join(result.plan_titles),
        )
        if result.previous_package_uid:
            text += "\n\n" + self.tr("This is a resubmission after a return.")
        self.changed.emit(result.filing_uids[0] if result.filing_uids else "")
        dialogs.inform(self.widget, self.tr("Filing package imported"), text)

    def _import_failed(self, path: Path, error: BaseException) -> None:
        from planmgr.exchange.package_schema import PackageRejected

        if isinstance(error, PackageRejected):
            if {p.reason for p in error.problems} == {"town_required"}:
                self._ask_town(path, error)
                return
            dialogs.error(
                self.widget,
                self.tr("Filing package not imported"),
                f"{path.name}\n\n{error.message}",
            )
            return
        assert self.ops is not None
        self.ops.report_error(self.tr("Importing the filing package"), error)

    def _ask_town(self, path: Path, error: BaseException) -> None:
        from planmgr.services.filing_queries import town_choices
        from planmgr.ui.filings.town_dialog import TownDialog

        towns = town_choices(self.engine)
        if not towns:
            dialogs.error(
                self.widget, self.tr("Filing package not imported"), str(getattr(error, "message", error))
            )
            return
        dialog = TownDialog(towns, str(getattr(error, "message", error)), self.widget)
        dialog.chosen.connect(lambda uid: self.import_package(path, uid))
        self.town_dialog = dialog
        dialog.open()

    # ------------------------------------------------------------------ enterprise

    def choose_reply(self) -> None:
        path = dialogs.pick_open_file(
            self.widget,
            self.tr("Import the authority's answer file"),
            self.tr("Filing answer files (*.planreply);;All files (*)"),
        )
        if path is None:
            return
        engine = self.engine

        def job() -> Any:
            from planmgr.services.filing_reply import apply_reply

            return apply_reply(engine, path)

        self._run(
            self.tr("Importing the answer file"),
            job,
            self._reply_applied,
            on_failure=partial(self._reply_failed, path),
            show_errors=False,
            cancellable=False,
        )

    def _reply_applied(self, result: Any) -> None:
        titles = i18n.join(result.plan_titles)
        if not result.changed:
            text = self.tr("This answer had been imported before; nothing changed: {plans}").format(
                plans=titles
            )
        elif result.status is FilingStatus.FILED:
            text = self.tr("Filed: {plans}\nFiling number {number}, registered on {day}.").format(
                plans=titles, number=result.filing_number, day=result.answer_date.isoformat()
            )
        else:
            items = "\n".join(f"{i}. {item}" for i, item in enumerate(result.missing_items, start=1))
            text = self.tr(
                "Returned for completion on {day}: {plans}\n\nMissing (all at once):\n{items}\n\n"
                "Complete them and file again with New filing."
            ).format(day=result.answer_date.isoformat(), plans=titles, items=items)
        self.changed.emit(result.filing_uids[0] if result.filing_uids else "")
        dialogs.inform(self.widget, self.tr("Answer file imported"), text)

    def _reply_failed(self, path: Path, error: BaseException) -> None:
        from planmgr.exchange.package_schema import PackageRejected

        if isinstance(error, PackageRejected):
            dialogs.error(
                self.widget,
                self.tr("Answer file not imported"),
                f"{path.name}\n\n{error.message}",
            )
            return
        assert self.ops is not None
        self.ops.report_error(self.tr("Importing the answer file"), error)

    # ------------------------------------------------------------------ ledgers

    def export_ledger(self, uids: Sequence[str]) -> None:
        """Export the filings listed now (``uids``) as a 备案台账 (.xlsx or .csv)."""
        path = dialogs.pick_save_file(
            self.widget,
            self.tr("Export the filings ledger"),
            self.tr("Excel workbooks (*.xlsx);;CSV files (*.csv)"),
            suggested_path(self.tr("filings ledger.xlsx")),
        )
        if path is None:
            return
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + ".xlsx")
        engine = self.engine
        only = frozenset(uids)

        def job() -> Any:
            from planmgr.exchange.ledger_columns import LedgerKind
            from planmgr.services.ledger import export_ledger

            return export_ledger(engine, LedgerKind.FILINGS, path, only=only)

        def done(result: Any) -> None:
            dialogs.inform(
                self.widget,
                self.tr("Ledger exported"),
                self.tr("Exported {rows} filings to:\n{path}").format(rows=result.rows, path=result.path),
            )

        self._run(self.tr("Exporting the filings ledger"), job, done, cancellable=False)

    def open_ledger_wizard(self, on_imported: Callable[[], None]) -> None:
        from planmgr.exchange.ledger_columns import LedgerKind
        from planmgr.ui.ledger.wizard import LedgerWizard

        wizard = LedgerWizard(self.ops, self._engine, kind=LedgerKind.FILINGS, parent=self.widget)
        wizard.imported.connect(lambda _report: on_imported())
        self.ledger_wizard = wizard
        wizard.open()


def progress_of(steps: Generator[Any, None, Any]) -> Generator[tuple[int, int, str], None, Any]:
    """A service generator of ``(done, total, stage)`` records as the ``ops`` progress tuples;
    returns the service's result."""
    while True:
        try:
            step = next(steps)
        except StopIteration as stop:
            return stop.value
        yield int(step.done), int(step.total), str(step.stage)

"""The import job: ``LedgerImport`` (``validate()`` then ``write()``) and ``import_ledger``."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from sqlalchemy import Connection, Engine
from sqlalchemy import exc as sa_exc

from planmgr.domain.enums import LabelledEnum
from planmgr.domain.errors import ConflictError
from planmgr.domain.i18n import tr
from planmgr.exchange.ledger_columns import LedgerKind
from planmgr.exchange.ledger_read import LedgerBook, LedgerFileError, open_book
from planmgr.exchange.ledger_records import LedgerError
from planmgr.exchange.ledger_validate import ParsedLedger, parse_steps, read_sheet
from planmgr.exchange.ledger_xlsx import write_errors_workbook
from planmgr.services.ledger.bulk import Changes
from planmgr.services.ledger.drills import match_drills
from planmgr.services.ledger.filings import match_filings
from planmgr.services.ledger.plans import match_plans
from planmgr.services.ledger.units import match_units
from planmgr.store.errors import translated


class Stage(LabelledEnum):
    """The steps of an import; ``text`` is what a progress dialog shows."""

    READ = "read", "读取文件", "Reading the file"  # zh-only: enum label (label_en)
    VALIDATE = "validate", "校验数据", "Validating the data"  # zh-only: enum label (label_en)
    WRITE = "write", "写入数据库", "Writing to the database"  # zh-only: enum label (label_en)


# After an import that added more rows than this, SQLite's query planner statistics are
# refreshed (ANALYZE), so that it plans for the tables' new sizes.
ANALYZE_ABOVE = 3000


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int
    stage: str  # the step as the user reads it (interface language)
    step: Stage | None = None

    @classmethod
    def of(cls, done: int, total: int, step: Stage) -> Progress:
        return cls(done, total, step.text, step)


class CancelFlag(Protocol):
    """Anything with ``is_set()`` — a ``threading.Event`` does."""

    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class ImportReport:
    kind: LedgerKind
    source: str
    sheet: str
    rows: int
    inserted: int
    updated: int
    unchanged: int
    errors: tuple[LedgerError, ...]
    dry_run: bool
    written: bool
    cancelled: bool
    seconds: float
    encoding: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors and not self.cancelled


class _Cancelled(Exception):
    pass


def _cancelled(cancel: CancelFlag | None) -> bool:
    return cancel is not None and cancel.is_set()


def _match(conn: Connection, parsed: ParsedLedger, today: date) -> Changes:
    if parsed.kind is LedgerKind.UNITS:
        return match_units(conn, parsed)
    if parsed.kind is LedgerKind.PLANS:
        return match_plans(conn, parsed)
    if parsed.kind is LedgerKind.DRILLS:
        return match_drills(conn, parsed, today)
    return match_filings(conn, parsed)


class LedgerImport:
    """One ledger import: ``validate()`` then ``write()`` (or ``run()`` for both).

    Both steps are generators of ``Progress``; iterate them off the GUI thread. After
    ``validate()``, ``errors`` lists every problem (sheet, Excel row, column, reason);
    ``write()`` refuses to run while there are any. ``report`` says what happened.
    """

    def __init__(self, engine: Engine, kind: LedgerKind, source: Path, *, today: date | None = None) -> None:
        self.engine = engine
        self.kind = LedgerKind(kind)
        self.source = Path(source)
        self.today = today or date.today()
        self.parsed: ParsedLedger | None = None
        self.errors: list[LedgerError] = []
        self.encoding: str | None = None
        self.written = False
        self.cancelled = False
        self.dry_run = False
        self._changes: Changes | None = None
        self._started = time.perf_counter()

    def validate(self, cancel: CancelFlag | None = None) -> Iterator[Progress]:
        """Read and check the file and match it against the database; writes nothing."""
        self._started = time.perf_counter()
        yield Progress.of(0, 1, Stage.READ)
        book: LedgerBook | None = None
        try:
            book = open_book(self.source, csv_sheet_name=self.kind.sheet_name)
            self.encoding = book.encoding
            sheet = read_sheet(book, self.kind)
        except LedgerFileError as error:
            self.errors = [LedgerError("", None, None, error.message)]
            return
        finally:
            if book is not None:
                book.close()
        yield Progress.of(1, 1, Stage.READ)
        if sheet is None:
            self.errors = [LedgerError("", None, None, tr("工作簿中没有工作表"))]
            return
        parsed = self.parsed = ParsedLedger(self.kind, sheet.name, raw=sheet)
        total = max(0, len(sheet.rows) - 1)
        yield Progress.of(0, total, Stage.VALIDATE)
        for done in parse_steps(sheet, self.kind, parsed):
            if _cancelled(cancel):
                self.cancelled = True
                return
            yield Progress.of(done, total, Stage.VALIDATE)
        if not parsed.errors or parsed.records:
            with translated(), self.engine.connect() as conn:
                self._changes = _match(conn, parsed, self.today)
        self.errors = parsed.sorted_errors()
        if self.errors:
            self._changes = None
        if _cancelled(cancel):
            self.cancelled = True
            self._changes = None
            return
        yield Progress.of(total, total, Stage.VALIDATE)

    def write(self, cancel: CancelFlag | None = None) -> Iterator[Progress]:
        """Apply the validated changes in one transaction (nothing is written on any error)."""
        if self._changes is None:
            raise RuntimeError("validate() first, and only without errors")
        changes = self._changes
        total = changes.work
        if total == 0:
            return
        done = 0
        yield Progress.of(0, total, Stage.WRITE)
        try:
            with translated(), self.engine.begin() as conn:
                for step in changes.write(conn):
                    if _cancelled(cancel):
                        raise _Cancelled
                    done = min(total, done + step)
                    yield Progress.of(done, total, Stage.WRITE)
                if _cancelled(cancel):
                    raise _Cancelled
                if changes.inserted > ANALYZE_ABOVE and conn.dialect.name == "sqlite":
                    conn.exec_driver_sql("ANALYZE")  # as store.migrate.analyze, in this transaction
        except _Cancelled:
            self.cancelled = True
            return
        except sa_exc.IntegrityError as error:
            raise ConflictError(tr("导入期间数据库被其他人修改，本次导入已全部撤销，请重新导入。")) from error
        self.written = True
        yield Progress.of(total, total, Stage.WRITE)

    def run(self, *, dry_run: bool = False, cancel: CancelFlag | None = None) -> Iterator[Progress]:
        """Validate, then write unless there are errors or this is a dry run."""
        self.dry_run = dry_run
        yield from self.validate(cancel)
        if self.errors or self.cancelled or dry_run or self._changes is None:
            return
        yield from self.write(cancel)

    @property
    def report(self) -> ImportReport:
        changes = self._changes
        return ImportReport(
            kind=self.kind,
            source=str(self.source),
            sheet=self.parsed.sheet if self.parsed else "",
            rows=self.parsed.data_rows if self.parsed else 0,
            inserted=changes.inserted if changes else 0,
            updated=changes.updated if changes else 0,
            unchanged=changes.unchanged if changes else 0,
            errors=tuple(self.errors),
            dry_run=self.dry_run,
            written=self.written,
            cancelled=self.cancelled,
            seconds=time.perf_counter() - self._started,
            encoding=self.encoding,
        )

    def write_errors_workbook(self, path: Path) -> None:
        """The input with a 错误说明 column and the bad cells highlighted."""
        parsed = self.parsed
        write_errors_workbook(
            Path(path),
            self.source,
            parsed.raw if parsed else None,
            parsed.sheet if parsed else self.kind.sheet_name,
            self.errors,
        )


def import_ledger(
    engine: Engine,
    kind: LedgerKind | str,
    source: Path | str,
    *,
    dry_run: bool = False,
    cancel: CancelFlag | None = None,
    errors_out: Path | str | None = None,
    today: date | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> ImportReport:
    """Import a ledger file (plain function for the CLI); see ``LedgerImport``."""
    job = LedgerImport(engine, LedgerKind(kind), Path(source), today=today)
    for progress in job.run(dry_run=dry_run, cancel=cancel):
        if on_progress is not None:
            on_progress(progress)
    if job.errors and errors_out is not None:
        job.write_errors_workbook(Path(errors_out))
    return job.report

"""atheris (libFuzzer) harness: ledger file bytes → LedgerImport.

Run by test_atheris.py as ``python -m tests.reliability.atheris_ledger WORKDIR CORPUS
-max_total_time=N``. The first input byte picks the ledger kind, the file type (csv/xlsx)
and whether the import may write; the rest is the file. Anything but the documented
outcomes (rows written; every problem listed in Chinese; a ValidationError in Chinese)
is a crash that libFuzzer reports with the input that caused it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["planmgr.exchange", "planmgr.services.ledger"]):
    from planmgr.domain.errors import ValidationError
    from planmgr.exchange.ledger_columns import LedgerKind
    from planmgr.services.ledger import LedgerImport

from planmgr.store.database import open_database  # noqa: E402

KINDS = list(LedgerKind)


def chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def known_issue(error: BaseException) -> bool:
    """Bugs reported to the lead (docs/reliability.md), skipped until they are fixed."""
    if isinstance(error, UnicodeDecodeError):
        frames = []
        tb = error.__traceback__
        while tb is not None:
            frames.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        return "decode_csv" in frames  # a BOM followed by invalid bytes
    return False


def main() -> None:
    workdir = Path(sys.argv.pop(1))
    database = open_database(workdir / "fuzz.sqlite", create=True)
    from tests.exchange.ledger_data import populate

    populate(database)
    files = {suffix: workdir / f"input{suffix}" for suffix in (".csv", ".xlsx")}

    def one_input(data: bytes) -> None:
        if not data:
            return
        kind = KINDS[data[0] % len(KINDS)]
        path = files[".xlsx" if data[0] & 0x10 else ".csv"]
        path.write_bytes(data[1:])
        job = LedgerImport(database.engine, kind, path)
        try:
            for _ in job.run(dry_run=not data[0] & 0x20):
                pass
        except ValidationError as error:
            assert chinese(error.message), error.message
            return
        except UnicodeDecodeError as error:
            if known_issue(error):
                return
            raise
        for problem in job.errors:
            assert chinese(problem.message), problem

    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

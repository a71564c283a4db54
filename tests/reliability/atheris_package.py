"""atheris (libFuzzer) harness: filing package bytes → read_package.

Run by test_atheris.py as ``python -m tests.reliability.atheris_package CORPUS
-max_total_time=N``; the corpus starts from a good package. Anything but a package or a
``PackageRejected`` whose problems carry known reason codes and Chinese messages is a crash.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["planmgr.exchange"]):
    from planmgr.exchange.package import FilingPackage, read_package
    from planmgr.exchange.package_schema import REASONS, PackageRejected


def one_input(data: bytes) -> None:
    try:
        result = read_package(data)
    except PackageRejected as error:
        assert error.problems, "a rejection without a reason"
        for problem in error.problems:
            assert problem.reason in REASONS, problem
            assert any("\u4e00" <= ch <= "\u9fff" for ch in problem.message), problem
        return
    assert isinstance(result, FilingPackage)


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

"""Coverage-guided fuzzing with atheris (libFuzzer), time-boxed: ledger file bytes and filing
package bytes, both fuzzers at once for ``PLANMGR_FUZZ_SECONDS`` (default 15) each.

The harnesses (atheris_ledger.py, atheris_package.py) fail on anything but the documented
outcomes; libFuzzer then stops, writes the input to ``crash-*`` in the test's folder and
this test fails with its output. Skipped where atheris is not installed (a test extra).
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.exchange.ledger_data import DRILLS_HEADER, FILINGS_HEADER, PLANS_HEADER, UNITS_HEADER
from tests.exchange.test_package import DOC_SHA, DOCUMENT, sample_data

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("atheris") is None, reason="atheris is not installed"
)

REPO = Path(__file__).resolve().parents[2]
SECONDS = int(os.environ.get("PLANMGR_FUZZ_SECONDS", "15"))


def ledger_corpus(folder: Path) -> Path:
    """One valid-looking file per kind; the first byte selects kind, csv/xlsx and writing."""
    folder.mkdir()
    rows = {
        0: (UNITS_HEADER, ["赤坎镇某化工有限公司", "企业", "", "赤坎镇人民政府", "危险化学品", "小型", "0750-2612345"]),
        1: (PLANS_HEADER, ["某公司综合应急预案", "综合应急预案", "开平市华新化工有限公司", "", "1.0", "2024/3/1", "已发布", ""]),
        2: (DRILLS_HEADER, ["储罐泄漏演练", "开平市华新化工有限公司", "华新化工综合应急预案", "2025年3月1日", "桌面演练", "20"]),
        3: (FILINGS_HEADER, ["华新化工综合应急预案", "开平市华新化工有限公司", "2025-03-01", "开平市应急管理局", "已报送", ""]),
    }  # fmt: skip
    for kind, (header, row) in rows.items():
        text = ",".join(header) + "\n" + ",".join(row) + "\n"
        (folder / f"kind{kind}-utf8").write_bytes(bytes([kind]) + text.encode("utf-8-sig"))
        (folder / f"kind{kind}-gbk").write_bytes(bytes([kind | 0x20]) + text.encode("gbk"))
    return folder


def package_corpus(folder: Path) -> Path:
    from planmgr.exchange.package import write_package

    folder.mkdir()
    write_package(folder / "good.planpkg", sample_data(), {DOC_SHA: DOCUMENT})
    return folder


def fuzz(module: str, args: list[str], artifacts: Path) -> subprocess.Popen[str]:
    artifacts.mkdir(exist_ok=True)
    return subprocess.Popen(
        [sys.executable, "-m", f"tests.reliability.{module}", *args, f"-max_total_time={SECONDS}",
         "-rss_limit_mb=3072", "-max_len=8192", f"-artifact_prefix={artifacts}/", "-print_final_stats=1"],
        cwd=REPO,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip


def test_ledger_and_package_bytes_survive_coverage_guided_fuzzing(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    runs = {
        "ledger": fuzz(
            "atheris_ledger", [str(work), str(ledger_corpus(tmp_path / "ledger"))], tmp_path / "crash-l"
        ),
        "package": fuzz("atheris_package", [str(package_corpus(tmp_path / "package"))], tmp_path / "crash-p"),
    }
    outputs = {name: proc.communicate(timeout=SECONDS + 300)[0] for name, proc in runs.items()}
    for name, proc in runs.items():
        tail = "\n".join(outputs[name].splitlines()[-40:])
        assert proc.returncode == 0, f"{name} fuzzer found a crash (input in {tmp_path}):\n{tail}"
        done = re.search(r"Done (\d+) runs", outputs[name])
        assert done and int(done.group(1)) > 0, tail
        print(f"{name}: {done.group(0)}")

"""The bundle's entry script (``planmgr._frozen_main``): the self-test ``make bundle``
runs inside the frozen program, run here from the source, and how the two executables
route their arguments (CLI, GUI, a double-clicked filing package).

Building the bundle itself is ``make bundle`` (a minute or more), not part of the suite.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planmgr import _frozen_main as frozen

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.gui
def test_selftest_passes_from_source_with_a_clean_stderr(tmp_path: Path) -> None:
    # A fresh process, as in the bundle: nothing set up by the test session, no Qt
    # logging rules that would hide a platform warning.
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "QT_LOGGING_RULES"}}
    env["PLANMGR_HOME"] = str(tmp_path / "user")
    done = subprocess.run(
        [sys.executable, "-m", "planmgr._frozen_main", "--selftest"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == ""
    out = done.stdout
    assert "台账导入：单位台账.xlsx 新增 1 条，预案台账.csv 新增 2 条" in out
    assert "处置卡 PDF：1 张卡" in out
    assert "7 个页面已显示" in out and "中文按拼音排序" in out
    assert out.rstrip().splitlines()[-1].startswith("自检通过")
    # The user's folders were left alone: everything happened in a temporary folder.
    assert not (tmp_path / "user").exists()


def test_selftest_fails_when_anything_reaches_stderr(monkeypatch: pytest.MonkeyPatch, capfd) -> None:
    def noisy(state: frozen.SelftestState) -> None:
        os.write(2, b"QFont::setPointSize: Point size <= 0 (0)\n")  # as Qt's C++ code writes

    monkeypatch.setattr(frozen, "_run_steps", noisy)
    assert frozen.selftest() == 1
    err = capfd.readouterr().err
    assert "自检失败：运行时向标准错误输出了内容" in err
    assert "QFont::setPointSize" in err


def test_selftest_fails_on_a_logged_warning(monkeypatch: pytest.MonkeyPatch, capfd) -> None:
    def warns(state: frozen.SelftestState) -> None:
        logging.getLogger("qt").warning("QPainter::begin: Paint device returned engine == 0")

    monkeypatch.setattr(frozen, "_run_steps", warns)
    assert frozen.selftest() == 1
    assert "运行时记录了警告：\nWARNING qt: QPainter::begin" in capfd.readouterr().err


def test_selftest_names_the_step_that_failed(monkeypatch: pytest.MonkeyPatch, capfd) -> None:
    def broken(state: frozen.SelftestState) -> None:
        raise frozen.SelftestFailed("处置卡 PDF 中读不出“储罐区”")

    monkeypatch.setattr(frozen, "_run_steps", broken)
    assert frozen.selftest() == 1
    captured = capfd.readouterr()
    assert "自检失败：处置卡 PDF 中读不出“储罐区”" in captured.err
    assert "自检通过" not in captured.out


def test_captured_stderr_collects_python_and_native_writes_and_restores_fd2(capfd) -> None:
    with frozen.captured_stderr() as captured:
        print("from Python", file=sys.stderr)
        os.write(2, b"from C++\n")
    print("after", file=sys.stderr, flush=True)
    assert captured == ["from Python\nfrom C++\n"]
    assert capfd.readouterr().err == "after\n"


@pytest.fixture
def routes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str]]]:
    calls: list[tuple[str, list[str]]] = []
    import planmgr.__main__
    import planmgr.cli

    monkeypatch.setattr(planmgr.__main__, "gui_main", lambda args: calls.append(("gui", list(args))) or 0)
    monkeypatch.setattr(planmgr.cli, "main", lambda args: calls.append(("cli", list(args))) or 0)
    monkeypatch.setattr(frozen, "selftest", lambda: calls.append(("selftest", [])) or 0)
    return calls


CONSOLE = r"C:\Users\li\AppData\Local\Programs\planmgr\planmgr.exe"
WINDOWED = r"C:\Users\li\AppData\Local\Programs\planmgr\planmgr-gui.exe"


@pytest.mark.parametrize(
    ("args", "executable", "expected"),
    [
        ([], CONSOLE, ("gui", [])),
        (["check", "--db", "x.sqlite"], CONSOLE, ("cli", ["check", "--db", "x.sqlite"])),
        (["--selftest"], CONSOLE, ("selftest", [])),
        # Explorer opens a filing package with the windowed executable; the console one
        # accepts it too (typed, or dropped on it).
        ([r"D:\收件\华新化工.PLANPKG"], CONSOLE, ("gui", [r"D:\收件\华新化工.PLANPKG"])),
        ([r"D:\收件\华新化工.planpkg"], WINDOWED, ("gui", [r"D:\收件\华新化工.planpkg"])),
        # The windowed executable has no console: every argument goes to the GUI.
        (["--db", "x.sqlite"], WINDOWED, ("gui", ["--db", "x.sqlite"])),
        (["--selftest"], WINDOWED, ("selftest", [])),
        # A package among other arguments is a CLI call (``planmgr package import X``).
        (["package", "import", "a.planpkg", "--db", "x"], CONSOLE, ("cli", ["package", "import", "a.planpkg", "--db", "x"])),
    ],
)
def test_arguments_reach_the_cli_the_gui_or_the_selftest(
    routes: list[tuple[str, list[str]]], args: list[str], executable: str, expected: tuple[str, list[str]]
) -> None:
    assert frozen.main(args, executable=executable) == 0
    assert routes == [expected]

"""``planmgr --lang en`` / ``PLANMGR_LANG=en``: the command line in English, as a user runs it.

The language is read before the parser is built, so the help is English too; without either,
the command line stays Chinese; a language planmgr does not speak is refused with exit 2.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from planmgr.cli import build_parser, main
from planmgr.domain import i18n

HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(autouse=True)
def no_language_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own PLANMGR_LANG must not decide what these tests see."""
    monkeypatch.delenv("PLANMGR_LANG", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def help_of(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        main([*argv, "--help"])
    assert stopped.value.code == 0
    return capsys.readouterr().out


def command_paths() -> list[list[str]]:
    """Every subcommand and sub-subcommand (``["filing", "list"]`` …) the parser knows."""
    found: list[list[str]] = []

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found.append([*path, name])
                    walk(sub, [*path, name])

    walk(build_parser(), [])
    return found


def test_check_speaks_english_with_lang_en(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--lang", "en", "check", "--db", str(db_path))
    assert code == 0, err
    assert "Check passed: the database is intact." in out
    assert "Schema version:" in out and "0 units" in out
    assert not HAN.search(out + err)


def test_the_environment_variable_chooses_english_and_the_option_wins(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANMGR_LANG", "en")
    code, out, _ = run(capsys, "check", "--db", str(db_path))
    assert code == 0 and "Check passed" in out
    code, out, _ = run(capsys, "--lang=zh_CN", "check", "--db", str(db_path))
    assert code == 0 and "检查通过：数据库完整。" in out


def test_the_default_stays_chinese(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--db", str(db_path))
    assert code == 0 and "检查通过：数据库完整。" in out and "单位 0" in out
    assert "命令" in help_of(capsys)


def test_errors_are_english_and_keep_their_value(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "--lang", "en", "due", "--db", str(tmp_path / "x.sqlite"), "--as-of", "31/12/2025"
    )
    assert code == 2
    assert err.strip() == "Invalid date: 31/12/2025 (use YYYY-MM-DD, e.g. 2025-10-09)"
    with pytest.raises(SystemExit) as stopped:  # argparse's own refusal, in our words
        main(["--lang", "en", "drill", "list", "--db", "x.sqlite", "--year", "1850"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "Invalid arguments:" in err and "Year out of range: 1850" in err and not HAN.search(err)


def test_help_is_english_for_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    top = help_of(capsys, "--lang", "en")
    assert "interface language" in top and "PLANMGR_LANG" in top and "COMMAND" in top
    assert "check the database's integrity" in help_of(capsys, "--lang", "en", "check")
    i18n.set_language("en")  # the command tree in English, as main builds it
    paths = command_paths()
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    assert ["filing", "stats"] in paths and ["print", "cards"] in paths
    chinese = {" ".join(path): HAN.findall(help_of(capsys, "--lang", "en", *path)) for path in paths}
    assert {name: chars for name, chars in chinese.items() if chars} == {}


def test_help_is_english_with_the_environment_variable(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANMGR_LANG", "en")
    text = help_of(capsys, "ledger", "import")
    assert "import a ledger" in text and not HAN.search(text)


@pytest.mark.parametrize("argv", [["--lang", "fr", "check"], ["--lang=EN", "check"], ["--lang", "", "check"]])
def test_an_unknown_language_is_refused_in_both_languages(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert "未知的界面语言" in lines[0] and "unknown language" in lines[0] and "zh_CN / en" in lines[0]


def test_an_unknown_language_in_the_environment_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANMGR_LANG", "de")
    code, _, err = run(capsys, "check", "--db", "x.sqlite")
    assert code == 2
    assert "PLANMGR_LANG" in err and '"de"' in err and "不是可用的界面语言" in err
    monkeypatch.setenv("PLANMGR_LANG", "")  # empty: as if unset
    code, _, err = run(capsys, "due", "--db", "x.sqlite", "--as-of", "bad")
    assert code == 2 and "日期格式不正确" in err


def test_a_run_leaves_the_language_of_its_caller(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--lang", "en", "check", "--db", str(db_path))
    assert i18n.language() == "zh_CN"


def test_the_gui_gets_the_language_only_when_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import planmgr.__main__ as entry

    seen: list[list[str]] = []

    def gui_main(argv: list[str]) -> int:
        seen.append(list(argv))
        return 0

    monkeypatch.setattr(entry, "gui_main", gui_main)
    assert main(["gui", "--db", "x.sqlite"]) == 0
    assert main(["--lang", "en", "gui", "--db", "x.sqlite"]) == 0
    assert main(["--lang", "en", "D:/U盘/某化工公司.planpkg"]) == 0
    monkeypatch.setenv("PLANMGR_LANG", "en")
    assert main(["D:/U盘/某化工公司.planpkg"]) == 0
    assert main(["--lang", "zh_CN"]) == 0  # no subcommand: the GUI
    assert seen == [
        ["--db", "x.sqlite"],  # the GUI's own settings decide
        ["--db", "x.sqlite", "--lang", "en"],
        ["--lang", "en", "D:/U盘/某化工公司.planpkg"],
        ["--lang", "en", "D:/U盘/某化工公司.planpkg"],
        ["--lang", "zh_CN"],
    ]


def test_as_a_process_with_the_environment_variable(db_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "planmgr", "check", "--db", str(db_path)],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
        env={**os.environ, "PLANMGR_LANG": "en"},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Check passed: the database is intact." in proc.stdout
    assert not HAN.search(proc.stdout + proc.stderr)

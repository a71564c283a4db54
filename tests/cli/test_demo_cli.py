"""``planmgr demo`` as a user runs it: create, check, refuse to overwrite, overwrite with --force."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from planmgr.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_demo_creates_a_database_that_passes_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.sqlite"
    code, out, err = run(capsys, "demo", "--db", str(db))
    assert code == 0, err
    assert f"已创建演示数据库：{db}" in out
    assert "企业 40" in out and "预案 " in out and "处置卡 " in out
    code, out, err = run(capsys, "check", "--db", str(db))
    assert code == 0, err
    assert "检查通过" in out


def test_demo_needs_force_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "demo.sqlite"
    assert run(capsys, "demo", "--db", str(db))[0] == 0
    before = digest(db)
    code, out, err = run(capsys, "demo", "--db", str(db))
    assert code == 2
    assert "文件已存在" in err and "--force" in err
    assert out == ""
    assert digest(db) == before
    code, out, err = run(capsys, "demo", "--db", str(db), "--force")
    assert code == 0, err
    assert run(capsys, "check", "--db", str(db))[0] == 0


def test_demo_refuses_to_overwrite_a_users_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "town.sqlite"
    assert (
        run(capsys, "init", "--db", str(db), "--unit-name", "赤坎镇人民政府", "--unit-kind", "town")[0] == 0
    )
    before = digest(db)
    code, _, err = run(capsys, "demo", "--db", str(db), "--size", "small")
    assert code == 2 and "文件已存在" in err
    assert digest(db) == before

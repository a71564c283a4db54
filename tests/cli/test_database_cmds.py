"""``planmgr init | check | backup | restore`` as a user runs them (in-process and as a process)."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from planmgr.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_then_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "town.sqlite"
    code, out, _ = run(capsys, "init", "--db", str(db), "--unit-name", "赤坎镇人民政府", "--unit-kind", "town")
    assert code == 0
    assert "赤坎镇人民政府" in out and "应急管理部门模式" in out
    code, out, err = run(capsys, "check", "--db", str(db))
    assert code == 0, err
    assert "检查通过" in out and "单位 1" in out


def test_init_twice_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "town.sqlite"
    assert run(capsys, "init", "--db", str(db), "--unit-name", "赤坎镇人民政府", "--unit-kind", "town")[0] == 0
    code, _, err = run(capsys, "init", "--db", str(db), "--unit-name", "别的单位", "--unit-kind", "town")
    assert code == 2
    assert "已初始化为“赤坎镇人民政府”" in err


def test_init_enterprise_validates_uscc(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "ent.sqlite"
    code, _, err = run(
        capsys, "init", "--db", str(db), "--unit-name", "某化工公司", "--unit-kind", "enterprise",
        "--uscc", "91440783MA4UJ0X12A",
    )
    assert code == 2
    assert "校验位错误" in err or "不允许的字符" in err
    assert not db.exists()
    code, out, _ = run(
        capsys, "init", "--db", str(db), "--unit-name", "某化工公司", "--unit-kind", "enterprise",
        "--uscc", "91350100M000100Y43", "--industry", "危险化学品",
    )
    assert code == 0
    assert "企业模式" in out
    conn = sqlite3.connect(db)
    row = conn.execute("SELECT uscc, must_file, high_risk, listed_for_review FROM unit").fetchone()
    conn.close()
    assert row == ("91350100M000100Y43", 1, 1, 1)


def test_unknown_industry_is_rejected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "init", "--db", str(tmp_path / "x.sqlite"), "--unit-name", "甲", "--unit-kind", "enterprise",
        "--industry", "养猪",
    )
    assert code == 2 and "未知的行业类型" in err


def test_check_on_text_file_exits_3_and_leaves_it(tmp_path: Path) -> None:
    """As a real process: exit code 3, a Chinese message, no traceback, the file unchanged."""
    text = tmp_path / "readme.txt"
    text.write_text("hello 你好\n", encoding="utf-8")
    before = hashlib.sha256(text.read_bytes()).hexdigest()
    proc = subprocess.run(
        [sys.executable, "-m", "planmgr", "check", "--db", str(text)],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
    assert proc.returncode == 3
    assert "不是 planmgr 数据库" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert hashlib.sha256(text.read_bytes()).hexdigest() == before


def test_check_on_newer_schema_exits_3(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num='abcdef123456'")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    code, _, err = run(capsys, "check", "--db", str(db_path))
    assert code == 3 and "更新版本" in err
    assert db_path.read_bytes() == before


def test_missing_database_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "--db", str(tmp_path / "nope.sqlite"))
    assert code == 3 and "不存在" in err


def test_backup_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "town.sqlite"
    run(capsys, "init", "--db", str(db), "--unit-name", "赤坎镇人民政府", "--unit-kind", "town")
    code, out, _ = run(capsys, "backup", "--db", str(db), "--to", str(tmp_path / "bk"))
    assert code == 0
    backup = Path(out.strip().split("：", 1)[1])
    assert backup.exists() and backup.parent == tmp_path / "bk"
    conn = sqlite3.connect(db)
    conn.execute("UPDATE unit SET name='改过的名字'")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "restore", str(backup), "--db", str(db))
    assert code == 0 and "原数据库已保留为" in out
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT name FROM unit").fetchall() == [("赤坎镇人民政府",)]
    conn.close()
    assert run(capsys, "check", "--db", str(db))[0] == 0


def test_bad_usage_exits_2_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["init", "--db", "x.sqlite"])
    assert info.value.code == 2
    assert "参数错误" in capsys.readouterr().err


def test_a_filing_package_alone_on_the_command_line_opens_the_gui(monkeypatch: pytest.MonkeyPatch) -> None:
    """`planmgr X.planpkg` (what the file association runs) starts the GUI with the package."""
    import planmgr.__main__ as entry

    seen: list[list[str]] = []
    monkeypatch.setattr(entry, "gui_main", lambda argv: seen.append(list(argv)) or 0)
    assert main(["D:/U盘/开平市某化工公司.planpkg"]) == 0
    assert seen == [["D:/U盘/开平市某化工公司.planpkg"]]

"""``planmgr package export | import`` as a user runs them: exit codes of DESIGN.md §7 and
the JSON answer of a refused package."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from planmgr.cli import main
from tests.services.filing_builders import enterprise_site, file_digest, json_entry, office_site


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sites(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    ent, uids = enterprise_site(tmp_path / "ent.sqlite")
    office = office_site(tmp_path / "office.sqlite")
    return ent.path, office.path, uids


def test_export_then_import(
    sites: tuple[Path, Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ent, office, (plan_uid,) = sites
    review = tmp_path / "评审意见.pdf"
    review.write_bytes(b"%PDF-1.4 review")
    package = tmp_path / "usb" / "备案.planpkg"
    form = tmp_path / "申报表.pdf"
    code, out, err = run(
        capsys,
        "package",
        "export",
        "--db",
        str(ent),
        "--plan",
        plan_uid,
        "-o",
        str(package),
        "--material",
        f"评审意见={review}",
        "--form",
        str(form),
    )
    assert code == 0, err
    fingerprint = next(line for line in out.splitlines() if line.startswith("指纹："))[3:22]
    assert "预案电子文档" in err and "风险评估结果和应急资源调查清单" in err  # warned: no file attached
    declaration = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(form.read_bytes())).pages)
    assert fingerprint in declaration and "备案申报表" in declaration
    assert json_entry(package.read_bytes(), "manifest.json")["plan_versions"][0]["plan_uid"] == plan_uid

    code, out, err = run(capsys, "package", "import", str(package), "--db", str(office), "--json")
    assert code == 0, err
    answer = json.loads(out)
    assert answer["ok"] is True and answer["reason"] is None and answer["problems"] == []
    assert answer["fingerprint"] == fingerprint and answer["unit_created"] is True
    assert len(answer["filing_uids"]) == 1

    code, out, _ = run(capsys, "package", "import", str(package), "--db", str(office), "--json")
    assert code == 2
    assert json.loads(out)["reason"] == "already_imported"


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"\x00garbage" * 50, "not_a_zip"), (None, "truncated_zip")],
)
def test_refused_package_exits_2_with_json_and_changes_nothing(
    sites: tuple[Path, Path, list[str]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes | None,
    reason: str,
) -> None:
    ent, office, _ = sites
    good = tmp_path / "good.planpkg"
    assert run(capsys, "package", "export", "--db", str(ent), "-o", str(good))[0] == 0
    bad = tmp_path / "bad.planpkg"
    bad.write_bytes(content if content is not None else good.read_bytes()[:300])
    before = file_digest(office)
    code, out, err = run(capsys, "package", "import", str(bad), "--db", str(office), "--json")
    assert code == 2 and err == ""
    answer = json.loads(out)
    assert set(answer) == {"ok", "reason", "message", "problems"}
    assert answer["ok"] is False and answer["reason"] == reason
    assert answer["problems"][0]["reason"] == reason and answer["problems"][0]["message"]
    assert file_digest(office) == before
    code, out, err = run(capsys, "package", "import", str(bad), "--db", str(office))
    assert code == 2 and out == ""
    assert "数据库没有任何改动" in err


def test_missing_file_and_bad_arguments(
    sites: tuple[Path, Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ent, office, _ = sites
    code, out, _ = run(
        capsys, "package", "import", str(tmp_path / "nowhere.planpkg"), "--db", str(office), "--json"
    )
    assert code == 1 and json.loads(out)["reason"] == "unreadable"
    code, _, err = run(capsys, "package", "import", str(tmp_path / "nowhere.planpkg"), "--db", str(office))
    assert code == 1 and "文件操作失败" in err
    code, _, err = run(
        capsys,
        "package",
        "export",
        "--db",
        str(ent),
        "-o",
        str(tmp_path / "a.planpkg"),
        "--material",
        "评审意见",
    )
    assert code == 2 and "项目=文件" in err
    code, _, err = run(capsys, "package", "export", "--db", str(ent), "-o", str(tmp_path / "a.zip"))
    assert code == 2 and ".planpkg" in err
    code, _, err = run(
        capsys, "package", "import", str(tmp_path / "x.planpkg"), "--db", str(tmp_path / "none.sqlite")
    )
    assert code == 3 and "数据库文件不存在" in err


def test_as_a_process(sites: tuple[Path, Path, list[str]], tmp_path: Path) -> None:
    _, office, _ = sites
    bad = tmp_path / "bad.planpkg"
    bad.write_bytes(b"PK\x03\x04 cut short")
    done = subprocess.run(
        [sys.executable, "-m", "planmgr", "package", "import", str(bad), "--db", str(office), "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr == ""
    assert json.loads(done.stdout)["reason"] == "truncated_zip"

"""``planmgr filing …``: list, register, return, answer files, forms and statistics, run the
way an office and an enterprise run them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pypdf
import pytest
from openpyxl import load_workbook

from planmgr.cli import main
from tests.services.filing_builders import ENTERPRISE_NAME, enterprise_site, office_site, valid_uscc


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)


@pytest.fixture
def submitted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path, str]:
    """An enterprise that has sent its package, and an office that imported it: (ent, office, filing uid)."""
    ent, _ = enterprise_site(tmp_path / "ent.sqlite")
    office = office_site(tmp_path / "office.sqlite")
    package = tmp_path / "a.planpkg"
    assert run(capsys, "package", "export", "--db", str(ent.path), "-o", str(package))[0] == 0
    code, out, err = run(capsys, "package", "import", str(package), "--db", str(office.path), "--json")
    assert code == 0, err
    return ent.path, office.path, json.loads(out)["filing_uids"][0]


def listed(capsys: pytest.CaptureFixture[str], db: Path, *extra: str) -> list[dict[str, object]]:
    code, out, err = run(capsys, "filing", "list", "--db", str(db), "--json", *extra)
    assert code == 0, err
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def test_register_and_answer(
    submitted: tuple[Path, Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ent, office, uid = submitted
    (row,) = listed(capsys, office)
    assert row["uid"] == uid and row["status"] == "submitted" and row["unit_name"] == ENTERPRISE_NAME
    code, out, err = run(capsys, "filing", "list", "--db", str(office))
    assert code == 0 and "已报送（审查期限" in out and ENTERPRISE_NAME in out

    form = tmp_path / "登记表.pdf"
    code, out, err = run(
        capsys,
        "filing",
        "register",
        uid,
        "--db",
        str(office),
        "--number",
        "赤坎应急备〔2025〕1号",
        "--pdf",
        str(form),
    )
    assert code == 0, err
    assert "赤坎应急备〔2025〕1号" in out
    assert "赤坎应急备〔2025〕1号" in pdf_text(form) and "予以备案" in pdf_text(form)
    code, _, err = run(capsys, "filing", "register", uid, "--db", str(office))
    assert code == 2 and "已备案" in err

    reply = tmp_path / "答复.planreply"
    assert run(capsys, "filing", "reply", uid, "--db", str(office), "-o", str(reply))[0] == 0
    code, out, err = run(capsys, "filing", "apply-reply", str(reply), "--db", str(ent))
    assert code == 0, err
    assert "已备案" in out and "赤坎应急备〔2025〕1号" in out
    (mine,) = listed(capsys, ent)
    assert mine["status"] == "filed" and mine["filing_number"] == "赤坎应急备〔2025〕1号"

    code, out, _ = run(capsys, "filing", "apply-reply", str(reply), "--db", str(ent))
    assert code == 0 and "此前已导入" in out


def test_return_with_notice(
    submitted: tuple[Path, Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ent, office, uid = submitted
    notice = tmp_path / "告知书.pdf"
    code, out, err = run(
        capsys,
        "filing",
        "return",
        uid,
        "--db",
        str(office),
        "--missing",
        "评审意见",
        "应急资源调查清单",
        "--note",
        "请于 10 个工作日内补正",
        "--pdf",
        str(notice),
    )
    assert code == 0, err
    assert "- 评审意见" in out and "- 应急资源调查清单" in out
    text = pdf_text(notice)
    assert "一次性告知书" in text and "评审意见" in text and "应急资源调查清单" in text
    reply = tmp_path / "答复.planreply"
    assert run(capsys, "filing", "reply", uid, "--db", str(office), "-o", str(reply))[0] == 0
    code, out, err = run(capsys, "filing", "apply-reply", str(reply), "--db", str(ent), "--json")
    assert code == 0, err
    answer = json.loads(out)
    assert answer["status"] == "returned" and answer["missing_items"] == ["评审意见", "应急资源调查清单"]
    (mine,) = listed(capsys, ent, "--status", "returned")
    assert mine["return_notice"] == ["评审意见", "应急资源调查清单"]


def test_refusals(
    submitted: tuple[Path, Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ent, office, uid = submitted
    code, _, err = run(capsys, "filing", "register", "no-such-uid", "--db", str(office))
    assert code == 2 and "找不到备案" in err
    code, _, err = run(
        capsys, "filing", "reply", uid, "--db", str(office), "-o", str(tmp_path / "a.planreply")
    )
    assert code == 2 and "无需答复文件" in err
    code, _, err = run(capsys, "filing", "reply", uid, "--db", str(office), "-o", str(tmp_path / "a.zip"))
    assert code == 2 and ".planreply" in err
    # An answer meant for another enterprise is refused, and its status stays as it was.
    other_ent, _ = enterprise_site(tmp_path / "other.sqlite", name="另一家企业", uscc=valid_uscc("MA4UHD009"))
    assert (
        run(capsys, "package", "export", "--db", str(other_ent.path), "-o", str(tmp_path / "b.planpkg"))[0]
        == 0
    )
    code, out, _ = run(
        capsys, "package", "import", str(tmp_path / "b.planpkg"), "--db", str(office), "--json"
    )
    other_uid = json.loads(out)["filing_uids"][0]
    assert run(capsys, "filing", "register", other_uid, "--db", str(office))[0] == 0
    assert (
        run(capsys, "filing", "reply", other_uid, "--db", str(office), "-o", str(tmp_path / "b.planreply"))[0]
        == 0
    )
    code, out, err = run(capsys, "filing", "apply-reply", str(tmp_path / "b.planreply"), "--db", str(ent))
    assert code == 2 and "没有答复所针对的备案" in err
    assert listed(capsys, ent)[0]["status"] == "submitted"


def test_print_and_stats(
    submitted: tuple[Path, Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, office, uid = submitted
    check = tmp_path / "审查表.pdf"
    assert (
        run(capsys, "filing", "print", uid, "--db", str(office), "--form", "check", "-o", str(check))[0] == 0
    )
    assert "形式审查表" in pdf_text(check)
    code, _, err = run(
        capsys, "filing", "print", uid, "--db", str(office), "--form", "registration", "-o", str(check)
    )
    assert code == 2 and "尚未登记" in err

    xlsx = tmp_path / "备案率.xlsx"
    code, out, err = run(capsys, "filing", "stats", "--db", str(office), "-o", str(xlsx), "--json")
    assert code == 0, err
    stats = json.loads(out)
    assert stats["total"]["must_total"] == 1 and stats["total"]["must_filed"] == 0  # submitted, under check
    assert stats["missing"][0]["reason"] == "已报送，审查中"
    assert load_workbook(xlsx).sheetnames == ["备案率统计", "未备案企业"]
    code, out, _ = run(capsys, "filing", "stats", "--db", str(office), "--as-of", "2099-01-01")
    assert code == 0 and "应备案企业 1/1（100.0%）" in out  # long unanswered: deemed filed

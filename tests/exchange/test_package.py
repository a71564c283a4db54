"""The filing package format: what is written reads back, and every kind of bad file is
refused with its own reason code and a Chinese message that names the problem."""

from __future__ import annotations

import hashlib
import io
import json
import random
import re
import stat
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from planmgr.exchange import package as pkg
from planmgr.exchange.package import read_package, read_reply, write_package, write_reply
from planmgr.exchange.package_schema import (
    REASONS,
    Declaration,
    PackageData,
    PackageFiling,
    PackageMaterial,
    PackagePlan,
    PackageRejected,
    PackageUnit,
    PackageVersion,
    Reply,
    ReplyFiling,
    UnitRef,
)
from planmgr.exchange.package_zip import read_member
from tests.services.filing_builders import json_entry, read_entries, rezip, valid_uscc

PLAN_UID = "2b1c6a52-0d7e-4e53-9a52-7f3f4c1e0a01"
VERSION_UID = "2b1c6a52-0d7e-4e53-9a52-7f3f4c1e0a02"
FILING_UID = "2b1c6a52-0d7e-4e53-9a52-7f3f4c1e0a03"
UNIT_UID = "2b1c6a52-0d7e-4e53-9a52-7f3f4c1e0a04"
DOCUMENT = b"%PDF-1.4 \xe9\xa2\x84\xe6\xa1\x88 document"
DOC_SHA = hashlib.sha256(DOCUMENT).hexdigest()


def sample_data(uscc: str | None = None) -> PackageData:
    return PackageData(
        sender=PackageUnit(
            UNIT_UID,
            "开平市恒达化工有限公司",
            "enterprise",
            uscc or valid_uscc(),
            address="赤坎镇工业园 8 号",
            must_file=True,
            listed_for_review=True,
        ),
        authority=UnitRef("赤坎镇人民政府"),
        plans=(PackagePlan(PLAN_UID, "生产安全事故综合应急预案", "ent_comprehensive", ("work_safety",)),),
        versions=(
            PackageVersion(
                VERSION_UID,
                PLAN_UID,
                "1.0",
                "生产安全事故综合应急预案",
                {"scope": "储罐区", "contacts": [{"name": "张伟", "phone": "13800138000"}]},
                published_date=date(2025, 3, 3),
                major=True,
            ),
        ),
        filings=(PackageFiling(FILING_UID, VERSION_UID),),
        materials=(
            PackageMaterial("预案电子文档", True, DOC_SHA, "预案.pdf"),
            PackageMaterial("评审意见", False),
        ),
        town=UnitRef("赤坎镇人民政府"),
        declaration=Declaration(contact="王芳", fax="0750-2210000", employees=120),
        submitted_date=date(2025, 3, 10),
    )


@pytest.fixture
def good(tmp_path: Path) -> bytes:
    path = tmp_path / "good.planpkg"
    write_package(path, sample_data(), {DOC_SHA: DOCUMENT})
    return path.read_bytes()


def rejected(source: bytes | Path) -> PackageRejected:
    with pytest.raises(PackageRejected) as caught:
        read_package(source)
    error = caught.value
    assert error.reason in REASONS
    assert all(p.reason in REASONS for p in error.problems)
    assert "文件未导入" in error.message
    return error


def test_round_trip_keeps_records_files_and_fingerprint(tmp_path: Path) -> None:
    path = tmp_path / "out" / "a.planpkg"
    written = write_package(path, sample_data(), {DOC_SHA: DOCUMENT})
    assert re.fullmatch(r"[0-9A-F]{4}( [0-9A-F]{4}){3}", written.fingerprint)
    package = read_package(path)
    assert package.data == sample_data()
    assert package.files == {DOC_SHA: DOCUMENT}
    assert package.fingerprint == written.fingerprint
    manifest_bytes = dict((i.filename, d) for i, d in read_entries(path.read_bytes()))["manifest.json"]
    digest = hashlib.sha256(manifest_bytes).hexdigest().upper()
    assert package.fingerprint.replace(" ", "") == digest[:16]
    manifest = json_entry(path.read_bytes(), "manifest.json")
    assert manifest["format"] == "planmgr-filing-package" and manifest["format_version"] == 1
    assert manifest["sender"]["uscc"] == valid_uscc()
    assert {f["path"] for f in manifest["files"]} == {"data.json", f"files/{DOC_SHA}"}
    assert manifest["plan_versions"] == [
        {
            "plan_uid": PLAN_UID,
            "version_uid": VERSION_UID,
            "title": "生产安全事故综合应急预案",
            "label": "1.0",
        }
    ]
    # Nothing but the finished file is left in the folder (written to a temp file, then renamed).
    assert [p.name for p in path.parent.iterdir()] == ["a.planpkg"]


def test_changing_any_file_changes_the_fingerprint(tmp_path: Path) -> None:
    a = write_package(tmp_path / "a.planpkg", sample_data(), {DOC_SHA: DOCUMENT}, package_uid=FILING_UID)
    other = DOCUMENT + b"!"
    data = sample_data()
    data = PackageData(
        **{
            **data.__dict__,
            "materials": (PackageMaterial("预案电子文档", True, hashlib.sha256(other).hexdigest()),),
        }
    )
    b = write_package(
        tmp_path / "b.planpkg", data, {hashlib.sha256(other).hexdigest(): other}, package_uid=FILING_UID
    )
    assert a.fingerprint != b.fingerprint


def test_truncated_zip(good: bytes) -> None:
    error = rejected(good[: len(good) // 2])
    assert error.reason == "truncated_zip"
    assert "不完整" in error.problems[0].message


def test_random_bytes() -> None:
    error = rejected(random.Random(7).randbytes(4096))
    assert error.reason == "not_a_zip"
    assert "不是 ZIP" in error.problems[0].message


def test_empty_file() -> None:
    assert rejected(b"").reason == "not_a_zip"


def test_missing_manifest(good: bytes) -> None:
    error = rejected(rezip(good, drop=["manifest.json"]))
    assert error.reason == "missing_manifest"
    assert "manifest.json" in error.problems[0].message


def test_wrong_hash_of_a_document(good: bytes) -> None:
    tampered = bytes(reversed(DOCUMENT))  # same size, other bytes
    error = rejected(rezip(good, replace={f"files/{DOC_SHA}": tampered}))
    assert error.reason == "bad_hash"
    assert f"files/{DOC_SHA}" in error.problems[0].message and "SHA-256" in error.problems[0].message


def test_changed_data_json_is_caught_by_its_hash(good: bytes) -> None:
    data = json_entry(good, "data.json")
    data["sender"]["name"] = "开平市恒达化工有限公司（改）"
    error = rejected(rezip(good, replace={"data.json": json.dumps(data, ensure_ascii=False).encode()}))
    assert error.reason == "bad_size"  # a different length is caught before hashing
    assert "data.json" in error.problems[0].message


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("../evil.txt", "“..”"),
        ("files/../../etc/passwd", "“..”"),
        ("/etc/passwd", "绝对路径"),
        ("C:/Windows/evil.dll", "盘符"),
        ("files\\..\\evil.txt", "反斜杠"),
    ],
)
def test_path_traversal(good: bytes, name: str, why: str) -> None:
    error = rejected(rezip(good, add=[(name, b"x")]))
    assert error.reason == "path_traversal"
    assert why in error.problems[0].message


def test_symlink_entry(good: bytes) -> None:
    info = zipfile.ZipInfo(f"files/{'0' * 64}")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    error = rejected(rezip(good, add=[(info, b"/etc/passwd")]))
    assert error.reason == "symlink"
    assert "符号链接" in error.problems[0].message


def test_duplicate_entry(good: bytes) -> None:
    error = rejected(rezip(good, add=[("data.json", b"{}")]))
    assert error.reason == "duplicate_entry"


def test_unexpected_entry(good: bytes) -> None:
    error = rejected(rezip(good, add=[("autorun.exe", b"MZ")]))
    assert error.reason == "unexpected_file"
    assert "autorun.exe" in error.problems[0].message


def test_zip_bomb_by_ratio(good: bytes) -> None:
    zeros = bytes(8 * 1024 * 1024)  # inflates ~1000:1
    sha = hashlib.sha256(zeros).hexdigest()
    manifest = json_entry(good, "manifest.json")
    manifest["files"].append({"path": f"files/{sha}", "sha256": sha, "size": len(zeros)})
    bomb = rezip(good, add=[(f"files/{sha}", zeros)], manifest=manifest)
    assert len(bomb) < 100_000
    error = rejected(bomb)
    assert error.reason == "zip_bomb"
    assert "压缩比" in error.problems[0].message


def test_zip_bomb_by_total_declared_size(good: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pkg, "MAX_TOTAL_BYTES", 1000)
    error = rejected(good)
    assert error.reason == "zip_bomb"
    assert "超过上限" in error.problems[0].message


def test_inflating_past_the_running_cap_is_refused(good: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        info = archive.getinfo("data.json")
        with pytest.raises(PackageRejected) as caught:
            read_member(archive, info, cap=info.file_size // 2)
    assert caught.value.reason == "zip_bomb"


def test_package_file_too_large(tmp_path: Path, good: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pkg, "MAX_PACKAGE_BYTES", len(good) - 1)
    path = tmp_path / "big.planpkg"
    path.write_bytes(good)
    assert rejected(path).reason == "too_large"


def test_unknown_format_version(good: bytes) -> None:
    manifest = json_entry(good, "manifest.json")
    manifest["format_version"] = 2
    error = rejected(rezip(good, manifest=manifest))
    assert error.reason == "unknown_version"
    assert "版本为 2" in error.problems[0].message and "升级" in error.problems[0].message


def test_not_our_format(good: bytes) -> None:
    manifest = json_entry(good, "manifest.json")
    manifest["format"] = "something-else"
    assert rejected(rezip(good, manifest=manifest)).reason == "unknown_format"


@pytest.mark.parametrize("entry", ["manifest.json", "data.json"])
def test_malformed_json(good: bytes, entry: str) -> None:
    error = rejected(
        rezip(
            good, replace={entry: b'{"format": "planmgr-filing-package",'}, fix_manifest=entry == "data.json"
        )
    )
    assert error.reason == "bad_json"
    assert entry in error.problems[0].message and "第 1 行" in error.problems[0].message


def test_json_with_duplicate_keys_or_nan_is_malformed(good: bytes) -> None:
    assert (
        rejected(rezip(good, replace={"data.json": b'{"a": 1, "a": 2}'}, fix_manifest=True)).reason
        == "bad_json"
    )
    assert rejected(rezip(good, replace={"data.json": b'{"a": NaN}'}, fix_manifest=True)).reason == "bad_json"


def test_invalid_uscc(good: bytes) -> None:
    data = json_entry(good, "data.json")
    bad = valid_uscc()[:-1] + ("0" if valid_uscc()[-1] != "0" else "1")
    data["sender"]["uscc"] = bad
    manifest = json_entry(good, "manifest.json")
    manifest["sender"]["uscc"] = bad
    error = rejected(
        rezip(good, replace={"data.json": json.dumps(data).encode()}, manifest=manifest, fix_manifest=True)
    )
    assert error.reason == "invalid_uscc"
    assert "校验位错误" in error.problems[0].message


def test_schema_problems_are_all_listed(good: bytes) -> None:
    data = json_entry(good, "data.json")
    data["plans"][0]["category"] = "bogus"
    data["versions"][0]["published_date"] = "2025/03/03"
    del data["sender"]["name"]
    error = rejected(rezip(good, replace={"data.json": json.dumps(data).encode()}, fix_manifest=True))
    assert error.reason == "bad_schema"
    messages = "\n".join(p.message for p in error.problems)
    assert "plans[0].category" in messages and "bogus" in messages
    assert "versions[0].published_date" in messages and "YYYY-MM-DD" in messages
    assert "sender.name 缺少必填项" in messages
    assert len(error.problems) == 3


def test_text_the_database_could_not_store_is_refused(good: bytes) -> None:
    data = json_entry(good, "data.json")
    data["versions"][0]["content"]["scope"] = "a\u0000b"
    error = rejected(rezip(good, replace={"data.json": json.dumps(data).encode()}, fix_manifest=True))
    assert error.reason == "bad_schema" and "空字符" in error.problems[0].message
    raw = json.dumps(data).replace("a\\u0000b", "\\ud800").encode()
    assert rejected(rezip(good, replace={"data.json": raw}, fix_manifest=True)).reason == "bad_schema"


def test_manifest_and_data_must_agree(good: bytes) -> None:
    manifest = json_entry(good, "manifest.json")
    manifest["sender"]["uid"] = FILING_UID
    error = rejected(rezip(good, manifest=manifest))
    assert error.reason == "mismatch"


def test_file_listed_but_absent(good: bytes) -> None:
    error = rejected(rezip(good, drop=[f"files/{DOC_SHA}"]))
    assert error.reason == "missing_file"


def test_rejection_json_shape(good: bytes) -> None:
    error = rejected(good[:100])
    as_json = error.to_json()
    assert as_json["ok"] is False and as_json["reason"] == "truncated_zip"
    assert as_json["problems"][0]["reason"] == "truncated_zip"
    assert as_json["message"].startswith(REASONS["truncated_zip"])


# --------------------------------------------------------------------------- answer file


def sample_reply(**changes: object) -> Reply:
    values: dict[str, object] = dict(
        reply_uid=UNIT_UID,
        created=datetime(2025, 3, 12, 8, tzinfo=UTC),
        app_version="0.1.0",
        authority=UnitRef("赤坎镇人民政府", PLAN_UID),
        package_uid=VERSION_UID,
        fingerprint="3F2A 91C0 77BE 0D14",
        filings=(ReplyFiling(FILING_UID, VERSION_UID),),
        status="filed",
        answer_date=date(2025, 3, 12),
        filing_number="440783-2025-0001",
    )
    values.update(changes)
    return Reply(**values)  # type: ignore[arg-type]


def test_reply_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "a.planreply"
    write_reply(path, sample_reply())
    assert read_reply(path) == sample_reply()
    returned = sample_reply(status="returned", filing_number=None, missing_items=("评审意见", "风险评估结果"))
    write_reply(path, returned)
    assert read_reply(path) == returned


def test_reply_checked_like_a_package(tmp_path: Path) -> None:
    path = tmp_path / "a.planreply"
    write_reply(path, sample_reply())
    good = path.read_bytes()
    with pytest.raises(PackageRejected) as caught:
        read_reply(rezip(good, add=[("../x", b"")]))
    assert caught.value.reason == "path_traversal"
    with pytest.raises(PackageRejected) as caught:
        read_reply(good[:40])
    assert caught.value.reason == "truncated_zip"
    reply = json_entry(good, "reply.json")
    reply["status"] = "returned"  # a return must list what is missing
    with pytest.raises(PackageRejected) as caught:
        read_reply(rezip(good, replace={"reply.json": json.dumps(reply).encode()}))
    assert caught.value.reason == "bad_schema" and "missing_items" in caught.value.problems[0].message

"""The records a filing package carries, and why a package or answer file is refused
(DESIGN.md §6).

Plain dataclasses in, plain JSON out: ``to_json`` writes (field names are the JSON keys, dates
ISO text); ``package_parse`` reads untrusted JSON back into these records.  A refusal is a
``PackageRejected`` holding every ``Problem`` found, each with a reason code (``REASONS``) and a
message in the interface language; the JSON keys and contents are the file format and do not
change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date, datetime
from typing import Any

from planmgr.domain.enums import FilingStatus
from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import N_, tr

FORMAT_NAME = "planmgr-filing-package"
FORMAT_VERSION = 1
REPLY_FORMAT_NAME = "planmgr-filing-reply"
REPLY_FORMAT_VERSION = 1

UID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")


# Reason codes (machine-readable) with the headline shown to users: ``tr(REASONS[reason])``.
REASONS: dict[str, str] = {
    "not_a_zip": N_("文件不是备案包（不是 ZIP 压缩文件）"),
    "truncated_zip": N_("备案包不完整（文件被截断），请重新拷贝"),
    "corrupt_zip": N_("备案包已损坏"),
    "unsupported_zip": N_("备案包使用了不支持的压缩方式或加密"),
    "too_large": N_("备案包或其中的文件过大"),
    "zip_bomb": N_("备案包解压后体积异常（疑似压缩炸弹）"),
    "path_traversal": N_("备案包中有不安全的文件路径"),
    "symlink": N_("备案包中有链接文件"),
    "duplicate_entry": N_("备案包中有重复的文件"),
    "unexpected_file": N_("备案包中有不认识的文件"),
    "missing_manifest": N_("备案包缺少清单文件 manifest.json"),
    "missing_data": N_("备案包缺少数据文件 data.json"),
    "missing_file": N_("备案包缺少清单中列出的文件"),
    "bad_hash": N_("文件校验值（SHA-256）不符，内容被改动或已损坏"),
    "bad_size": N_("文件大小与清单不符"),
    "bad_json": N_("JSON 格式错误"),
    "unknown_format": N_("不是 planmgr 备案包"),
    "unknown_version": N_("备案包格式版本不受支持"),
    "bad_schema": N_("数据内容不符合备案包格式"),
    "invalid_uscc": N_("统一社会信用代码无效"),
    "mismatch": N_("清单与数据不一致"),
    "already_imported": N_("该备案包已经导入过"),
    "not_office": N_("本数据库不是应急管理部门（受理）模式"),
    "town_required": N_("无法确定企业所属乡镇（街道）"),
    "conflict": N_("与本数据库中已有的记录冲突"),
    "unknown_filing": N_("本数据库中没有对应的备案"),
    "not_applicable": N_("答复与该备案的当前状态不符"),
}


@dataclass(frozen=True)
class Problem:
    """One reason a package or answer file is refused."""

    reason: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"reason": self.reason, "message": self.message}


class PackageRejected(ValidationError):
    """A package or answer file refused; ``problems`` lists every reason (CLI exit 2)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            raise ValueError("a rejection needs at least one problem")
        self.problems = list(problems)
        self.reason = self.problems[0].reason
        lines = [tr("{headline}。文件未导入，数据库没有任何改动。", headline=self.headline)]
        lines.extend(f"- {p.message}" for p in self.problems[:20])
        if len(self.problems) > 20:
            lines.append(tr("…… 另有 {count} 个问题", count=len(self.problems) - 20))
        super().__init__("\n".join(lines))

    @property
    def headline(self) -> str:
        """What kind of refusal this is (the first problem's reason), in a few words."""
        return tr(REASONS[self.reason]) if self.reason in REASONS else tr("文件被拒绝")

    @property
    def summary(self) -> str:
        """One line: the headline and the first problem."""
        first = self.problems[0].message
        if len(self.problems) > 1:
            count = len(self.problems)
            return tr(
                "{headline}：{problem}（共 {count} 个问题）",
                headline=self.headline,
                problem=first,
                count=count,
            )
        return tr("{headline}：{problem}", headline=self.headline, problem=first)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": False,
            "reason": self.reason,
            "message": self.summary,
            "problems": [p.to_json() for p in self.problems],
        }


def reject(reason: str, message: str) -> PackageRejected:
    """A refusal for one problem."""
    return PackageRejected([Problem(reason, message)])


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class PackageUnit:
    """The sending unit as its own database knows it."""

    uid: str
    name: str
    kind: str
    uscc: str | None = None
    region_code: str | None = None
    industry: str | None = None
    scale: str | None = None
    address: str | None = None
    postcode: str | None = None
    legal_rep: str | None = None
    contact: str | None = None
    phone: str | None = None
    duty_phone: str | None = None
    must_file: bool = False
    listed_for_review: bool = False
    key_enterprise: bool = False
    high_risk: bool = False


@dataclass(frozen=True)
class UnitRef:
    """A unit named by another database (its uid there, and its name)."""

    name: str
    uid: str | None = None


@dataclass(frozen=True)
class Declaration:
    """备案申报表 fields the unit record does not hold (ENT Art.27 ①)."""

    contact: str | None = None
    phone: str | None = None
    fax: str | None = None
    email: str | None = None
    total_assets: str | None = None  # 资产总额（万元）, as written
    employees: int | None = None  # 从业人数
    declared_date: date | None = None


@dataclass(frozen=True)
class PackagePlan:
    uid: str
    title: str
    category: str
    event_types: tuple[str, ...] = ()
    parent_uid: str | None = None


@dataclass(frozen=True)
class PackageVersion:
    uid: str
    plan_uid: str
    label: str
    title: str
    content: dict[str, Any] = field(default_factory=dict)
    issued_date: date | None = None
    published_date: date | None = None
    doc_number: str | None = None
    approver: str | None = None
    revision_trigger: str | None = None
    major: bool = False
    change_summary: str | None = None


@dataclass(frozen=True)
class PackageFiling:
    """One filing (of one plan version) the package submits; the office keeps its uid."""

    uid: str
    version_uid: str
    previous_filing_uid: str | None = None


@dataclass(frozen=True)
class PackageMaterial:
    """One checklist item and the file that covers it (``None``: covered otherwise or missing)."""

    item: str
    provided: bool
    file_sha256: str | None = None
    filename: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class PackageData:
    """Everything ``data.json`` holds."""

    sender: PackageUnit
    authority: UnitRef
    plans: tuple[PackagePlan, ...]
    versions: tuple[PackageVersion, ...]
    filings: tuple[PackageFiling, ...]
    materials: tuple[PackageMaterial, ...] = ()
    town: UnitRef | None = None
    declaration: Declaration = field(default_factory=Declaration)
    submitted_date: date | None = None
    previous_package_uid: str | None = None


@dataclass(frozen=True)
class ManifestFile:
    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class ManifestVersion:
    plan_uid: str
    version_uid: str
    title: str
    label: str


@dataclass(frozen=True)
class Sender:
    name: str
    uid: str
    uscc: str | None = None


@dataclass(frozen=True)
class Manifest:
    package_uid: str
    created: datetime
    app_version: str
    sender: Sender
    authority: UnitRef
    plan_versions: tuple[ManifestVersion, ...]
    files: tuple[ManifestFile, ...]
    format: str = FORMAT_NAME
    format_version: int = FORMAT_VERSION


@dataclass(frozen=True)
class ReplyFiling:
    uid: str
    version_uid: str


@dataclass(frozen=True)
class Reply:
    """The authority's answer to the filings of one package (``.planreply``)."""

    reply_uid: str
    created: datetime
    app_version: str
    authority: UnitRef
    package_uid: str
    fingerprint: str | None
    filings: tuple[ReplyFiling, ...]
    status: str  # filed | returned
    answer_date: date
    filing_number: str | None = None
    missing_items: tuple[str, ...] = ()
    note: str | None = None


REPLY_STATUSES = (FilingStatus.FILED.value, FilingStatus.RETURNED.value)


# --------------------------------------------------------------------------- writing


def to_json(record: Any) -> Any:
    """A record as JSON values: dataclasses by their field names, dates as ISO text."""
    if is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_json(getattr(record, f.name)) for f in fields(record)}
    if isinstance(record, dict):
        return {key: to_json(value) for key, value in record.items()}
    if isinstance(record, list | tuple):
        return [to_json(value) for value in record]
    if isinstance(record, date):  # and datetime
        return record.isoformat()
    return record


def reply_to_json(reply: Reply) -> dict[str, Any]:
    return {"format": REPLY_FORMAT_NAME, "format_version": REPLY_FORMAT_VERSION, **to_json(reply)}

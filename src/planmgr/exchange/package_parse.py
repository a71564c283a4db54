"""The schema check of a filing package's JSON and of an answer file's (DESIGN.md §6).

``parse_*`` read untrusted JSON into the records of ``package_schema`` and report every
problem (a ``Problem`` with a reason code and a message naming the field, in the interface
language).  Text lengths follow the columns of ``planmgr.store.models`` so that an accepted
package always fits the database (PostgreSQL enforces ``varchar`` lengths; SQLite would hide
the problem).
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any

from planmgr.domain.enums import FilingStatus, PlanCategory, UnitKind
from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import tr
from planmgr.domain.validators import validate_uscc
from planmgr.exchange.package_schema import (
    FORMAT_NAME,
    FORMAT_VERSION,
    REPLY_FORMAT_NAME,
    REPLY_FORMAT_VERSION,
    REPLY_STATUSES,
    SHA256_RE,
    UID_RE,
    Declaration,
    Manifest,
    ManifestFile,
    ManifestVersion,
    PackageData,
    PackageFiling,
    PackageMaterial,
    PackagePlan,
    PackageUnit,
    PackageVersion,
    Problem,
    Reply,
    ReplyFiling,
    Sender,
    UnitRef,
)

MAX_ITEMS = 500
"""Most plans, versions, materials or list entries of one kind in a package."""
MAX_DEPTH = 32
"""Deepest nesting of JSON accepted (plan content is a few levels deep)."""
MAX_TEXT = 20_000
"""Longest free text (change summary, notes); content strings are bounded by the file size."""


def json_problem(where: str, value: Any) -> str | None:
    """Why parsed JSON cannot be stored as is: too deep, a lone surrogate, a NUL, a non-finite
    number.  (The database encodes text as UTF-8 and PostgreSQL refuses NUL in text.)"""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return tr("{where} 嵌套层数过多（最多 {limit} 层）", where=where, limit=MAX_DEPTH)
        if isinstance(node, dict):
            for key, child in node.items():
                stack.append((key, depth + 1))
                stack.append((child, depth + 1))
        elif isinstance(node, list):
            stack.extend((child, depth + 1) for child in node)
        elif isinstance(node, str):
            if "\x00" in node:
                return tr("{where} 含有空字符（\\u0000）", where=where)
            try:
                node.encode("utf-8")
            except UnicodeEncodeError:
                return tr("{where} 含有无效的 Unicode 字符（单独的代理项）", where=where)
        elif isinstance(node, float) and not math.isfinite(node):
            return tr("{where} 含有无效的数值", where=where)
    return None


class _Checker:
    """Reads untrusted JSON objects field by field, collecting every problem."""

    def __init__(self, document: str) -> None:
        self.document = document
        self.problems: list[Problem] = []

    def fail(self, path: str, what: str, reason: str = "bad_schema") -> None:
        """Report ``what`` (a translated predicate: "缺少必填项") of the field at ``path``."""
        message = tr("{document} 中 {path} {problem}", document=self.document, path=path, problem=what)
        self.problems.append(Problem(reason, message))

    def obj(self, value: Any, path: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.fail(path, tr("应为对象（{…}）"))
            return None
        return value

    def array(self, o: dict[str, Any], key: str, path: str, *, required: bool = True) -> list[Any]:
        value = o.get(key)
        if value is None and not required:
            return []
        if not isinstance(value, list):
            self.fail(f"{path}.{key}", tr("缺少必填项") if value is None else tr("应为列表（[…]）"))
            return []
        if len(value) > MAX_ITEMS:
            self.fail(f"{path}.{key}", tr("条目过多（最多 {limit} 条）", limit=MAX_ITEMS))
            return []
        return value

    def text(
        self,
        o: dict[str, Any],
        key: str,
        path: str,
        *,
        max_len: int,
        required: bool = True,
        pattern: re.Pattern[str] | None = None,
        choices: tuple[str, ...] | None = None,
    ) -> str | None:
        value = o.get(key)
        where = f"{path}.{key}"
        if value is None:
            if required:
                self.fail(where, tr("缺少必填项"))
            return None
        if not isinstance(value, str):
            self.fail(where, tr("应为文本"))
            return None
        if required and not value.strip():
            self.fail(where, tr("不能为空"))
            return None
        if len(value) > max_len:
            self.fail(where, tr("过长（最多 {limit} 个字符）", limit=max_len))
            return None
        if pattern is not None and not pattern.match(value):
            self.fail(where, tr("格式不正确：{value}", value=value[:80]))
            return None
        if choices is not None and value not in choices:
            self.fail(where, tr("取值不正确：{value}", value=value[:80]))
            return None
        return value

    def req_text(self, o: dict[str, Any], key: str, path: str, **kw: Any) -> str:
        """A required text; "" after a reported problem (the result is discarded then)."""
        return self.text(o, key, path, required=True, **kw) or ""

    def uid(self, o: dict[str, Any], key: str, path: str, *, required: bool = True) -> str | None:
        return self.text(o, key, path, max_len=36, required=required, pattern=UID_RE)

    def flag(self, o: dict[str, Any], key: str, path: str) -> bool:
        value = o.get(key, False)
        if not isinstance(value, bool):
            self.fail(f"{path}.{key}", tr("应为 true 或 false"))
            return False
        return value

    def integer(
        self, o: dict[str, Any], key: str, path: str, *, minimum: int, maximum: int, required: bool = False
    ) -> int | None:
        value = o.get(key)
        if value is None:
            if required:
                self.fail(f"{path}.{key}", tr("缺少必填项"))
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
            self.fail(
                f"{path}.{key}",
                tr("应为 {minimum} 到 {maximum} 之间的整数", minimum=minimum, maximum=maximum),
            )
            return None
        return value

    def day(self, o: dict[str, Any], key: str, path: str, *, required: bool = False) -> date | None:
        text = self.text(o, key, path, max_len=10, required=required)
        if text is None:
            return None
        try:
            day = date.fromisoformat(text)
        except ValueError:
            day = None
        if day is None or len(text) != 10:
            self.fail(f"{path}.{key}", tr("日期格式不正确（应为 YYYY-MM-DD）：{text}", text=text))
            return None
        return day

    def moment(self, o: dict[str, Any], key: str, path: str) -> datetime | None:
        text = self.text(o, key, path, max_len=40)
        if text is None:
            return None
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            self.fail(f"{path}.{key}", tr("时间格式不正确：{text}", text=text))
            return None
        if moment.tzinfo is None:
            self.fail(f"{path}.{key}", tr("时间缺少时区：{text}", text=text))
            return None
        return moment

    def texts(self, o: dict[str, Any], key: str, path: str, *, max_len: int) -> tuple[str, ...]:
        result: list[str] = []
        for i, value in enumerate(self.array(o, key, path, required=False)):
            if not isinstance(value, str) or not value.strip() or len(value) > max_len:
                self.fail(f"{path}.{key}[{i}]", tr("应为不超过 {limit} 个字符的非空文本", limit=max_len))
            else:
                result.append(value)
        return tuple(result)

    def ref(self, o: dict[str, Any], key: str, path: str, *, required: bool = True) -> UnitRef | None:
        value = o.get(key)
        if value is None and not required:
            return None
        inner = self.obj(value, f"{path}.{key}")
        if inner is None:
            return None
        where = f"{path}.{key}"
        name = self.req_text(inner, "name", where, max_len=200)
        return UnitRef(name, self.uid(inner, "uid", where, required=False))

    def uscc(self, code: str | None, where: str) -> str | None:
        if code is None:
            return None
        try:
            return validate_uscc(code)
        except ValidationError as error:
            message = tr(
                "{document} 中 {path}：{problem}", document=self.document, path=where, problem=error.message
            )
            self.problems.append(Problem("invalid_uscc", message))
            return None


def _unique(checker: _Checker, values: list[str], path: str, what: str) -> None:
    """``what``: the translated name of the values (文件路径, 预案标识 …)."""
    seen: set[str] = set()
    for value in values:
        if value in seen:
            checker.fail(path, tr("中{what}重复：{value}", what=what, value=value))
        seen.add(value)


def check_format(o: dict[str, Any], document: str, name: str, version: int) -> list[Problem]:
    """Format name and version first: a newer version is refused before its schema is read."""
    found_name = o.get("format")
    if found_name != name:
        shown = found_name if isinstance(found_name, str) else tr("无")
        message = tr(
            "{document} 的格式名称为“{found}”，应为“{expected}”",
            document=document,
            found=shown[:60],
            expected=name,
        )
        return [Problem("unknown_format", message)]
    found = o.get("format_version")
    if isinstance(found, bool) or not isinstance(found, int) or found != version:
        shown = str(found) if isinstance(found, int) and not isinstance(found, bool) else tr("无效")
        hint = (
            tr("请升级 planmgr 后再导入")
            if isinstance(found, int) and found > version
            else tr("文件可能已损坏")
        )
        message = tr(
            "备案包格式版本为 {found}，本程序支持版本 {version}；{hint}",
            found=shown,
            version=version,
            hint=hint,
        )
        return [Problem("unknown_version", message)]
    return []


def parse_manifest(value: Any) -> tuple[Manifest | None, list[Problem]]:
    c = _Checker("manifest.json")
    o = c.obj(value, tr("（根）"))
    if o is None:
        return None, c.problems
    problems = check_format(o, "manifest.json", FORMAT_NAME, FORMAT_VERSION)
    if problems:
        return None, problems
    if (trouble := json_problem("manifest.json", o)) is not None:
        return None, [Problem("bad_schema", trouble)]
    package_uid = c.uid(o, "package_uid", "manifest")
    created = c.moment(o, "created", "manifest")
    app_version = c.req_text(o, "app_version", "manifest", max_len=40)
    sender_obj = c.obj(o.get("sender"), "manifest.sender")
    sender = None
    if sender_obj is not None:
        uscc = c.text(sender_obj, "uscc", "manifest.sender", max_len=18, required=False)
        sender = Sender(
            c.req_text(sender_obj, "name", "manifest.sender", max_len=200),
            c.uid(sender_obj, "uid", "manifest.sender") or "",
            c.uscc(uscc, "manifest.sender.uscc"),
        )
    authority = c.ref(o, "authority", "manifest")
    versions: list[ManifestVersion] = []
    for i, raw in enumerate(c.array(o, "plan_versions", "manifest")):
        path = f"manifest.plan_versions[{i}]"
        if (item := c.obj(raw, path)) is not None:
            versions.append(
                ManifestVersion(
                    c.uid(item, "plan_uid", path) or "",
                    c.uid(item, "version_uid", path) or "",
                    c.req_text(item, "title", path, max_len=300),
                    c.req_text(item, "label", path, max_len=40),
                )
            )
    files: list[ManifestFile] = []
    for i, raw in enumerate(c.array(o, "files", "manifest")):
        path = f"manifest.files[{i}]"
        if (item := c.obj(raw, path)) is not None:
            files.append(
                ManifestFile(
                    c.req_text(item, "path", path, max_len=80),
                    c.req_text(item, "sha256", path, max_len=64, pattern=SHA256_RE),
                    c.integer(item, "size", path, minimum=0, maximum=2**40, required=True) or 0,
                )
            )
    _unique(c, [f.path for f in files], "manifest.files", tr("文件路径"))
    if not versions:
        c.fail("manifest.plan_versions", tr("不能为空：备案包至少包含一个预案版本"))
    if c.problems or sender is None or authority is None or created is None or package_uid is None:
        return None, c.problems
    manifest = Manifest(package_uid, created, app_version, sender, authority, tuple(versions), tuple(files))
    return manifest, []


def _parse_sender(c: _Checker, value: Any) -> PackageUnit | None:
    o = c.obj(value, "sender")
    if o is None:
        return None
    p = "sender"
    kind = c.text(o, "kind", p, max_len=20, choices=tuple(k.value for k in UnitKind))
    uscc_text = c.text(o, "uscc", p, max_len=18, required=kind == UnitKind.ENTERPRISE.value)

    def opt(key: str, max_len: int) -> str | None:
        return c.text(o, key, p, max_len=max_len, required=False)

    unit = PackageUnit(
        uid=c.uid(o, "uid", p) or "",
        name=c.req_text(o, "name", p, max_len=200),
        kind=kind or "",
        uscc=c.uscc(uscc_text, "sender.uscc"),
        region_code=opt("region_code", 12),
        industry=opt("industry", 40),
        scale=opt("scale", 10),
        address=opt("address", 300),
        postcode=opt("postcode", 10),
        legal_rep=opt("legal_rep", 50),
        contact=opt("contact", 50),
        phone=opt("phone", 40),
        duty_phone=opt("duty_phone", 40),
        must_file=c.flag(o, "must_file", p),
        listed_for_review=c.flag(o, "listed_for_review", p),
        key_enterprise=c.flag(o, "key_enterprise", p),
        high_risk=c.flag(o, "high_risk", p),
    )
    return unit


def _parse_declaration(c: _Checker, value: Any) -> Declaration:
    if value is None:
        return Declaration()
    o = c.obj(value, "declaration")
    if o is None:
        return Declaration()
    p = "declaration"
    return Declaration(
        contact=c.text(o, "contact", p, max_len=50, required=False),
        phone=c.text(o, "phone", p, max_len=40, required=False),
        fax=c.text(o, "fax", p, max_len=40, required=False),
        email=c.text(o, "email", p, max_len=100, required=False),
        total_assets=c.text(o, "total_assets", p, max_len=40, required=False),
        employees=c.integer(o, "employees", p, minimum=0, maximum=10_000_000),
        declared_date=c.day(o, "declared_date", p),
    )


def parse_data(value: Any) -> tuple[PackageData | None, list[Problem]]:
    c = _Checker("data.json")
    o = c.obj(value, tr("（根）"))
    if o is None:
        return None, c.problems
    if (trouble := json_problem("data.json", o)) is not None:
        return None, [Problem("bad_schema", trouble)]
    sender = _parse_sender(c, o.get("sender"))
    root = tr("（根）")
    authority = c.ref(o, "authority", root)
    town = c.ref(o, "town", root, required=False)
    declaration = _parse_declaration(c, o.get("declaration"))
    categories = tuple(cat.value for cat in PlanCategory)
    plans: list[PackagePlan] = []
    for i, raw in enumerate(c.array(o, "plans", root)):
        p = f"plans[{i}]"
        if (item := c.obj(raw, p)) is not None:
            plans.append(
                PackagePlan(
                    uid=c.uid(item, "uid", p) or "",
                    title=c.req_text(item, "title", p, max_len=300),
                    category=c.text(item, "category", p, max_len=30, choices=categories) or "",
                    event_types=c.texts(item, "event_types", p, max_len=40),
                    parent_uid=c.uid(item, "parent_uid", p, required=False),
                )
            )
    versions: list[PackageVersion] = []
    for i, raw in enumerate(c.array(o, "versions", root)):
        p = f"versions[{i}]"
        if (item := c.obj(raw, p)) is None:
            continue
        content = item.get("content", {})
        if not isinstance(content, dict):
            c.fail(f"{p}.content", tr("应为对象（{…}）"))
            content = {}
        versions.append(
            PackageVersion(
                uid=c.uid(item, "uid", p) or "",
                plan_uid=c.uid(item, "plan_uid", p) or "",
                label=c.req_text(item, "label", p, max_len=40),
                title=c.req_text(item, "title", p, max_len=300),
                content=content,
                issued_date=c.day(item, "issued_date", p),
                published_date=c.day(item, "published_date", p),
                doc_number=c.text(item, "doc_number", p, max_len=100, required=False),
                approver=c.text(item, "approver", p, max_len=100, required=False),
                revision_trigger=c.text(item, "revision_trigger", p, max_len=40, required=False),
                major=c.flag(item, "major", p),
                change_summary=c.text(item, "change_summary", p, max_len=MAX_TEXT, required=False),
            )
        )
    filings: list[PackageFiling] = []
    for i, raw in enumerate(c.array(o, "filings", root)):
        p = f"filings[{i}]"
        if (item := c.obj(raw, p)) is not None:
            filings.append(
                PackageFiling(
                    c.uid(item, "uid", p) or "",
                    c.uid(item, "version_uid", p) or "",
                    c.uid(item, "previous_filing_uid", p, required=False),
                )
            )
    materials: list[PackageMaterial] = []
    for i, raw in enumerate(c.array(o, "materials", root, required=False)):
        p = f"materials[{i}]"
        if (item := c.obj(raw, p)) is not None:
            materials.append(
                PackageMaterial(
                    item=c.req_text(item, "item", p, max_len=100),
                    provided=c.flag(item, "provided", p),
                    file_sha256=c.text(item, "file_sha256", p, max_len=64, required=False, pattern=SHA256_RE),
                    filename=c.text(item, "filename", p, max_len=260, required=False),
                    note=c.text(item, "note", p, max_len=MAX_TEXT, required=False),
                )
            )
    submitted = c.day(o, "submitted_date", root)
    previous = c.uid(o, "previous_package_uid", root, required=False)
    _cross_check(c, plans, versions, filings)
    if c.problems or sender is None or authority is None:
        return None, c.problems
    data = PackageData(
        sender,
        authority,
        tuple(plans),
        tuple(versions),
        tuple(filings),
        tuple(materials),
        town,
        declaration,
        submitted,
        previous,
    )
    return data, []


def _cross_check(
    c: _Checker, plans: list[PackagePlan], versions: list[PackageVersion], filings: list[PackageFiling]
) -> None:
    _unique(c, [p.uid for p in plans], "plans", tr("预案标识"))
    _unique(c, [v.uid for v in versions], "versions", tr("版本标识"))
    _unique(c, [f.uid for f in filings], "filings", tr("备案标识"))
    _unique(c, [f.version_uid for f in filings], "filings", tr("报送的版本"))
    plan_uids = {p.uid for p in plans}
    version_uids = {v.uid for v in versions}
    for i, v in enumerate(versions):
        if v.plan_uid and v.plan_uid not in plan_uids:
            c.fail(f"versions[{i}].plan_uid", tr("指向包中没有的预案：{uid}", uid=v.plan_uid))
    for i, f in enumerate(filings):
        if f.version_uid and f.version_uid not in version_uids:
            c.fail(f"filings[{i}].version_uid", tr("指向包中没有的版本：{uid}", uid=f.version_uid))
    if not filings:
        c.fail("filings", tr("不能为空：备案包至少报送一个预案版本"))


def parse_reply(value: Any) -> tuple[Reply | None, list[Problem]]:
    c = _Checker("reply.json")
    o = c.obj(value, tr("（根）"))
    if o is None:
        return None, c.problems
    problems = check_format(o, "reply.json", REPLY_FORMAT_NAME, REPLY_FORMAT_VERSION)
    if problems:
        return None, problems
    if (trouble := json_problem("reply.json", o)) is not None:
        return None, [Problem("bad_schema", trouble)]
    r = tr("（根）")
    status = c.text(o, "status", r, max_len=20, choices=REPLY_STATUSES)
    number = c.text(o, "filing_number", r, max_len=60, required=status == FilingStatus.FILED.value)
    missing = c.texts(o, "missing_items", r, max_len=200)
    if status == FilingStatus.RETURNED.value and not missing:
        c.fail("missing_items", tr("不能为空：退回补正须列出需要补正的材料"))
    filings: list[ReplyFiling] = []
    for i, raw in enumerate(c.array(o, "filings", r)):
        if (item := c.obj(raw, f"filings[{i}]")) is not None:
            filings.append(
                ReplyFiling(
                    c.uid(item, "uid", f"filings[{i}]") or "",
                    c.uid(item, "version_uid", f"filings[{i}]") or "",
                )
            )
    if not filings:
        c.fail("filings", tr("不能为空：答复至少针对一项备案"))
    _unique(c, [f.uid for f in filings], "filings", tr("备案标识"))
    reply = Reply(
        reply_uid=c.uid(o, "reply_uid", r) or "",
        created=c.moment(o, "created", r) or datetime.min,
        app_version=c.req_text(o, "app_version", r, max_len=40),
        authority=c.ref(o, "authority", r) or UnitRef(""),
        package_uid=c.uid(o, "package_uid", r) or "",
        fingerprint=c.text(o, "fingerprint", r, max_len=40, required=False),
        filings=tuple(filings),
        status=status or "",
        answer_date=c.day(o, "answer_date", r, required=True) or date.min,
        filing_number=number,
        missing_items=missing,
        note=c.text(o, "note", r, max_len=MAX_TEXT, required=False),
    )
    if c.problems:
        return None, c.problems
    return reply, []

"""The office's answer to a submission and the enterprise taking it in (DOMAIN.md §5;
ENT Art.28).

Office side: the formal check (形式审查, ``record_formal_check``), kept in
``Filing.check_results`` as ``"formal": [{"item", "ok", "note"}], "checked_date",
"checker"``; then ``register_filing`` (备案编号 from the region's pattern) or
``return_filing`` (every missing item at once, 一次性告知), and ``export_reply``, the
answer file (``.planreply``).  A package is answered as a whole: registering or returning
one of its filings answers all of its filings still submitted.

Enterprise side: ``apply_reply`` takes in the ``.planreply``.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from planmgr import __version__
from planmgr.domain.enums import FilingStatus
from planmgr.domain.errors import ConflictError, NotFoundError, ValidationError
from planmgr.domain.i18n import join, tr
from planmgr.exchange.package import read_reply, write_reply
from planmgr.exchange.package_schema import PackageRejected, Problem, Reply, ReplyFiling, UnitRef
from planmgr.exchange.package_zip import Source
from planmgr.services.filing_stats import FORMAL_CHECK_ITEMS, FilingRow, answer_group, get_filing
from planmgr.services.filings import own_identity
from planmgr.services.settings import get_identity, get_setting
from planmgr.store.database import session_scope
from planmgr.store.models import Filing, Plan, PlanVersion, Unit

NUMBER_PATTERN_KEY = "filing_number_pattern"
DEFAULT_NUMBER_PATTERN = "{region}-{year}-{seq:04d}"


@dataclass(frozen=True)
class ReplyResult:
    filing_uids: tuple[str, ...]
    plan_titles: tuple[str, ...]
    status: FilingStatus
    answer_date: date
    filing_number: str | None
    missing_items: tuple[str, ...]
    changed: bool  # False: this answer had been taken in before


# --------------------------------------------------------------------------- office: check and answer


def _filing(session: Session, uid: str) -> Filing:
    filing = session.exec(select(Filing).where(Filing.uid == uid)).first()
    if filing is None:
        raise NotFoundError(tr("找不到备案：{uid}", uid=uid))
    return filing


def _check_version(session: Session, filing: Filing, expected_row_version: int | None) -> None:
    if expected_row_version is not None and filing.row_version != expected_row_version:
        version = session.get(PlanVersion, filing.plan_version_id)
        title = version.title if version else filing.uid
        raise ConflictError(
            tr(
                "备案“{title}”已被其他人处理或修改（您打开的是第 {opened} 版，现在是第 {current} 版）。"
                "您的操作没有保存：请刷新后查看它现在的状态。",
                title=title,
                opened=expected_row_version,
                current=filing.row_version,
            )
        )


def _not_pending(action: str, status: str) -> str:
    """Why ``action`` ("check", "register", "return") cannot be done to a filing in ``status``."""
    if action == "check":
        return tr("只有“已报送”的备案才能形式审查；该备案当前为“{status}”", status=status)
    if action == "register":
        return tr("只有“已报送”的备案才能登记备案；该备案当前为“{status}”", status=status)
    return tr("只有“已报送”的备案才能退回补正；该备案当前为“{status}”", status=status)


def _pending_group(
    session: Session, uid: str, action: str, expected_row_version: int | None = None
) -> list[Filing]:
    """The submitted filing ``uid`` and the others of its package still awaiting an answer.

    ``action``: "check", "register" or "return" (what the refusal names).
    ``expected_row_version``: the version the user saw; someone else's answer in between is a
    conflict (checked before the status, which that answer has changed)."""
    filing = _filing(session, uid)
    _check_version(session, filing, expected_row_version)
    if filing.status != FilingStatus.SUBMITTED.value:
        raise ValidationError(_not_pending(action, FilingStatus(filing.status).text))
    if filing.package_uid is None:
        return [filing]
    return list(
        session.exec(
            select(Filing).where(
                Filing.package_uid == filing.package_uid, Filing.status == FilingStatus.SUBMITTED.value
            )
        )
    )


def record_formal_check(
    engine: Engine,
    uid: str,
    results: Mapping[str, bool],
    *,
    notes: Mapping[str, str] | None = None,
    checker: str | None = None,
    today: date | None = None,
) -> FilingRow:
    """Keep the 形式审查 result of each item (DOMAIN.md §5) for the filing and its package."""
    names = [name for name, _ in FORMAL_CHECK_ITEMS]
    unknown = [k for k in results if k not in names]
    if unknown:
        raise ValidationError(
            tr("未知的形式审查项目：{items}（可选：{choices}）", items=join(unknown), choices=join(names))
        )
    notes = notes or {}
    formal = [{"item": n, "ok": results[n], "note": notes.get(n, "")} for n in names if n in results]
    with session_scope(engine) as session:
        for filing in _pending_group(session, uid, "check"):
            filing.check_results = {
                **(filing.check_results or {}),
                "formal": formal,
                "checked_date": (today or date.today()).isoformat(),
                "checker": checker,
            }
            session.add(filing)
    return get_filing(engine, uid)


def suggested_missing(engine: Engine, uid: str) -> list[str]:
    """What a return should list: materials not provided and formal-check items that failed."""
    row = get_filing(engine, uid)
    items = [m.item for m in row.materials if not m.provided]
    for result in row.check_results.get("formal", []):
        if isinstance(result, dict) and result.get("ok") is False:
            note = str(result.get("note") or "").strip()
            # An item of the 一次性告知书 sent to the enterprise: a Chinese document.
            items.append(f"{result.get('item')}：{note}" if note else str(result.get("item")))
    return list(dict.fromkeys(items))


def number_pattern(engine: Engine) -> str:
    value = get_setting(engine, NUMBER_PATTERN_KEY)
    return value if isinstance(value, str) and value.strip() else DEFAULT_NUMBER_PATTERN


def format_number(pattern: str, region: str, year: int, seq: int) -> str:
    """A 备案编号 from the region's pattern; ``ValidationError`` for a pattern that cannot work."""
    hint = tr(
        "可用 {{region}}（行政区划代码）、{{year}}（年份）、{{seq}}（序号），如 {example}",
        example=DEFAULT_NUMBER_PATTERN,
    )
    try:
        first, second = (pattern.format(region=region, year=year, seq=n) for n in (seq, seq + 1))
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        raise ValidationError(tr("备案编号格式“{pattern}”无效：{hint}", pattern=pattern, hint=hint)) from None
    if first == second:
        raise ValidationError(
            tr("备案编号格式“{pattern}”缺少序号 {{seq}}：{hint}", pattern=pattern, hint=hint)
        )
    if not first.strip() or len(first) > 60:
        raise ValidationError(tr("备案编号格式“{pattern}”生成的编号为空或超过 60 个字符", pattern=pattern))
    return first


def _number_taken(session: Session, number: str, group: Sequence[Filing]) -> Filing | None:
    ids = [f.id for f in group]
    return session.exec(
        select(Filing).where(Filing.filing_number == number, col(Filing.id).not_in(ids))
    ).first()


def _generate_number(session: Session, engine: Engine, year: int, group: Sequence[Filing]) -> str:
    pattern = number_pattern(engine)
    identity = get_identity(engine)
    own = session.exec(select(Unit).where(Unit.uid == identity.unit_uid)).first() if identity else None
    region = (own.region_code if own else None) or "0000"
    used = session.exec(
        select(func.count(func.distinct(Filing.filing_number))).where(
            col(Filing.registered_date) >= date(year, 1, 1), col(Filing.registered_date) <= date(year, 12, 31)
        )
    ).one()
    seq = int(used) + 1
    number = format_number(pattern, region, year, seq)
    while _number_taken(session, number, group) is not None:
        seq += 1
        number = format_number(pattern, region, year, seq)
    return number


def register_filing(
    engine: Engine,
    uid: str,
    *,
    number: str | None = None,
    today: date | None = None,
    expected_row_version: int | None = None,
) -> list[FilingRow]:
    """File (备案) the submission and the rest of its package under one 备案编号 (ENT Art.28).

    ``number`` overrides the number made from the region's pattern; a number another
    package already holds is refused. ``expected_row_version``: see ``_pending_group``."""
    today = today or date.today()
    with session_scope(engine) as session:
        group = _pending_group(session, uid, "register", expected_row_version)
        if number is not None:
            number = " ".join(number.split())
            if not number or len(number) > 60:
                raise ValidationError(tr("备案编号不能为空，且不超过 60 个字符"))
            if (other := _number_taken(session, number, group)) is not None:
                plan = session.exec(
                    select(Plan).join(PlanVersion).where(PlanVersion.id == other.plan_version_id)
                ).first()
                raise ValidationError(
                    tr(
                        "备案编号“{number}”已被使用（{holder}），请换一个",
                        number=number,
                        holder=plan.title if plan else other.uid,
                    )
                )
        else:
            number = _generate_number(session, engine, today.year, group)
        for filing in group:
            filing.status, filing.filing_number, filing.registered_date = (
                FilingStatus.FILED.value,
                number,
                today,
            )
            session.add(filing)
        uids = [f.uid for f in group]
    return [get_filing(engine, u) for u in uids]


def return_filing(
    engine: Engine,
    uid: str,
    missing: Sequence[str] = (),
    *,
    note: str | None = None,
    today: date | None = None,
    expected_row_version: int | None = None,
) -> list[FilingRow]:
    """Return the submission (and its package) for completion, listing everything missing at
    once (一次性告知, ENT Art.28); without ``missing``, the items ``suggested_missing`` finds.
    ``expected_row_version``: see ``_pending_group``."""
    items = list(dict.fromkeys(" ".join(m.split()) for m in missing if m and m.strip()))
    if not items:
        items = suggested_missing(engine, uid)
    if not items:
        raise ValidationError(tr("请列出需要补正的全部材料（一次性告知）；形式审查也没有发现缺少的材料"))
    if any(len(m) > 200 for m in items):
        raise ValidationError(tr("每项补正材料不超过 200 个字符"))
    with session_scope(engine) as session:
        group = _pending_group(session, uid, "return", expected_row_version)
        for filing in group:
            filing.status, filing.return_notice, filing.returned_date = (
                FilingStatus.RETURNED.value,
                items,
                today or date.today(),
            )
            if note:
                filing.check_results = {**(filing.check_results or {}), "return_note": note}
            session.add(filing)
        uids = [f.uid for f in group]
    return [get_filing(engine, u) for u in uids]


def export_reply(engine: Engine, uid: str, path: Path, *, note: str | None = None) -> Reply:
    """Write the answer file (``.planreply``) for the enterprise: filed with its number, or
    returned with everything missing."""
    group = answer_group(engine, uid)
    row = group[0]
    if row.status not in (FilingStatus.FILED, FilingStatus.RETURNED):
        raise ValidationError(
            tr(
                "备案“{title}”尚未登记或退回（当前状态：{status}），无需答复文件",
                title=row.plan_title,
                status=row.status.text,
            )
        )
    if row.package_uid is None:
        raise ValidationError(tr("备案“{title}”不是通过备案包报送的，请打印纸质答复", title=row.plan_title))
    filed = row.status is FilingStatus.FILED
    same = [
        r
        for r in group
        if r.status is row.status
        and (r.filing_number == row.filing_number if filed else r.returned_date == row.returned_date)
    ]
    identity = own_identity(engine)
    answer_date = row.registered_date if filed else row.returned_date
    assert answer_date is not None
    reply = Reply(
        reply_uid=str(uuid.uuid4()),
        created=datetime.now(UTC),
        app_version=__version__,
        authority=UnitRef(identity.unit_name, identity.unit_uid),
        package_uid=row.package_uid,
        fingerprint=row.fingerprint,
        filings=tuple(ReplyFiling(r.uid, r.version_uid) for r in same),
        status=row.status.value,
        answer_date=answer_date,
        filing_number=row.filing_number if filed else None,
        missing_items=() if filed else row.return_notice,
        note=note,
    )
    write_reply(path, reply)
    return reply


# --------------------------------------------------------------------------- enterprise: answer


def apply_reply(engine: Engine, source: Source) -> ReplyResult:
    """Take in the office's answer file: the filings become filed (with the 备案编号) or
    returned (with the missing items).  Checked like a package; nothing is written on a refusal."""
    reply = read_reply(source)
    status = FilingStatus(reply.status)
    problems: list[Problem] = []
    changed = False
    titles: list[str] = []
    with session_scope(engine) as session:
        found: list[Filing] = []
        for rf in reply.filings:
            filing = session.exec(select(Filing).where(Filing.uid == rf.uid)).first()
            version = session.get(PlanVersion, filing.plan_version_id) if filing else None
            if filing is None or version is None:
                problems.append(
                    Problem(
                        "unknown_filing",
                        tr(
                            "本数据库中没有答复所针对的备案（{uid}），请确认答复文件是发给本单位的",
                            uid=rf.uid,
                        ),
                    )
                )
            elif filing.package_uid != reply.package_uid or version.uid != rf.version_uid:
                problems.append(
                    Problem(
                        "mismatch",
                        tr("答复针对的备案包或预案版本与本单位报送的“{title}”不一致", title=version.title),
                    )
                )
            elif filing.status == status.value:
                same = (
                    filing.filing_number == reply.filing_number
                    and filing.registered_date == reply.answer_date
                    if status is FilingStatus.FILED
                    else filing.returned_date == reply.answer_date
                )
                if not same:
                    problems.append(
                        Problem(
                            "not_applicable",
                            tr(
                                "备案“{title}”已有另一份“{status}”答复",
                                title=version.title,
                                status=status.text,
                            ),
                        )
                    )
                found.append(filing)
                titles.append(version.title)
            elif filing.status not in (FilingStatus.SUBMITTED.value, FilingStatus.DEEMED_FILED.value):
                problems.append(
                    Problem(
                        "not_applicable",
                        tr(
                            "备案“{title}”当前为“{current}”，不能再改为“{status}”",
                            title=version.title,
                            current=FilingStatus(filing.status).text,
                            status=status.text,
                        ),
                    )
                )
            else:
                found.append(filing)
                titles.append(version.title)
        if problems:
            raise PackageRejected(problems)
        for filing in found:
            if filing.status == status.value:
                continue
            changed = True
            filing.status = status.value
            if status is FilingStatus.FILED:
                filing.filing_number, filing.registered_date = reply.filing_number, reply.answer_date
            else:
                filing.return_notice, filing.returned_date = list(reply.missing_items), reply.answer_date
            filing.authority_name = filing.authority_name or reply.authority.name[:200]
            session.add(filing)
    return ReplyResult(
        tuple(f.uid for f in reply.filings),
        tuple(titles),
        status,
        reply.answer_date,
        reply.filing_number,
        reply.missing_items,
        changed,
    )

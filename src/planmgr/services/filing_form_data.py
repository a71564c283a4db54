"""The data the filing forms print (备案申报表, 形式审查表, 备案登记表, 一次性告知书), read
from the filings, and the forms as PDF bytes (rendered by ``reports.filing_forms``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Engine

from planmgr.domain.enums import FilingStatus, Industry, UnitKind
from planmgr.domain.errors import NotFoundError, ValidationError
from planmgr.domain.i18n import chinese, join, tr
from planmgr.reports.filing_forms import (
    CheckForm,
    CheckItem,
    DeclarationForm,
    FormMaterial,
    FormPlan,
    RegistrationForm,
    ReturnNotice,
    check_pdf,
    declaration_pdf,
    missing_in,
    registration_pdf,
    return_notice_pdf,
)
from planmgr.services.filing_stats import (
    FORMAL_CHECK_ITEMS,
    FilingRow,
    answer_group,
    get_filing,
    list_filings,
    unit_by_uid,
)
from planmgr.store.database import session_scope
from planmgr.store.models import Unit


def _form_plans(rows: Sequence[FilingRow]) -> list[FormPlan]:
    return [FormPlan(r.plan_title, r.plan_category.label, r.version_label, r.published_date) for r in rows]


def _form_materials(row: FilingRow) -> list[FormMaterial]:
    return [FormMaterial(m.item, m.provided, m.filename) for m in row.materials]


def _unit(engine: Engine, uid: str) -> Unit:
    with session_scope(engine) as session:
        return unit_by_uid(session, uid)


def declaration_form(engine: Engine, package_uid: str) -> DeclarationForm:
    """The 备案申报表 of a package (from the filings it recorded)."""
    rows = list_filings(engine, package_uid=package_uid)
    if not rows:
        raise NotFoundError(tr("找不到备案包对应的备案：{package_uid}", package_uid=package_uid))
    first = rows[0]
    unit = _unit(engine, first.unit_uid)
    d = first.check_results.get("declaration") or {}
    industry = next((i.label for i in Industry if i.value == unit.industry), unit.industry)
    declared = d.get("declared_date")
    return DeclarationForm(
        unit_name=unit.name,
        authority_name=first.authority_name,
        fingerprint=first.fingerprint or "",
        declared_date=date.fromisoformat(declared) if declared else (first.submitted_date or date.today()),
        plans=_form_plans(sorted(rows, key=lambda r: r.plan_title)),
        materials=_form_materials(first),
        contact=d.get("contact") or unit.contact,
        phone=d.get("phone") or unit.phone,
        fax=d.get("fax"),
        email=d.get("email"),
        legal_rep=unit.legal_rep,
        total_assets=d.get("total_assets"),
        industry=industry,
        employees=d.get("employees"),
        address=unit.address,
        postcode=unit.postcode,
        uscc=unit.uscc,
        enterprise=unit.kind == UnitKind.ENTERPRISE.value,
    )


def check_form(engine: Engine, uid: str) -> CheckForm:
    """The 形式审查表 of a filing and the others of its package."""
    group = answer_group(engine, uid)
    row = group[0]
    recorded = {str(r.get("item")): r for r in row.check_results.get("formal", []) if isinstance(r, dict)}
    items = [
        CheckItem(
            name,
            need,
            recorded[name].get("ok") if name in recorded else None,
            str(recorded.get(name, {}).get("note") or ""),
        )
        for name, need in FORMAL_CHECK_ITEMS
    ]
    checked = row.check_results.get("checked_date")
    return CheckForm(
        unit_name=row.unit_name,
        authority_name=row.authority_name,
        submitted_date=row.submitted_date,
        fingerprint=row.fingerprint,
        plans=_form_plans(group),
        items=items,
        materials=_form_materials(row),
        checker=row.check_results.get("checker"),
        checked_date=date.fromisoformat(checked) if isinstance(checked, str) else None,
    )


def registration_form(engine: Engine, uid: str) -> RegistrationForm:
    """The 备案登记表: the plans registered under the filing's number."""
    group = answer_group(engine, uid)
    row = group[0]
    if row.status is not FilingStatus.FILED or not row.filing_number or not row.registered_date:
        raise ValidationError(
            tr(
                "备案“{title}”尚未登记（当前状态：{status}），不能打印备案登记表",
                title=row.plan_title,
                status=row.status.text,
            )
        )
    unit = _unit(engine, row.unit_uid)
    same = [r for r in group if r.filing_number == row.filing_number]
    return RegistrationForm(
        filing_number=row.filing_number,
        unit_name=unit.name,
        authority_name=row.authority_name,
        registered_date=row.registered_date,
        plans=_form_plans(same),
        address=unit.address,
        postcode=unit.postcode,
        legal_rep=unit.legal_rep,
        handler=(row.check_results.get("declaration") or {}).get("contact") or unit.contact,
        phone=(row.check_results.get("declaration") or {}).get("phone") or unit.phone,
        submitted_date=row.submitted_date,
    )


def return_notice_form(engine: Engine, uid: str) -> ReturnNotice:
    """The 一次性告知书 of a returned filing (and the others of its package returned with it)."""
    group = answer_group(engine, uid)
    row = group[0]
    if row.status is not FilingStatus.RETURNED or not row.returned_date:
        raise ValidationError(
            tr(
                "备案“{title}”没有退回补正（当前状态：{status}）",
                title=row.plan_title,
                status=row.status.text,
            )
        )
    same = [r for r in group if r.status is FilingStatus.RETURNED and r.returned_date == row.returned_date]
    return ReturnNotice(
        unit_name=row.unit_name,
        authority_name=row.authority_name,
        submitted_date=row.submitted_date,
        returned_date=row.returned_date,
        plans=_form_plans(same),
        missing_items=row.return_notice,
        fingerprint=row.fingerprint,
        note=row.check_results.get("return_note"),
    )


def form_kinds() -> dict[str, str]:
    """The forms a filing prints, by kind, named in the interface language (for messages)."""
    return {
        "declaration": tr("备案申报表"),
        "check": tr("形式审查表"),
        "registration": tr("备案登记表"),
        "notice": tr("一次性告知书"),
    }


with chinese():
    FORM_KINDS = form_kinds()  # the forms' own (Chinese) titles


def form_pdf(engine: Engine, kind: str, uid: str) -> bytes:
    """One of ``FORM_KINDS`` for a filing (the 申报表: for the filing's package) as PDF bytes."""
    return checked_form_pdf(engine, kind, uid)[0]


def checked_form_pdf(engine: Engine, kind: str, uid: str) -> tuple[bytes, list[str]]:
    """The form as PDF bytes, and the characters in it the font cannot draw (to report)."""
    form: Any
    render: Callable[[Any], bytes]
    if kind == "declaration":
        package_uid = get_filing(engine, uid).package_uid
        if package_uid is None:
            raise ValidationError(tr("该备案不是通过备案包报送的，没有申报表数据"))
        form = declaration_form(engine, package_uid)
        render = declaration_pdf
    elif kind == "check":
        form = check_form(engine, uid)
        render = check_pdf
    elif kind == "registration":
        form = registration_form(engine, uid)
        render = registration_pdf
    elif kind == "notice":
        form = return_notice_form(engine, uid)
        render = return_notice_pdf
    else:
        raise ValidationError(
            tr("未知的表格：{kind}（可选：{choices}）", kind=kind, choices=join(FORM_KINDS))
        )
    with chinese():  # the regulation's forms are Chinese documents, whatever the interface says
        return render(form), missing_in(form)

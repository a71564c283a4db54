from __future__ import annotations

import pytest

from planmgr.domain.enums import EnterpriseScale, Industry, UnitKind
from planmgr.domain.errors import ConflictError, ValidationError
from planmgr.services import units
from planmgr.store.database import Database


def test_enterprise_flags_follow_industry_and_scale(any_database: Database) -> None:
    town = units.create_unit(any_database.engine, units.UnitData("赤坎镇人民政府", UnitKind.TOWN))
    chem = units.create_unit(
        any_database.engine,
        units.UnitData("开平市甲化工有限公司", UnitKind.ENTERPRISE, town.uid, uscc=" 91350100m000100y43 ",
                       industry=Industry.HAZCHEM, scale=EnterpriseScale.SMALL, phone="0750 2612345"),
    )  # fmt: skip
    assert chem.data.uscc == "91350100M000100Y43"
    assert (chem.must_file, chem.high_risk, chem.listed_for_review) == (True, True, True)
    assert chem.parent_name == "赤坎镇人民政府"
    shop = units.create_unit(
        any_database.engine,
        units.UnitData("开平市乙五金厂", UnitKind.ENTERPRISE, town.uid, industry=Industry.INDUSTRY_TRADE,
                       scale=EnterpriseScale.MEDIUM),
    )  # fmt: skip
    assert (shop.must_file, shop.high_risk, shop.listed_for_review) == (False, False, True)


def test_every_problem_is_reported_at_once(any_database: Database) -> None:
    with pytest.raises(ValidationError) as info:
        units.create_unit(
            any_database.engine,
            units.UnitData(" ", UnitKind.TOWN, uscc="123", phone="abc", industry=Industry.HAZCHEM),
        )
    message = info.value.message
    for words in ("单位名称不能为空", "应为 18 位", "联系电话格式不正确", "只有企业需要填写行业类型"):
        assert words in message


def test_duplicate_uscc_is_refused(any_database: Database) -> None:
    data = units.UnitData("甲公司", UnitKind.ENTERPRISE, uscc="91350100M000100Y43")
    units.create_unit(any_database.engine, data)
    with pytest.raises(ValidationError, match="已登记给另一个单位"):
        units.create_unit(any_database.engine, units.UnitData("乙公司", UnitKind.ENTERPRISE, uscc="91350100M000100Y43"))


def test_stale_unit_edit_is_refused(any_database: Database) -> None:
    rec = units.create_unit(any_database.engine, units.UnitData("赤坎镇人民政府", UnitKind.TOWN))
    units.update_unit(any_database.engine, rec.uid, units.UnitData("赤坎镇", UnitKind.TOWN), rec.row_version)
    with pytest.raises(ConflictError):
        units.update_unit(any_database.engine, rec.uid, units.UnitData("赤坎", UnitKind.TOWN), rec.row_version)
    assert units.get_unit(any_database.engine, rec.uid).data.name == "赤坎镇"

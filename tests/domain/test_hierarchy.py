from __future__ import annotations

from planmgr.domain.enums import PlanCategory as C
from planmgr.domain.enums import UnitKind as K
from planmgr.domain.hierarchy import Placement, check_owner, check_parent

CITY = Placement(C.OVERALL, "city", K.CITY, "开平市突发公共事件总体应急预案")
TOWN = Placement(C.TOWN, "chikan", K.TOWN, "赤坎镇突发事件总体应急预案")
ENT = Placement(C.ENT_COMPREHENSIVE, "ent-a", K.ENTERPRISE, "甲化工公司综合应急预案")


def test_town_plan_under_overall_plan_is_allowed() -> None:
    assert check_parent(TOWN, CITY) is None


def test_village_plan_under_enterprise_plan_is_refused_with_reason() -> None:
    village = Placement(C.VILLAGE, "sanjia", K.VILLAGE)
    reason = check_parent(village, ENT)
    assert reason is not None
    assert "村（社区）应急预案不能挂在综合应急预案“甲化工公司综合应急预案”下" in reason
    assert "乡镇（街道）应急预案" in reason
    assert check_parent(village, TOWN) is None


def test_onsite_plan_must_sit_under_its_own_enterprise() -> None:
    onsite = Placement(C.ENT_ONSITE, "ent-a", K.ENTERPRISE)
    assert check_parent(onsite, ENT) is None
    other = Placement(C.ENT_ONSITE, "ent-b", K.ENTERPRISE)
    assert check_parent(other, ENT) == "现场处置方案只能挂在本单位的综合应急预案下"


def test_special_plan_needs_a_parent() -> None:
    special = Placement(C.SPECIAL, "city", K.CITY)
    reason = check_parent(special, None)
    assert reason is not None and reason.startswith("专项应急预案必须挂在上级预案下")
    assert check_parent(CITY, None) is None


def test_owner_kind_rules() -> None:
    assert check_owner(C.TOWN, K.TOWN) is None
    assert check_owner(C.TOWN, K.ENTERPRISE) == "乡镇（街道）应急预案应由乡镇（街道）编制，不能由企业编制"
    assert check_owner(C.ENT_ONSITE, K.ENTERPRISE) is None

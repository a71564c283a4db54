"""An English user reads the domain and store layers in English (planmgr.domain.i18n):
errors carry their values and no Chinese, domain objects shown in the interface have an
English ``text``, and the Chinese that documents, ledgers and the JSON contract use stays."""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm.exc import StaleDataError

from planmgr import _frozen_main as frozen
from planmgr import paths
from planmgr.domain import content, i18n, lifecycle
from planmgr.domain.due import DeemedFiling, DueItem
from planmgr.domain.enums import PlanCategory, PlanStatus, UnitKind
from planmgr.domain.errors import ValidationError
from planmgr.domain.hierarchy import Placement, check_owner, check_parent
from planmgr.domain.rules import (
    DEFAULT_RULES,
    DEFAULT_RULES_BY_ID,
    Anchor,
    DueKind,
    DueStatus,
    RuleLevel,
    RuleOverride,
    UnitFlag,
    validate_override,
)
from planmgr.domain.triggers import REVISION_TRIGGERS, TRIGGERS_BY_ID
from planmgr.domain.validators import validate_phone, validate_uscc
from planmgr.domain.workdays import make_holiday_year
from planmgr.store.errors import CorruptDatabase, DatabaseLocked, stale_edit, translate
from planmgr.store.lock import AlreadyOpen, Holder

HAN = re.compile(r"[\u3400-\u9fff]")


def english_only(text: str) -> bool:
    return bool(text.strip()) and not HAN.search(text)


# --- errors a user meets --------------------------------------------------------------------


def test_a_wrong_credit_code_is_explained_in_english(english: None) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_uscc("91440300MA5F")
    assert caught.value.message == (
        "A unified social credit code has 18 characters, this one has 12: 91440300MA5F"
    )
    with pytest.raises(ValidationError) as caught:
        validate_phone("电话12")
    assert caught.value.message.startswith("Not a valid phone number: ")


def test_a_wrong_holiday_schedule_names_the_day_in_english(english: None) -> None:
    with pytest.raises(ValidationError) as caught:
        make_holiday_year(2031, [], [date(2031, 1, 6)])  # a Monday
    assert "2031-01-06" in caught.value.message
    assert english_only(caught.value.message)


def test_a_rule_override_is_refused_in_english_with_the_rule_title(english: None) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_override("ent_filing", RuleOverride(interval_months=12))
    assert caught.value.message == (
        'The rule "Filing of enterprise plans" counts a deadline in working days; '
        "it cannot be set in months"
    )
    with pytest.raises(ValidationError) as caught:
        validate_override("ent_onsite_drill", RuleOverride(interval_months=500))
    assert caught.value.message == "The interval must be 1 to 120 months: 500"


def test_lifecycle_and_hierarchy_refusals_are_english(english: None) -> None:
    reason = lifecycle.refusal("publish", PlanStatus.DRAFTING)
    assert reason == 'Cannot publish: the plan\'s status is "Drafting" (only possible when the plan is: In review, Revising)'
    town = Placement(PlanCategory.TOWN, "u1", UnitKind.TOWN, "塘口镇总体应急预案")
    village = Placement(PlanCategory.VILLAGE, "u2", UnitKind.VILLAGE)
    overall = Placement(PlanCategory.OVERALL, "u0", UnitKind.CITY, "县总体应急预案")
    assert check_parent(village, town) is None
    reason = check_parent(village, overall)
    assert reason is not None and '"县总体应急预案"' in reason  # the title is data, as typed
    assert english_only(reason.replace("县总体应急预案", ""))
    assert "Town (subdistrict) plan" in reason
    reason = check_parent(village, None)
    assert reason is not None and english_only(reason)
    reason = check_owner(PlanCategory.OVERALL, UnitKind.ENTERPRISE)
    assert reason is not None and english_only(reason) and "Enterprise" in reason


def test_the_same_refusals_stay_chinese_by_default() -> None:
    assert lifecycle.refusal("publish", PlanStatus.DRAFTING) == (
        "预案当前状态为“编制中”，不能发布（只有评审中、修订中的预案可以）"
    )
    assert lifecycle.action_text("start_revision") == "启动修订"
    village = Placement(PlanCategory.VILLAGE, "u2", UnitKind.VILLAGE)
    overall = Placement(PlanCategory.OVERALL, "u0", UnitKind.CITY, "县总体应急预案")
    assert check_parent(village, overall) == (
        "村（社区）应急预案不能挂在总体应急预案“县总体应急预案”下；上级预案应为：乡镇（街道）应急预案"
    )


def test_database_problems_are_english(english: None) -> None:
    locked = translate(sqlite3.OperationalError("database is locked"), "x.sqlite")
    assert isinstance(locked, DatabaseLocked)
    assert locked.message.startswith("The database is in use by another program (locked).")
    assert locked.message.endswith("x.sqlite") and english_only(locked.message)
    corrupt = CorruptDatabase("x.sqlite", "page 3")
    assert "(page 3)" in corrupt.message and "File → Restore backup" in corrupt.message
    conflict = stale_edit(StaleDataError("UPDATE statement on table 'plan' expected to update 1 row(s)"))
    assert conflict.message.startswith("This plan was changed by someone else")
    other = stale_edit(StaleDataError("UPDATE statement on table 'settings' expected to update 1 row(s)"))
    assert other.message.startswith("This record was changed by someone else")


def test_the_lock_says_who_holds_the_database_in_english(english: None) -> None:
    holder = Holder(user="chen", host="OFFICE-PC", pid=4242, since="2025-06-01 09:00")
    error = AlreadyOpen(Path("/data/planmgr.sqlite"), holder)
    assert error.message == (
        "The database is in use by chen (computer OFFICE-PC, process 4242, since 2025-06-01 09:00): "
        f"{Path('/data/planmgr.sqlite')}. You can open it read-only, or cancel."
    )
    assert "another program" in AlreadyOpen(Path("x.sqlite"), None).message


def test_a_missing_resource_is_reported_in_english(english: None) -> None:
    with pytest.raises(FileNotFoundError, match="A program resource file is missing: .*no-such-file"):
        paths.resource("no-such-file.txt")


def test_missing_resources_fall_back_to_chinese_without_looping(
    english: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The English messages live under resources/: without the folder there are none, and
    # looking for them must not ask for the folder again and again.
    monkeypatch.delattr("sys._MEIPASS", raising=False)
    monkeypatch.setattr(paths, "_PACKAGE_DIR", tmp_path / "site-packages" / "planmgr")
    paths._data_dir.cache_clear()
    i18n.catalogue.cache_clear()
    try:
        with pytest.raises(FileNotFoundError, match="找不到程序数据目录 resources"):
            paths.resources_dir()
    finally:
        monkeypatch.undo()
        paths._data_dir.cache_clear()
        i18n.catalogue.cache_clear()
    assert paths.resources_dir().is_dir()


def test_the_self_test_reports_a_failure_in_english(
    english: None, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    def noisy(state: frozen.SelftestState) -> None:
        os.write(2, b"QFont::setPointSize: Point size <= 0 (0)\n")

    monkeypatch.setattr(frozen, "_run_steps", noisy)
    assert frozen.selftest() == 1
    captured = capfd.readouterr()
    assert "self-test (source code)" in captured.out
    assert "Self-test failed: Something was written to standard error while running:" in captured.err
    assert not HAN.search(captured.out + captured.err)


# --- domain objects the interface shows -----------------------------------------------------


@pytest.mark.parametrize("enum", [DueKind, DueStatus, RuleLevel, UnitFlag, Anchor])
def test_every_rule_enum_has_distinct_english(enum: type[DueKind]) -> None:
    assert len({m.label_en for m in enum}) == len(enum)
    for member in enum:
        assert HAN.search(member.label) and english_only(member.label_en), member
        assert member.text == member.label
    i18n.set_language("en")
    assert [m.text for m in enum] == [m.label_en for m in enum]


def test_rules_read_in_english_and_keep_their_chinese() -> None:
    assert len({r.title_en for r in DEFAULT_RULES}) == len(DEFAULT_RULES)
    for rule in DEFAULT_RULES:
        assert english_only(rule.title_en) and english_only(rule.source_en), rule.id
        assert rule.title_text == rule.title and rule.source_text == rule.source
    rule = DEFAULT_RULES_BY_ID["ent_onsite_drill"]
    assert rule.period_text == "每 6 个月"
    i18n.set_language("en")
    assert rule.title_text == "Drill of each on-site response plan"
    assert rule.source_text.endswith(", Art. 33")
    assert rule.title == "现场处置方案演练"
    assert rule.period_text == "Every 6 months"
    assert DEFAULT_RULES_BY_ID["authority_check"].period_text == "Within 5 working days"
    assert DEFAULT_RULES_BY_ID["corrective_action"].period_text == "By the action's own due date"


def test_a_due_item_shows_english_but_its_json_stays_chinese(english: None) -> None:
    rule = DEFAULT_RULES_BY_ID["ent_filing"]
    item = DueItem(
        "u1", "自检化工有限公司", "p1", "储罐区泄漏现场处置方案", rule.kind, date(2025, 7, 1),
        DueStatus.DUE_SOON, rule.id, rule.source, False, rule.title,
    )
    assert item.rule_title_text == "Filing of enterprise plans"
    assert item.source_text == rule.source_en
    assert item.status.text == "Due soon" and item.kind.text == "Filing"
    assert item.to_json()["source"] == rule.source  # the `due --json` contract
    check = DEFAULT_RULES_BY_ID["authority_check"]
    deemed = DeemedFiling("u1", "x", "p1", "y", date(2025, 6, 2), date(2025, 6, 9), False, check.source)
    assert deemed.source_text == check.source_en


def test_revision_triggers_read_in_english() -> None:
    for trigger in REVISION_TRIGGERS:
        assert english_only(trigger.label_en) and english_only(trigger.source_en), trigger.id
        assert trigger.text == trigger.label and trigger.source_text == trigger.source
    trigger = TRIGGERS_BY_ID["ent36-2"]
    i18n.set_language("en")
    assert trigger.text == "The emergency command body or its duties have been adjusted"
    assert trigger.source_text == "ENT Art.36(2)"
    assert trigger.label == "应急指挥机构及其职责发生调整"  # as filed and printed


def test_content_sections_columns_and_flags_read_in_english() -> None:
    assert content.SECTIONS_EN.keys() == content.SECTIONS.keys()
    for key, columns in content.SECTION_COLUMNS.items():
        assert content.SECTION_COLUMNS_EN[key].keys() == columns.keys(), key
    assert content.section_texts() == content.SECTIONS
    old = {"contacts": [{"name": "值班室", "role": "", "phone": "0750-2612345"}]}
    new = {"contacts": [{"name": "值班室", "role": "", "phone": "0750-2619999"}]}
    diff = {d.key: d for d in content.diff_content(old, new)}["contacts"]
    assert diff.text == "联系方式" and diff.flag_texts == ["电话"]
    i18n.set_language("en")
    texts = content.section_texts()
    assert all(english_only(t) for t in texts.values()) and texts["contacts"] == "Contacts"
    assert diff.text == "Contacts" and diff.label == "联系方式"  # printed as it is
    assert diff.flags == {"电话"} and diff.flag_texts == ["Phone number"]
    assert diff.lines[0].flag_texts == ("Phone number",)
    assert content.column_texts("contacts") == {"name": "Organisation / name", "role": "Role", "phone": "Phone"}
    assert content.column_texts("measures") is None
    major_old = {"procedure": [{"step": "1", "action": "报告"}]}
    major_new = {"procedure": [{"step": "1", "action": "立即报告"}]}
    assert content.major_section_keys_changed(major_old, major_new) == ["procedure"]
    assert content.major_section_texts_changed(major_old, major_new) == ["Response procedure"]
    assert content.major_sections_changed(major_old, major_new) == ["应急处置程序"]

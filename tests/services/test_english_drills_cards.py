"""Drills, evaluations, corrective actions, handling cards and attachments speak English in an
English session, while what is printed (drill forms, cards) and what is stored stays Chinese."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from planmgr.domain.enums import ActionStatus, DrillStatus, FindingSource
from planmgr.domain.errors import ConflictError, NotFoundError, ValidationError
from planmgr.services import (
    actions,
    blobs,
    card_drafts,
    card_printing,
    card_queries,
    cards,
    drill_printing,
    drill_records,
    drills,
)
from planmgr.services import drill_evaluation as ev
from planmgr.services.card_printing import CardSelection, PrintRequest
from planmgr.services.cards import CardContactData, CardInput, CardStepData
from planmgr.store.database import Database
from tests.factories import make_drill, make_plan, make_unit

pytestmark = pytest.mark.usefixtures("english")

HAN = re.compile(r"[\u3400-\u9fff]")
TODAY = date(2025, 12, 1)

# ASCII data, so that any Chinese in a message can only come from the message itself.
QUICK = ev.ScoreTemplate(
    "quick",
    "Quick form",
    "",
    (
        ev.ScoreSection(
            "Execution", (ev.ScoreItem("a", "Plan followed", ev.YES_NO), ev.ScoreItem("b", "Goals met"))
        ),
    ),
)


def english_only(text: str) -> str:
    assert not HAN.search(text), text
    return text


@pytest.fixture
def world(database: Database) -> dict[str, str]:
    unit = make_unit(database, "Acme Chemicals", high_risk=True)
    plan = make_plan(database, unit, "Ammonia leak plan", "ent_onsite", published=date(2024, 1, 5))
    done = make_drill(database, [plan], date(2025, 6, 12), status="done", title="Leak drill")
    return {"unit": unit.uid, "plan": plan.uid, "done": done.uid}


def test_drill_refusals_and_checks_are_english(database: Database, world: dict[str, str]) -> None:
    engine = database.engine
    with pytest.raises(ValidationError) as no_plan:
        drills.plan_drill(engine, drills.DrillDraft("Night drill", world["unit"], date(2025, 9, 1), []))
    assert english_only(str(no_plan.value)) == "Choose at least one plan the drill exercises"

    with pytest.raises(ValidationError) as long_place:
        drills.plan_drill(
            engine,
            drills.DrillDraft(
                "Night drill", world["unit"], date(2025, 9, 1), [world["plan"]], location="x" * 301
            ),
        )
    assert english_only(str(long_place.value)) == "Location: too long (at most 300 characters)"

    night = drills.plan_drill(
        engine, drills.DrillDraft("Night drill", world["unit"], date(2025, 9, 1), [world["plan"]])
    )
    with pytest.raises(ConflictError) as stale:
        drills.update_drill(engine, night.uid, expected_row_version=night.row_version + 5, title="Renamed")
    assert 'Drill "Night drill" was changed by someone else' in english_only(str(stale.value))
    assert f"you opened version {night.row_version + 5}" in str(stale.value)

    drills.cancel(engine, night.uid, reason="Typhoon warning")
    with pytest.raises(ValidationError) as refused:
        drills.mark_done(engine, night.uid, held_on=date(2025, 9, 1), today=TODAY)
    assert english_only(str(refused.value)) == (
        'The drill is "Cancelled" and cannot be marked done (possible only from: Planned). '
        "A cancelled drill cannot be done later; plan a new drill instead"
    )
    assert drills.refusal("cancel", DrillStatus.CANCELLED) == (
        'The drill is already "Cancelled" and cannot be cancelled again'
    )
    with pytest.raises(NotFoundError) as missing:
        drills.get_drill(engine, "no-such-drill")
    assert english_only(str(missing.value)) == "Drill not found: no-such-drill"


def test_scores_and_evaluation_refusals_are_english(database: Database, world: dict[str, str]) -> None:
    engine = database.engine
    ev.save_template(engine, QUICK)
    with pytest.raises(ValidationError) as bad:
        ev.record_evaluation(
            engine,
            world["done"],
            ev.EvaluationInput("quick", {"a": 3, "b": 7, "zz": 1}, date(2025, 6, 13)),
            today=TODAY,
        )
    message = english_only(str(bad.value))
    assert message.startswith("The scores have errors:\n")
    assert 'The template has no item with the key "zz"' in message
    assert '"Plan followed" takes "Yes" or "No"' in message
    assert '"Goals met" takes a whole number of points from 1 to 5, not 7' in message

    planned = drills.plan_drill(
        engine, drills.DrillDraft("Autumn drill", world["unit"], date(2025, 11, 20), [world["plan"]])
    )
    with pytest.raises(ValidationError) as not_done:
        ev.record_evaluation(
            engine, planned.uid, ev.EvaluationInput("quick", {}, date(2025, 11, 20)), today=TODAY
        )
    assert english_only(str(not_done.value)) == (
        'Drill "Autumn drill" is "Planned"; a drill can be evaluated once it is done'
    )
    with pytest.raises(ValidationError) as no_report:
        drill_printing.evaluation_form(engine, world["done"])
    assert english_only(str(no_report.value)).startswith("This drill has not been evaluated yet")

    with pytest.raises(ValidationError) as bad_template:
        ev.save_template(engine, ev.ScoreTemplate("", " ", "", ()))
    assert english_only(str(bad_template.value)) == (
        "The evaluation template has errors:\n"
        "· The template has no key\n"
        "· The template name must not be empty\n"
        "· The template needs at least one group of items"
    )


def test_the_screen_reads_english_while_the_printed_forms_stay_chinese(
    database: Database, world: dict[str, str]
) -> None:
    engine = database.engine
    ev.save_template(engine, QUICK)
    ev.record_evaluation(
        engine,
        world["done"],
        ev.EvaluationInput("quick", {"a": True, "b": 4}, date(2025, 6, 13)),
        today=TODAY,
    )
    drill_records.add_attachment(engine, world["done"], b"jpeg", "photo.jpg", "photo")
    finding = actions.add_finding(
        engine,
        actions.FindingInput(
            FindingSource.DRILL, "Step 3 unclear", drill_uid=world["done"], plan_uid=world["plan"]
        ),
    )
    action = actions.add_action(
        engine, finding.uid, actions.ActionInput("Rewrite step 3", plan_section="procedure")
    )

    # On screen: English labels.
    assert ev.ITEM_KINDS[ev.YES_NO] == "Yes/No" and ev.value_text(ev.SCALE5, 4) == "4 points"
    assert [a.kind_label for a in drills.get_drill(engine, world["done"]).attachments] == ["On-site photo"]
    assert action.plan_section_label == "Response procedure"
    with pytest.raises(ValidationError) as through_revision:
        actions.set_status(engine, action.uid, ActionStatus.DONE)
    assert english_only(str(through_revision.value)).startswith(
        'This action changes the plan\'s "Response procedure": revise the plan, publish a new version'
    )

    # Printed: the 演练评估报告 and 演练记录表 are Chinese documents.
    form = drill_printing.evaluation_form(engine, world["done"], printed_on=TODAY)
    assert [(line.kind_label, line.result) for line in form.lines] == [("是/否", "是"), ("1–5 分", "4 分")]
    assert form.record.attachments == [("现场照片", "photo.jpg")]
    assert (form.record.status_label, form.record.form_label) == ("已完成", "桌面演练")
    assert form.record.plans == ["《Ammonia leak plan》（1.0）"]
    assert [(a.text, a.status_label, a.plan_section) for a in form.actions] == [
        ("Rewrite step 3", "未开始", "应急处置程序")
    ]

    # Printing did not switch the session to Chinese.
    assert ev.value_text(ev.YES_NO, None) == "N/A"
    with pytest.raises(ValidationError) as unknown:
        drill_records.add_attachment(engine, world["done"], b"x", "a.txt", "selfie")
    assert english_only(str(unknown.value)) == (
        "Unknown attachment kind: selfie (choose from: On-site photo, Sign-in sheet, Drill scheme, Drill script, "
        "Evaluation report, Summary report, Other)"
    )


def test_corrective_action_refusals_are_english(database: Database, world: dict[str, str]) -> None:
    engine = database.engine
    finding = actions.add_finding(
        engine, actions.FindingInput(FindingSource.DRILL, "Radios on two channels", drill_uid=world["done"])
    )
    action = actions.add_action(
        engine, finding.uid, actions.ActionInput("One radio channel", owner="Safety officer")
    )
    with pytest.raises(ValidationError) as refused:
        actions.set_status(engine, action.uid, ActionStatus.VERIFIED)
    assert english_only(str(refused.value)) == (
        'The corrective action is "Not started" and cannot be set to "Verified" (possible only from: Done)'
    )
    with pytest.raises(ValidationError) as empty:
        actions.add_action(engine, finding.uid, actions.ActionInput("  "))
    assert english_only(str(empty.value)) == "Corrective action must not be empty"
    with pytest.raises(ValidationError) as sourceless:
        actions.add_finding(engine, actions.FindingInput(FindingSource.DRILL, "Slow siren"))
    assert english_only(str(sourceless.value)) == "A finding from a drill needs the drill it came from"
    with pytest.raises(NotFoundError) as missing:
        actions.add_action(engine, "no-such-finding", actions.ActionInput("Fix it"))
    assert english_only(str(missing.value)) == "Finding not found: no-such-finding"


def test_card_problems_are_english_and_drafted_cards_stay_chinese(
    database: Database, world: dict[str, str], tmp_path: Path
) -> None:
    engine = database.engine
    with pytest.raises(ValidationError) as bad:
        cards.validate(
            CardInput(
                title=" ",
                unit_uid=world["unit"],
                steps=(CardStepData("", "Operator"),),
                contacts=(CardContactData("Fire", "abc"),),
            )
        )
    assert english_only(str(bad.value)) == (
        "The card title must not be empty; Step 1 has no action; "
        "The phone number of contact 1 (Fire) is not valid: abc"
    )
    with pytest.raises(ValidationError) as nothing:
        card_printing.print_cards(
            engine, PrintRequest(tmp_path / "cards.pdf", CardSelection(plan_uid=world["plan"]))
        )
    assert english_only(str(nothing.value)) == "There are no handling cards to print"
    assert not (tmp_path / "cards.pdf").exists()

    # The plan list of the card editor is in English ...
    assert [c.category_label for c in card_queries.plan_choices(engine, world["unit"])] == [
        "On-site response plan"
    ]
    # ... but a card drafted from the plan is a Chinese document, as is its batch title.
    draft = card_drafts.draft_from_plan(engine, world["plan"])
    assert draft.title == "Ammonia leak plan应急处置卡"
    assert [c.name for c in draft.contacts][:4] == ["火警", "急救", "报警", "交通事故"]
    cards.create_card(engine, draft)
    assert card_printing.select_for_print(engine, CardSelection(all_cards=True))[1] == "全部应急处置卡"
    with pytest.raises(ValidationError) as unlinked:
        card_drafts.bring_up_to_date(engine, cards.create_card(engine, CardInput("Loose card", world["unit"])).uid)
    assert english_only(str(unlinked.value)) == (
        'Handling card "Loose card" follows no plan; there is nothing to bring up to date'
    )


def test_attachment_sizes_and_limits_are_english() -> None:
    assert blobs.human_size(1) == "1 byte"
    assert blobs.human_size(512) == "512 bytes"
    with pytest.raises(blobs.BlobTooLarge) as big:
        blobs.check_size(b"x" * 2048, "scan.pdf", limit=1024)
    assert english_only(str(big.value)) == (
        'The attachment "scan.pdf" is too large (2.0 KB); each file may be at most 1.0 KB. '
        "Compress the picture or split it into several files, then add it again."
    )
    with pytest.raises(ValidationError) as empty:
        blobs.check_size(b"", "empty.txt")
    assert (
        english_only(str(empty.value))
        == 'The attachment "empty.txt" is an empty file; there is nothing to save'
    )

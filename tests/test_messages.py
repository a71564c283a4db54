"""Both languages are complete outside the Qt widgets (planmgr.domain.i18n, tools/messages.py).

Chinese is the message id, so it is complete by construction once nothing bypasses
``tr()``; English is complete when every message has a translation that keeps its
placeholders.  The Qt side is checked in tests/ui/test_translations.py.
"""

from __future__ import annotations

import re
import sys
import threading
from pathlib import Path

import pytest

from planmgr.domain import enums, i18n

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))
import messages  # noqa: E402  (tools/messages.py: the scanner and the catalogue)

HAN = re.compile(r"[\u3400-\u9fff]")
SOURCES = messages.sources()


def test_no_chinese_text_reaches_a_user_without_tr() -> None:
    stray = [str(item) for path in SOURCES for part in messages.scan(path)[1:] for item in part]
    assert stray == [], "wrap these in tr() or mark them '# zh-only: <reason>':\n" + "\n".join(stray[:40])


def test_every_message_has_english_that_keeps_its_placeholders() -> None:
    catalogue = messages.merged()
    found = messages.all_messages(SOURCES)
    assert len(found) > 300  # the scanner sees the messages (services, exchange, cli …)
    wrong = []
    for message in found:
        assert messages.CJK.search(message.text), f"{message}: a message id is the Chinese text"
        translation = catalogue.get(message.text)
        issues = ["no English"] if translation is None else messages.problems(message.text, translation)
        wrong += [f"{message}: {issue}" for issue in issues]
    assert wrong == [], "\n".join(wrong[:40])


def test_the_catalogue_has_no_stale_or_conflicting_entries() -> None:
    used = {m.text for m in messages.all_messages(SOURCES)}
    seen: dict[str, object] = {}
    for name, entries in messages.load_catalogue().items():
        for msgid, translation in entries.items():
            assert msgid in used, f"{name}.json: {msgid!r} is no longer used in the code"
            assert seen.setdefault(msgid, translation) == translation, f"{name}.json: {msgid!r} disagrees"


def test_the_exempt_modules_exist() -> None:
    for module in messages.DATA_MODULES:
        assert (REPO / "src" / "planmgr" / module).is_file(), module


@pytest.mark.parametrize(
    "enum", [
        e
        for e in vars(enums).values()
        if isinstance(e, type) and issubclass(e, enums.LabelledEnum) and e is not enums.LabelledEnum
    ]
)
def test_every_enum_label_has_its_english(enum: type[enums.LabelledEnum]) -> None:
    members = list(enum)
    assert members
    for member in members:
        assert HAN.search(member.label), member
        assert member.label_en.strip() and not HAN.search(member.label_en), member
    assert len({m.label_en for m in members}) == len(members), f"{enum.__name__}: two members read alike"


def test_labels_follow_the_language_and_ledgers_keep_chinese() -> None:
    status = enums.PlanStatus.PUBLISHED
    assert status.text == "已发布"
    i18n.set_language("en")
    assert status.text == "Published"
    assert status.label == "已发布"  # what a ledger and a printed document say
    assert enums.PlanStatus.from_label("已发布") is status
    assert enums.PlanStatus.texts()[0] == "Drafting"


def test_tr_translates_fills_in_and_falls_back(caplog: pytest.LogCaptureFixture) -> None:
    msgid = next(m.text for m in messages.all_messages(SOURCES) if "{" in m.text)
    values = {name: f"<{name}>" for name in messages.placeholders(msgid)}
    chinese = i18n.tr(msgid, **values)
    assert all(v in chinese for v in values.values()) and HAN.search(chinese)
    i18n.set_language("en")
    english = i18n.tr(msgid, **values)
    assert all(v in english for v in values.values()) and not HAN.search(english.replace(chinese, ""))
    assert english != chinese
    assert i18n.tr("没有这条消息：{x}", x=1) == "没有这条消息：1"  # falls back, never empty
    assert "no English translation" in caplog.text


def test_plurals_follow_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(i18n.catalogue(), "共 {count} 个", {"one": "{count} item", "other": "{count} items"})
    i18n.set_language("en")
    assert i18n.tr("共 {count} 个", count=1) == "1 item"
    assert i18n.tr("共 {count} 个", count=3) == "3 items"
    assert i18n.join(["a", "b"]) == "a, b"
    i18n.set_language("zh_CN")
    assert i18n.tr("共 {count} 个", count=3) == "共 3 个"
    assert i18n.join(["甲", "乙"]) == "甲、乙"


def test_documents_stay_chinese_in_their_thread_only() -> None:
    i18n.set_language("en")
    seen: dict[str, str] = {}
    inside = threading.Event()
    proceed = threading.Event()

    def printing() -> None:
        with i18n.chinese():
            seen["worker"] = enums.PlanStatus.PUBLISHED.text
            inside.set()
            proceed.wait(5)
        seen["after"] = enums.PlanStatus.PUBLISHED.text

    worker = threading.Thread(target=printing)
    worker.start()
    assert inside.wait(5)
    seen["gui"] = enums.PlanStatus.PUBLISHED.text  # while the worker prints
    proceed.set()
    worker.join(5)
    assert seen == {"worker": "已发布", "gui": "Published", "after": "Published"}


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        i18n.set_language("fr")


def test_punctuation_follows_the_language() -> None:
    assert (i18n.commas(["甲", "乙"]), i18n.semicolons(["甲", "乙"])) == ("甲，乙", "甲；乙")
    assert (i18n.paren("甲", "注"), i18n.colon("演练", "甲")) == ("甲（注）", "演练：甲")
    i18n.set_language("en")
    assert (i18n.commas(["a", "b"]), i18n.semicolons(["a", "b"])) == ("a, b", "a; b")
    assert (i18n.paren("a", "note"), i18n.colon("Drill", "a")) == ("a (note)", "Drill: a")

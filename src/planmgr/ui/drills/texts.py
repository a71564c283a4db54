"""Texts of the drill screens that follow the interface language: the short form of a
drill's form and scope, the suggested tags (stored in Chinese), and punctuation.

The values stay the data; only what is shown is translated (Qt catalogue ``drills``).
Punctuation between pieces follows ``planmgr.domain.i18n`` (the GUI sets it together with
the Qt translators at start-up).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from planmgr.domain import i18n
from planmgr.domain.enums import DrillForm, DrillScope


def form_short(form: DrillForm) -> str:
    """桌面 / 实战: the form without the word "drill" (the list's column says it)."""
    if form is DrillForm.TABLETOP:
        return QCoreApplication.translate("DrillTexts", "Tabletop")
    return QCoreApplication.translate("DrillTexts", "Field")


def scope_short(scope: DrillScope) -> str:
    """单项 / 综合."""
    if scope is DrillScope.SINGLE:
        return QCoreApplication.translate("DrillTexts", "single-item")
    return QCoreApplication.translate("DrillTexts", "comprehensive")


def form_and_scope(form: DrillForm, scope: DrillScope) -> str:
    """The list's short "form · scope" cell: 实战·综合, "Field · comprehensive"."""
    separator = " · " if i18n.is_english() else "·"
    return f"{form_short(form)}{separator}{scope_short(scope)}"


def tag_text(tag: str) -> str:
    """A suggested tag (双盲, 数字化, 联合 — practice terms, DOMAIN.md §7) in the interface
    language; the tag stored stays the Chinese term, and any other tag shows as typed."""
    texts = {
        "双盲": QCoreApplication.translate("DrillTexts", "Double-blind"),  # zh-only: the stored tag
        "数字化": QCoreApplication.translate("DrillTexts", "Digital"),  # zh-only: the stored tag
        "联合": QCoreApplication.translate("DrillTexts", "Joint"),  # zh-only: the stored tag
    }
    return texts.get(tag, tag)


def book_title(title: str) -> str:
    """A document's title in running text: 《…》 in Chinese, “…” in English."""
    return f"“{title}”" if i18n.is_english() else f"《{title}》"

"""Small pieces of what widgets show, in the interface language (planmgr.domain.i18n).

Services hand rows with the enum id (``row.status``) and, for files and printing, its
Chinese label (``row.status_label``); a widget shows :func:`enum_text` of the id instead,
so an English session reads English.  Punctuation that differs between the languages
comes from ``planmgr.domain.i18n`` (``paren``, ``colon``, ``commas``, ``semicolons``).
"""

from __future__ import annotations

from planmgr.domain.enums import LabelledEnum


def enum_text(kind: type[LabelledEnum], value: str | None, fallback: str | None = None) -> str:
    """The label of ``value`` (an id of ``kind``) in the interface language; an unknown id
    (written by a newer version) shows ``fallback``, or the id itself."""
    if not value:
        return fallback or ""
    try:
        return kind(value).text
    except ValueError:
        return fallback or value

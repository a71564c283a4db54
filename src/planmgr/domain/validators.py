"""Validators for identifiers and values users type in."""

from __future__ import annotations

import re

from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import tr

# GB 32100-2015 统一社会信用代码: 18 characters from this set, the last a check character.
USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_SHAPE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def uscc_check_char(first17: str) -> str:
    """The check character for the first 17 characters of a USCC (GB 32100-2015 §5)."""
    total = sum(USCC_CHARSET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def normalise_uscc(text: str) -> str:
    return text.strip().upper().replace(" ", "")


def validate_uscc(text: str) -> str:
    """Return the normalised USCC or raise ``ValidationError`` with the reason."""
    code = normalise_uscc(text)
    if len(code) != 18:
        raise ValidationError(
            tr("统一社会信用代码应为 18 位，实际为 {length} 位：{code}", length=len(code), code=code)
        )
    if not _USCC_SHAPE.match(code):
        raise ValidationError(
            tr("统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）：{code}", code=code)
        )
    if uscc_check_char(code[:17]) != code[17]:
        raise ValidationError(tr("统一社会信用代码校验位错误：{code}", code=code))
    return code


def is_valid_uscc(text: str) -> bool:
    try:
        validate_uscc(text)
    except ValidationError:
        return False
    return True


_PHONE = re.compile(r"^(\+?86[- ]?)?(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{3,8})$")


def validate_phone(text: str) -> str:
    """Mobile, landline (with area code) or short service numbers such as 119 and 12345."""
    phone = text.strip().replace(" ", "")
    if not _PHONE.match(phone):
        raise ValidationError(tr("电话号码格式不正确：{text}", text=text))
    return phone

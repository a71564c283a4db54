"""Ledger (台账) kinds and their columns (DESIGN.md §6, a stable contract).

Each column names its Chinese header, the record field it fills, whether it is required
(``*`` in the header) and how a cell is parsed (import) and written (export). Labels are
the ``planmgr.domain.enums`` members' ``.label``; ``from_label`` accepts full- and
half-width brackets and surrounding spaces.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from planmgr.domain.enums import (
    DrillForm,
    DrillPurpose,
    DrillScope,
    EnterpriseScale,
    EventType,
    FilingStatus,
    Industry,
    LabelledEnum,
    PlanCategory,
    PlanStatus,
    UnitKind,
)
from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import join, tr
from planmgr.domain.validators import validate_phone, validate_uscc

# What a spreadsheet cell holds once read (calamine / csv); ``""`` or ``None`` is blank.
type CellValue = str | int | float | bool | date | datetime | time | timedelta | None
# What an export writes into a cell: text, a whole number or a date (real xlsx types).
type ExportValue = str | int | date | None


class LedgerKind(LabelledEnum):
    """``label`` is the sheet's name, part of the file format (DESIGN.md §6); ``text`` names
    the ledger in messages and dialogs."""

    UNITS = "units", "单位台账", "units ledger"  # zh-only: sheet name (file format)
    PLANS = "plans", "预案台账", "plans ledger"  # zh-only: sheet name (file format)
    DRILLS = "drills", "演练台账", "drills ledger"  # zh-only: sheet name (file format)
    FILINGS = "filings", "备案台账", "filings ledger"  # zh-only: sheet name (file format)

    @property
    def sheet_name(self) -> str:
        return self.label

    @property
    def noun(self) -> str:
        """What one row is, in Chinese (单位, 预案, 演练, 备案)."""
        return self.label.removesuffix("台账")  # zh-only: derived from the sheet name


# Separators between several items in one cell (关联预案, 事件类型, 演练方式).
ITEM_SEPARATORS = re.compile(r"[;；\r\n]+")
ENUMERATION_COMMA = "、"
# The column an errors workbook adds; a corrected errors workbook may be imported again.
ERRORS_HEADER = "错误说明"  # zh-only: ledger column (file format)


class CellProblem(Exception):
    """A cell that cannot be taken; ``message`` is the reason in the interface language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def normalise_header(text: str) -> str:
    """Header text as compared: no ``*``/``＊`` mark, no spaces, full-width brackets."""
    folded = text.replace("*", "").replace("＊", "").replace("(", "（").replace(")", "）")
    return re.sub(r"\s+", "", folded.replace("\u3000", ""))


def is_blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: CellValue) -> str:
    """A cell as the text a user sees: whole numbers without ``.0``, dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"  # zh-only: ledger cell value (file format)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


# ---------------------------------------------------------------- cell parsers (import)

type Parser = Callable[[CellValue], Any]
type Formatter = Callable[[Any], ExportValue]


def text_parser(max_length: int | None = None, *, one_line: bool = False) -> Parser:
    """Text; ``one_line`` folds runs of white space to one space (names and titles)."""

    def parse(value: CellValue) -> str | None:
        if type(value) is str:  # the common case, first
            text = value.strip()
            if not text:
                return None
        elif value is None:
            return None
        else:
            text = cell_text(value)
        if one_line:
            text = " ".join(text.split())
        if max_length is not None and len(text) > max_length:
            message = tr("内容过长：{length} 个字符，最多 {limit} 个", length=len(text), limit=max_length)
            raise CellProblem(message)
        return text

    return parse


def label_parser[E: LabelledEnum](enum: type[E]) -> Callable[[CellValue], E | None]:
    # A ledger repeats a few labels thousands of times: remember each distinct cell text
    # (``None``: not a label; the message is made when raised, in the language of the moment).
    seen: dict[str, E | None] = {}

    def parse(value: CellValue) -> E | None:
        if is_blank(value):
            return None
        text = cell_text(value)
        if text in seen:
            found = seen[text]
        else:
            try:
                found = enum.from_label(text)
            except ValueError:
                found = None
            if len(seen) < 1000:
                seen[text] = found
        if found is not None:
            return found
        # The allowed values are the Chinese labels: what the user must type in the file.
        raise CellProblem(tr("无法识别“{text}”，可填：{allowed}", text=text, allowed=join(enum.labels())))

    return parse


def split_items(text: str) -> list[str]:
    """Items of a multi-value cell, split on 、 ; ； and line breaks."""
    return [
        part.strip()
        for chunk in ITEM_SEPARATORS.split(text)
        for part in chunk.split(ENUMERATION_COMMA)
        if part.strip()
    ]


def labels_parser[E: LabelledEnum](enum: type[E]) -> Callable[[CellValue], tuple[E, ...]]:
    seen: dict[str, tuple[E, ...]] = {}

    def parse(value: CellValue) -> tuple[E, ...]:
        if is_blank(value):
            return ()
        text = cell_text(value)
        if text in seen:
            return seen[text]
        found: list[E] = []
        unknown: list[str] = []
        for item in split_items(text):
            try:
                member = enum.from_label(item)
            except ValueError:
                unknown.append(item)
                continue
            if member not in found:
                found.append(member)
        if unknown:
            raise CellProblem(
                tr(
                    "无法识别“{text}”，可填（多项用“{separator}”分隔）：{allowed}",
                    text=ENUMERATION_COMMA.join(unknown),
                    separator=ENUMERATION_COMMA,
                    allowed=join(enum.labels()),
                )
            )
        if len(seen) < 1000:
            seen[text] = tuple(found)
        return tuple(found)

    return parse


def items_parser(max_each: int) -> Parser:
    """Free-text items (演练方式 tags such as 双盲、数字化、联合)."""

    def parse(value: CellValue) -> tuple[str, ...]:
        if is_blank(value):
            return ()
        items: list[str] = []
        for item in split_items(cell_text(value)):
            if len(item) > max_each:
                raise CellProblem(tr("“{item}”过长：每项最多 {limit} 个字符", item=item, limit=max_each))
            if item not in items:
                items.append(item)
        return tuple(items)

    return parse


def parse_uscc(value: CellValue) -> str | None:
    if is_blank(value):
        return None
    try:
        return validate_uscc(cell_text(value))
    except ValidationError as error:
        raise CellProblem(error.message) from None


def parse_phone(value: CellValue) -> str | None:
    if is_blank(value):
        return None
    try:
        return validate_phone(cell_text(value))
    except ValidationError:
        raise CellProblem(
            tr(
                "电话号码格式不正确：“{text}”（一格填一个号码，如 0750-2212345 或 13800138000）",
                text=cell_text(value),
            )
        ) from None


_REGION = re.compile(r"^\d{6}(\d{3}(\d{3})?)?$")


def parse_region_code(value: CellValue) -> str | None:
    if is_blank(value):
        return None
    text = cell_text(value).replace(" ", "")
    if not _REGION.match(text):
        raise CellProblem(tr("行政区划代码应为 6、9 或 12 位数字：“{text}”", text=text))
    return text


_DATE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
EARLIEST_DATE = date(1949, 10, 1)
LATEST_DATE = date(2099, 12, 31)


def date_forms() -> str:
    """How a date may be written in a cell, for messages (the last form is Chinese)."""
    return tr("2024-03-05、2024/3/5 或 {written}", written="2024年3月5日")  # zh-only: a cell's date form


def parse_date(value: CellValue) -> date | None:
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        found = value.date()
    elif isinstance(value, date):
        found = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        raise CellProblem(
            tr(
                "不是日期：单元格是数字 {number}，请设置为日期格式或填写 {forms}",
                number=cell_text(value),
                forms=date_forms(),
            )
        )
    else:
        text = cell_text(value)
        match = _DATE.match(text)
        if match is None:
            raise CellProblem(tr("日期格式不正确：“{text}”，请填写 {forms}", text=text, forms=date_forms()))
        try:
            found = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            raise CellProblem(tr("日期不存在：“{text}”", text=text)) from None
    if not EARLIEST_DATE <= found <= LATEST_DATE:
        raise CellProblem(tr("日期超出合理范围：{date}", date=found.isoformat()))
    return found


def parse_count(value: CellValue) -> int | None:
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = cell_text(value).replace(",", "").removesuffix("人")  # zh-only: a unit typed in a cell
        if not text.isdigit():
            raise CellProblem(tr("应为不小于 0 的整数：“{text}”", text=cell_text(value)))
        number = int(text)
    if number < 0 or number > 10_000_000:
        raise CellProblem(tr("应为不小于 0 的整数：“{text}”", text=cell_text(value)))
    return number


def parse_yes_no(value: CellValue) -> bool:
    if is_blank(value):
        return False
    if isinstance(value, bool):
        return value
    text = cell_text(value)
    if text in ("是", "Y", "y", "TRUE", "True", "true", "1"):  # zh-only: ledger cell value (file format)
        return True
    if text in ("否", "N", "n", "FALSE", "False", "false", "0"):  # zh-only: ledger cell value (file format)
        return False
    yes, no = "是", "否"  # zh-only: ledger cell values (file format)
    raise CellProblem(tr("应填“{yes}”或“{no}”：“{text}”", yes=yes, no=no, text=text))


def parse_uid(value: CellValue) -> str | None:
    if is_blank(value):
        return None
    text = cell_text(value)
    if len(text) > 36 or any(c.isspace() for c in text):
        raise CellProblem(tr("预案编号最多 36 个字符，且不能含空格：“{text}”", text=text))
    return text


# ------------------------------------------------------------ cell formatters (export)


def fmt_text(value: str | None) -> ExportValue:
    return value or None


def fmt_label(value: LabelledEnum | None) -> ExportValue:
    return value.label if value is not None else None


def fmt_category(value: PlanCategory | None) -> ExportValue:
    # The ledger writes an enterprise's 专项 plan as plain 专项应急预案 (DESIGN.md §6);
    # import turns it back into ent_special because its owner is an enterprise.
    if value is PlanCategory.ENT_SPECIAL:
        return PlanCategory.SPECIAL.label
    return fmt_label(value)


def fmt_labels(values: Sequence[LabelledEnum]) -> ExportValue:
    return ENUMERATION_COMMA.join(v.label for v in values) or None


def fmt_items(values: Sequence[str]) -> ExportValue:
    return ENUMERATION_COMMA.join(values) or None


def fmt_date(value: date | None) -> ExportValue:
    return value


def fmt_count(value: int | None) -> ExportValue:
    return value


def fmt_yes_no(value: bool) -> ExportValue:
    return "是" if value else "否"  # zh-only: ledger cell value (file format)


@dataclass(frozen=True)
class Column:
    header: str  # without the required mark
    field: str
    parse: Parser
    fmt: Formatter
    required: bool = False

    @property
    def title(self) -> str:
        """The header as written in exports and samples (``*`` marks a required column)."""
        return self.header + "*" if self.required else self.header

    @property
    def key(self) -> str:
        return normalise_header(self.header)


def _col(
    header: str, field: str, parse: Parser, fmt: Formatter = fmt_text, *, required: bool = False
) -> Column:
    return Column(header, field, parse, fmt, required)


COLUMNS: dict[LedgerKind, tuple[Column, ...]] = {  # zh-only: ledger columns (file format)
    LedgerKind.UNITS: (
        _col("单位名称", "name", text_parser(200, one_line=True), required=True),
        _col("单位类型", "kind", label_parser(UnitKind), fmt_label, required=True),
        _col("统一社会信用代码", "uscc", parse_uscc),
        _col("上级单位", "parent", text_parser(200, one_line=True)),
        _col("行政区划代码", "region_code", parse_region_code),
        _col("行业类型", "industry", label_parser(Industry), fmt_label),
        _col("企业规模", "scale", label_parser(EnterpriseScale), fmt_label),
        _col("是否重点企业", "key_enterprise", parse_yes_no, fmt_yes_no),
        _col("地址", "address", text_parser(300)),
        _col("法定代表人", "legal_rep", text_parser(50)),
        _col("联系人", "contact", text_parser(50)),
        _col("联系电话", "phone", parse_phone),
    ),
    LedgerKind.PLANS: (
        _col("预案编号", "uid", parse_uid),
        _col("预案名称", "title", text_parser(300, one_line=True), required=True),
        _col("预案类别", "category", label_parser(PlanCategory), fmt_category, required=True),
        _col("编制单位", "owner", text_parser(200, one_line=True), required=True),
        _col("上级预案", "parent", text_parser(300, one_line=True)),
        _col("事件类型", "event_types", labels_parser(EventType), fmt_labels),
        _col("版本号", "version_label", text_parser(40)),
        _col("发布日期", "published_date", parse_date, fmt_date),
        _col("状态", "status", label_parser(PlanStatus), fmt_label),
        _col("最近评估日期", "last_evaluation", parse_date, fmt_date),
        _col("备注", "note", text_parser(2000)),
    ),
    LedgerKind.DRILLS: (
        _col("演练名称", "title", text_parser(300, one_line=True), required=True),
        _col("组织单位", "organiser", text_parser(200, one_line=True), required=True),
        _col("关联预案", "plans", text_parser(3000), required=True),
        _col("演练日期", "start", parse_date, fmt_date, required=True),
        _col("演练形式", "form", label_parser(DrillForm), fmt_label, required=True),
        _col("演练范围", "scope", label_parser(DrillScope), fmt_label),
        _col("演练目的", "purpose", label_parser(DrillPurpose), fmt_label),
        _col("演练方式", "tags", items_parser(20), fmt_items),
        _col("地点", "location", text_parser(300)),
        _col("参演人数", "head_count", parse_count, fmt_count),
        _col("评估结论", "conclusion", text_parser(500)),
        _col("备注", "note", text_parser(2000)),
    ),
    LedgerKind.FILINGS: (
        _col("预案名称", "plan", text_parser(300, one_line=True), required=True),
        _col("编制单位", "owner", text_parser(200, one_line=True), required=True),
        # Required except for a filing still 待报送 (it has no date yet); see ledger_validate.
        _col("报送日期", "submitted_date", parse_date, fmt_date, required=True),
        _col("受理部门", "authority", text_parser(200, one_line=True), required=True),
        _col("备案状态", "status", label_parser(FilingStatus), fmt_label, required=True),
        _col("备案编号", "filing_number", text_parser(60)),
        _col("登记日期", "registered_date", parse_date, fmt_date),
        _col("备注", "note", text_parser(2000)),
    ),
}


def columns_of(kind: LedgerKind) -> tuple[Column, ...]:
    return COLUMNS[kind]


def column_by_field(kind: LedgerKind, field: str) -> Column:
    for column in COLUMNS[kind]:
        if column.field == field:
            return column
    raise KeyError(field)


def header_keys(kind: LedgerKind) -> dict[str, Column]:
    """Normalised header -> column, for matching a file's header row."""
    return {column.key: column for column in COLUMNS[kind]}


def label_table() -> list[tuple[str, list[str]]]:
    """(column, accepted labels) pairs, for documentation and messages (the file format)."""
    return [  # zh-only: ledger columns and cell values (file format)
        ("单位类型", UnitKind.labels()),
        ("预案类别", [c.label for c in PlanCategory if c is not PlanCategory.ENT_SPECIAL]),
        ("状态", PlanStatus.labels()),
        ("事件类型", EventType.labels()),
        ("演练形式", DrillForm.labels()),
        ("演练范围", DrillScope.labels()),
        ("演练目的", DrillPurpose.labels()),
        ("备案状态", FilingStatus.labels()),
        ("行业类型", Industry.labels()),
        ("企业规模", EnterpriseScale.labels()),
        ("是否重点企业", ["是", "否"]),
    ]

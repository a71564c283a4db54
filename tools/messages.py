#!/usr/bin/env python3
"""The English catalogue of the non-Qt messages (planmgr.domain.i18n).

python tools/messages.py check                      # what tests/test_messages.py checks
python tools/messages.py stray [FILE ...]           # Chinese text that bypasses tr()
python tools/messages.py missing [FILE ...]         # tr() messages without English
python tools/messages.py add NAME FILE [FILE ...]   # put FILEs' untranslated messages into
                                                    # resources/i18n/messages_en/NAME.json ("")

A message is the first argument of ``tr(...)`` or ``N_(...)``: a literal Chinese string.
Chinese text elsewhere in ``src/planmgr`` is "stray" unless it is a docstring, a regular
expression, in a module of DATA_MODULES (printed documents, sample data, file formats) or on
a line that says why it stays Chinese: ``# zh-only: <reason>``.  A ``raise`` with Chinese
text is stray even in a data module: an error always reaches a user.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src" / "planmgr"
CATALOGUE = REPO / "resources" / "i18n" / "messages_en"
CJK = re.compile(r"[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f\u201c\u201d]")
HAN = re.compile(r"[\u3400-\u9fff]")
PLACEHOLDER = re.compile(r"(?<!\{)\{(\w*)(?:[!:][^}]*)?\}(?!\})")
PRAGMA = "# zh-only"

# Modules whose Chinese text is the product itself, not a message: the reason is the
# exemption's documentation (relative to src/planmgr).
DATA_MODULES: dict[str, str] = {
    "domain/enums.py": "labels: the Chinese side of label/label_en, tests check label_en",
    "reports/cards.py": "handling cards are Chinese documents (DOMAIN.md card fields)",
    "reports/card_layout.py": "handling cards are Chinese documents",
    "reports/card_flow.py": "handling cards are Chinese documents",
    "reports/manual.py": "the concise manual is a Chinese document",
    "reports/drill_forms.py": "drill forms are Chinese documents",
    "reports/filing_forms.py": "filing forms are the regulation's Chinese forms (ENT Art.26-28)",
    "reports/diagrams.py": "diagrams printed in Chinese documents",
    "reports/styles.py": "document styles",
    "reports/imposition.py": "printed documents",
    "services/demo.py": "sample data of a Chinese county",
    "services/demo_rows.py": "sample data",
    "services/demo_enterprise.py": "sample data",
    "services/demo_large.py": "sample data",
    "services/demo_builders.py": "sample data",
    "services/demo_small.py": "sample data",
    "services/demo_scenarios.py": "sample data",
}

RE_FUNCS = {"compile", "match", "search", "fullmatch", "sub", "subn", "split", "findall", "finditer"}


@dataclass(frozen=True)
class Found:
    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(REPO)}:{self.line}: {self.text!r}"


def _has_cjk(text: str) -> bool:
    return bool(HAN.search(text))


def _call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        base = func.value.id if isinstance(func.value, ast.Name) else ""
        return f"{base}.{func.attr}"
    return ""


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _text(node: ast.AST) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_text(v) if isinstance(v, ast.Constant) else "{…}" for v in node.values)
    return ""


def _built(node: ast.expr) -> bool:
    """An f-string, a concatenation or a ``.format()``: a message assembled on the spot."""
    if isinstance(node, ast.JoinedStr | ast.BinOp):
        return True
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"


def scan(path: Path) -> tuple[list[Found], list[Found], list[Found]]:
    """(messages, stray Chinese, misuses such as ``tr(f"...")``) of one source file."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source, str(path))
    rel = path.relative_to(SRC).as_posix() if path.is_relative_to(SRC) else path.name
    data_module = rel in DATA_MODULES
    docstrings = _docstrings(tree)
    messages: list[Found] = []
    stray: list[Found] = []
    misuse: list[Found] = []
    skip: set[int] = set()
    in_raise: set[int] = set()
    pragma_lines: set[int] = {i + 1 for i, line in enumerate(lines) if PRAGMA in line}
    statement_of: dict[int, ast.stmt] = {}

    for node in ast.walk(tree):
        if isinstance(node, ast.stmt):
            for child in ast.walk(node):
                statement_of[id(child)] = node  # walk is breadth-first: the innermost one wins
        if isinstance(node, ast.Raise):
            in_raise.update(id(child) for child in ast.walk(node))
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        if name in ("tr", "N_", "i18n.tr", "i18n.N_"):
            if node.args:
                first = node.args[0]
                skip.update(id(child) for child in ast.walk(first))
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    messages.append(Found(path, first.lineno, first.value))
                elif _built(first) or name.endswith("N_"):
                    # tr(TABLE[key]) of an N_() constant is fine; a message built on the spot is not
                    problem = f"{name}() needs a literal message, not {_text(first)!r}"
                    misuse.append(Found(path, node.lineno, problem))
        elif name.startswith("re.") and name[3:] in RE_FUNCS:
            for arg in node.args:
                skip.update(id(child) for child in ast.walk(arg))

    for node in ast.walk(tree):
        if id(node) in skip or id(node) in docstrings:
            continue
        if isinstance(node, ast.JoinedStr):
            for value in node.values:
                skip.add(id(value))
                skip.update(id(c) for c in ast.walk(value))
        elif not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        text = _text(node)
        if not _has_cjk(text):
            continue
        statement = statement_of.get(id(node))
        span = set(range(node.lineno, (node.end_lineno or node.lineno) + 1))
        if statement is not None:
            span.add(statement.lineno)
        if span & pragma_lines:
            continue
        if data_module and id(node) not in in_raise:
            continue
        stray.append(Found(path, node.lineno, text))
    return messages, stray, misuse


def sources(args: list[str] | None = None) -> list[Path]:
    if args:
        return [Path(a).resolve() for a in args]
    return sorted(p for p in SRC.rglob("*.py"))


def load_catalogue() -> dict[str, dict[str, object]]:
    """Every catalogue file with its entries (the test checks they do not disagree)."""
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(CATALOGUE.glob("*.json"))
    }


def merged() -> dict[str, object]:
    result: dict[str, object] = {}
    for entries in load_catalogue().values():
        result.update(entries)
    return result


def all_messages(paths: list[Path]) -> list[Found]:
    return [m for p in paths for m in scan(p)[0]]


def placeholders(text: str) -> list[str]:
    return sorted(set(PLACEHOLDER.findall(text)))


def problems(entry: str, translation: object) -> list[str]:
    """What is wrong with one catalogue entry (empty: nothing)."""
    forms = translation if isinstance(translation, dict) else {"other": translation}
    found = []
    if isinstance(translation, dict):
        if set(forms) - {"one", "other"} or "other" not in forms:
            found.append("plural forms must be 'one' and 'other'")
        if "count" not in placeholders(entry):
            found.append("a plural needs a {count} in the message")
    for form, text in forms.items():
        if not isinstance(text, str) or not text.strip():
            found.append(f"no English ({form})")
            continue
        if HAN.search(text):
            found.append(f"Chinese left in the English ({form}): {text!r}")
        if form == "other" and placeholders(text) != placeholders(entry):
            found.append(f"placeholders {placeholders(text)} differ from {placeholders(entry)} ({form})")
        if form == "one" and not set(placeholders(text)) <= set(placeholders(entry)):
            found.append(f"unknown placeholders in {text!r} ({form})")
    return found


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("check", "stray", "missing", "add"):
        print(__doc__)
        return 2
    action, rest = argv[0], argv[1:]
    if action == "add":
        if len(rest) < 2:
            print(__doc__)
            return 2
        name, files = rest[0], sources(rest[1:])
        target = CATALOGUE / f"{name}.json"
        existing = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
        known = merged()
        added = 0
        for message in all_messages(files):
            if message.text not in known and message.text not in existing:
                existing[message.text] = ""
                added += 1
        CATALOGUE.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(existing, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{added} new message(s) in {target.relative_to(REPO)}")
        return 0
    files = sources(rest)
    status = 0
    if action in ("check", "stray"):
        for path in files:
            _, stray, misuse = scan(path)
            for item in [*stray, *misuse]:
                print(f"stray: {item}")
                status = 1
    if action in ("check", "missing"):
        catalogue = merged()
        for message in all_messages(files):
            translation = catalogue.get(message.text)
            issues = ["no English"] if translation is None else problems(message.text, translation)
            for issue in issues:
                print(f"missing: {message}: {issue}")
                status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

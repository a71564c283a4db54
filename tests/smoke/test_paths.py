"""planmgr.paths finds resources and migrations in every layout, and user folders move.

The installed-wheel layout is exercised for real in ``test_wheel.py``; here it is
simulated by pointing the package folder somewhere else.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from planmgr import paths

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO / "src" / "planmgr"


@pytest.fixture(autouse=True)
def fresh_lookup() -> Iterator[None]:
    """The data folders are looked up once per process; start and leave each test clean."""
    paths._data_dir.cache_clear()
    yield
    paths._data_dir.cache_clear()


def _make_data(root: Path) -> Path:
    (root / "resources" / "fonts").mkdir(parents=True)
    (root / "resources" / "fonts" / "wqy-microhei.ttc").write_bytes(b"ttcf")
    (root / "db" / "migrations").mkdir(parents=True)
    (root / "db" / "migrations" / "env.py").write_text("", encoding="utf-8")
    return root


# --- a checkout (editable install) ------------------------------------------------------


def test_checkout_finds_repo_resources_and_migrations() -> None:
    assert paths.resources_dir() == REPO / "resources"
    assert paths.db_dir() == REPO / "db"
    assert paths.font_path() == REPO / "resources" / "fonts" / "wqy-microhei.ttc"
    assert (paths.migrations_dir() / "env.py").is_file()
    assert list((paths.migrations_dir() / "versions").glob("*.py")), "no migration revisions found"


def test_missing_resource_names_the_file_in_chinese() -> None:
    with pytest.raises(FileNotFoundError, match="缺少程序资源文件") as caught:
        paths.resource("fonts", "no-such-font.ttf")
    assert "no-such-font.ttf" in str(caught.value)


# --- a PyInstaller bundle -----------------------------------------------------------------


def test_bundle_layout_wins_over_the_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = _make_data(tmp_path / "_internal")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert paths.resources_dir() == bundle / "resources"
    assert paths.font_path() == bundle / "resources" / "fonts" / "wqy-microhei.ttc"
    assert paths.migrations_dir() == bundle / "db" / "migrations"
    assert paths.seed_dir() == bundle / "db" / "seed"


def test_bundle_missing_a_file_does_not_fall_back_to_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "_internal"
    (bundle / "resources" / "fonts").mkdir(parents=True)  # the font was left out of the bundle
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    with pytest.raises(FileNotFoundError, match="缺少程序资源文件"):
        paths.font_path()


# --- an installed wheel (simulated) -------------------------------------------------------


def test_installed_package_uses_its_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "lib" / "python3.13" / "site-packages" / "planmgr"
    _make_data(package / "_data")
    monkeypatch.setattr(paths, "_PACKAGE_DIR", package)
    assert paths.resources_dir() == package / "_data" / "resources"
    assert paths.migrations_dir() == package / "_data" / "db" / "migrations"


def test_installed_package_without_data_fails_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "lib" / "python3.13" / "site-packages" / "planmgr"
    package.mkdir(parents=True)
    # A stray folder two levels up must not be taken for ours (only a checkout has pyproject.toml).
    _make_data(tmp_path / "lib" / "python3.13")
    monkeypatch.setattr(paths, "_PACKAGE_DIR", package)
    with pytest.raises(FileNotFoundError, match="找不到程序数据目录 resources"):
        paths.resources_dir()


# --- user folders -------------------------------------------------------------------------


def test_user_folders_follow_planmgr_home(user_home: Path) -> None:
    assert paths.user_data_dir() == user_home / "data"
    assert paths.user_log_dir() == user_home / "logs"
    assert paths.user_config_dir() == user_home / "config"
    assert paths.default_database() == user_home / "data" / "planmgr.sqlite"
    assert paths.demo_database() == user_home / "data" / "demo.sqlite"
    assert paths.backups_dir() == user_home / "data" / "backups"
    for folder in ("data", "logs", "config", "data/backups"):
        assert (user_home / folder).is_dir(), folder


def test_planmgr_home_expands_tilde(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    monkeypatch.setenv("PLANMGR_HOME", "~/portable")
    assert paths.user_data_dir() == tmp_path / "portable" / "data"


@pytest.mark.skipif(sys.platform != "linux", reason="XDG variables are read on Linux only")
def test_without_planmgr_home_the_platform_folders_are_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PLANMGR_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    assert paths.default_database() == tmp_path / "xdg-data" / "planmgr" / "planmgr.sqlite"
    assert paths.user_config_dir() == tmp_path / "xdg-config" / "planmgr"
    assert paths.user_log_dir().is_relative_to(tmp_path / "xdg-state")


# --- every resource the code names exists -------------------------------------------------

_BASES = {
    "resources_dir": ("resources",),
    "db_dir": ("db",),
    "migrations_dir": ("db", "migrations"),
    "seed_dir": ("db", "seed"),
}


def _called_name(node: ast.expr) -> str | None:
    """``resource`` for ``resource(...)`` and ``paths.resource(...)``; else None."""
    if not isinstance(node, ast.Call):
        return None
    if isinstance(node.func, ast.Name):
        return node.func.id
    func = node.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "paths":
        return func.attr
    return None


def _module_strings(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"`` constants (``resource("i18n", TRANSLATION_NAME)``)."""
    found: dict[str, str] = {}
    for node in tree.body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]  # type: ignore[union-attr]
            found.update({t.id: value.value for t in targets if isinstance(t, ast.Name)})
    return found


def _text(node: ast.expr, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def _named_resources(root: Path = SOURCE) -> tuple[set[tuple[str, ...]], list[str]]:
    """Files the source names under resources/ or db/, and the places naming them by a
    computed value (which this test cannot check)."""
    named: set[tuple[str, ...]] = set()
    unchecked: list[str] = []
    for source in sorted(root.rglob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        constants = _module_strings(tree)
        where = source.relative_to(root).as_posix()
        # In a / "b" / "c" only the outermost division is the whole path.
        inner = {
            id(node.left)
            for node in ast.walk(tree)
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called_name(node) == "resource":
                texts = [_text(arg, constants) for arg in node.args]
                if texts and all(text is not None for text in texts):
                    named.add(("resources", *(text for text in texts if text is not None)))
                else:
                    unchecked.append(f"{where}:{node.lineno}")
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and id(node) not in inner:
                # resources_dir() / "i18n" / "planmgr_zh_CN.qm": the chain's strings
                parts: list[str] = []
                left: ast.expr = node
                while isinstance(left, ast.BinOp) and isinstance(left.op, ast.Div):
                    text = _text(left.right, constants)
                    if text is None:
                        break
                    parts.insert(0, text)
                    left = left.left
                else:
                    base = _called_name(left)
                    if base in _BASES and parts:
                        named.add((*_BASES[base], *parts))
    return named, unchecked


def test_scanner_sees_the_font_named_in_paths() -> None:
    named, _ = _named_resources()
    assert ("resources", "fonts", "wqy-microhei.ttc") in named


def test_scanner_finds_each_way_of_naming_a_resource(tmp_path: Path) -> None:
    (tmp_path / "page.py").write_text(
        "from planmgr import paths\n"
        "from planmgr.paths import resource, resources_dir, seed_dir\n"
        "a = paths.resource('i18n', 'planmgr_zh_CN.qm')\n"
        "b = resource('icons', 'logo.svg')\n"
        "c = resources_dir() / 'help' / 'index.html'\n"
        "d = seed_dir() / 'demo.json'\n"
        "QM = 'planmgr_en.qm'\n"
        "e = resource('i18n', QM)\n"
        "f = resource('icons', name)\n",
        encoding="utf-8",
    )
    named, unchecked = _named_resources(tmp_path)
    assert named == {
        ("resources", "i18n", "planmgr_zh_CN.qm"),
        ("resources", "icons", "logo.svg"),
        ("resources", "help", "index.html"),
        ("db", "seed", "demo.json"),
        ("resources", "i18n", "planmgr_en.qm"),
    }
    assert unchecked == ["page.py:9"]


def test_every_resource_the_code_names_exists() -> None:
    named, unchecked = _named_resources()
    assert not unchecked, f"name resources with string literals so they can be checked: {unchecked}"
    missing = ["/".join(parts) for parts in sorted(named) if not REPO.joinpath(*parts).exists()]
    assert not missing, f"files named in src/planmgr but missing from the checkout: {missing}"


def test_font_and_migration_scripts_exist() -> None:
    assert paths.font_path().stat().st_size > 1_000_000  # the real TTC, not a placeholder
    assert (paths.resources_dir() / "fonts" / "LICENSE-wqy-microhei.txt").is_file()
    assert (paths.migrations_dir() / "script.py.mako").is_file()

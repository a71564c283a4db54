"""Where things are: bundled resources and migrations, and the user's own folders.

Three layouts are supported (tested in all three):
- a checkout or editable install: ``<repo>/resources`` and ``<repo>/db``;
- an installed wheel: ``planmgr/_data/resources`` and ``planmgr/_data/db`` (hatch force-include);
- a PyInstaller bundle: ``<sys._MEIPASS>/resources`` and ``<sys._MEIPASS>/db``.
User folders come from platformdirs and can be redirected with ``PLANMGR_HOME`` (tests,
portable installs on a USB stick).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from planmgr import APP_NAME
from planmgr.domain.i18n import tr

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    found: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / name)
    found.append(_PACKAGE_DIR / "_data" / name)
    # src/planmgr -> repo root; only a real checkout (an installed package's grandparent is
    # lib/pythonX.Y, where a stray folder of the same name must not be taken for ours).
    checkout = _PACKAGE_DIR.parent.parent
    if (checkout / "pyproject.toml").is_file():
        found.append(checkout / name)
    return found


# Folders whose absence is being reported: tr() looks for the English messages under
# resources/, so a missing resources/ is reported without them (in Chinese, as tr() falls
# back) instead of looking for them again and again.
_reporting: set[str] = set()


@cache
def _data_dir(name: str) -> Path:
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    tried = ", ".join(str(c) for c in _candidates(name))
    if name in _reporting:
        raise FileNotFoundError(name)
    _reporting.add(name)
    try:
        message = tr("找不到程序数据目录 {name}（已查找：{tried}）", name=name, tried=tried)
    finally:
        _reporting.discard(name)
    raise FileNotFoundError(message)


def resources_dir() -> Path:
    return _data_dir("resources")


def db_dir() -> Path:
    return _data_dir("db")


def resource(*parts: str) -> Path:
    """A file under ``resources/``; raises ``FileNotFoundError`` if it is missing."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(tr("缺少程序资源文件：{path}", path=path))
    return path


def migrations_dir() -> Path:
    return db_dir() / "migrations"


def seed_dir() -> Path:
    return db_dir() / "seed"


def font_path() -> Path:
    return resource("fonts", "wqy-microhei.ttc")


def _user_root() -> Path | None:
    home = os.environ.get("PLANMGR_HOME")
    return Path(home).expanduser() if home else None


def user_data_dir() -> Path:
    root = _user_root()
    if root is not None:
        path = root / "data"
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_log_dir() -> Path:
    root = _user_root()
    if root is not None:
        path = root / "logs"
    else:
        import platformdirs

        path = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_config_dir() -> Path:
    root = _user_root()
    if root is not None:
        path = root / "config"
    else:
        import platformdirs

        path = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database() -> Path:
    """The database used when none is named: ``planmgr.sqlite`` in the user data dir."""
    return user_data_dir() / "planmgr.sqlite"


def demo_database() -> Path:
    return user_data_dir() / "demo.sqlite"


def backups_dir() -> Path:
    path = user_data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


USER_GUIDE = "用户手册.md"  # zh-only: file name of the (Chinese) user guide


def user_guide() -> Path:
    """The user guide (``docs/用户手册.md`` with its ``docs/screenshots/``): ``<repo>/docs`` in
    a checkout, ``_data/docs`` in a wheel (force-include) or a bundle (``datas``).

    Raises ``FileNotFoundError`` (a message for the user) when this installation has no guide.
    """
    candidates = [folder / USER_GUIDE for folder in _candidates("docs")]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(tr("找不到用户手册（已查找：{tried}）", tried=tried))

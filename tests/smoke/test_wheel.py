"""The built wheel works on its own: installed into a fresh virtualenv, run from a folder
far from the checkout, ``planmgr init`` and ``planmgr check`` succeed with the resources
and migrations shipped inside the package (``planmgr/_data``).

The fresh venv sees the main venv's site-packages through a ``.pth`` file and the wheel is
installed with ``--no-deps``, so Qt and the rest are not downloaded again (STYLE.md).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]


def _run(args: list[str | Path], *, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def _clean_env(user_home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}}
    env.update(
        PLANMGR_HOME=str(user_home),
        PYTHONIOENCODING="utf-8",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PIP_NO_INPUT="1",
    )
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("hatchling") is None:
        pytest.skip("hatchling is not installed in this environment (needed to build without network)")
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "-q", "-w", str(out), str(REPO)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    (built,) = out.glob("planmgr-*.whl")
    return built


def test_wheel_ships_resources_and_migrations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "planmgr/_data/resources/fonts/wqy-microhei.ttc",
        "planmgr/_data/resources/fonts/LICENSE-wqy-microhei.txt",
        "planmgr/_data/db/migrations/env.py",
        "planmgr/_data/db/migrations/script.py.mako",
    }
    # Every file under resources/ and db/ in the checkout ships (fonts, i18n, migrations, seed).
    expected |= {
        f"planmgr/_data/{path.relative_to(REPO).as_posix()}"
        for folder in ("resources", "db")
        for path in (REPO / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert not expected - names, sorted(expected - names)
    assert any(n.startswith("planmgr/_data/db/migrations/versions/") for n in names)
    assert "planmgr/paths.py" in names


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed; returns its scripts folder."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    layout = subprocess.run(
        [python, "-c", "import sysconfig, json; print(json.dumps(sysconfig.get_paths()))"],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    import json

    venv_paths = json.loads(layout.stdout)
    # Let it see the main venv's packages (Qt, SQLAlchemy, ...) after its own.
    main_site = sysconfig.get_paths()["purelib"]
    Path(venv_paths["purelib"], "_main_venv.pth").write_text(main_site + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
         "-q", str(wheel)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return Path(venv_paths["scripts"])


def test_installed_package_uses_its_own_data(installed: Path, tmp_path: Path, user_home: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    python = installed / ("python.exe" if sys.platform == "win32" else "python")
    code = (
        "import planmgr, planmgr.paths as p;"
        "print(planmgr.__file__); print(p.resources_dir()); print(p.migrations_dir()); print(p.font_path())"
    )
    done = _run([python, "-c", code], cwd=elsewhere, env=_clean_env(user_home))
    assert done.returncode == 0, done.stderr
    package_file, resources, migrations, font = (Path(line) for line in done.stdout.splitlines())
    package = package_file.parent
    assert not package.is_relative_to(REPO), package
    assert resources == package / "_data" / "resources"
    assert migrations == package / "_data" / "db" / "migrations"
    assert font.is_file()


def test_installed_cli_creates_and_checks_a_database(
    installed: Path, tmp_path: Path, user_home: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    planmgr = installed / ("planmgr.exe" if sys.platform == "win32" else "planmgr")
    db = elsewhere / "赤坎镇.sqlite"
    env = _clean_env(user_home)

    done = _run(
        [planmgr, "init", "--db", db, "--unit-name", "赤坎镇人民政府", "--unit-kind", "town"],
        cwd=elsewhere,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "已创建数据库" in done.stdout
    assert "本单位：赤坎镇人民政府（" in done.stdout
    assert db.is_file()

    done = _run([planmgr, "check", "--db", db], cwd=elsewhere, env=env)
    assert done.returncode == 0, done.stderr
    assert "检查通过：数据库完整。" in done.stdout
    assert "单位 1" in done.stdout

"""Entry points: ``python -m planmgr`` (the CLI) and ``planmgr-gui`` (the GUI)."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def gui_main(argv: Sequence[str] | None = None) -> int:
    """Start the desktop application (imports Qt only now, off the CLI's path)."""
    from planmgr.ui.app import run_gui

    return run_gui(list(sys.argv[1:] if argv is None else argv))


def main() -> None:
    from planmgr.cli import main as cli_main

    raise SystemExit(cli_main())


if __name__ == "__main__":
    main()

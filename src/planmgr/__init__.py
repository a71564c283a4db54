"""planmgr — 应急预案与演练管理 (emergency plan and drill management)."""

from importlib import metadata

try:
    __version__ = metadata.version("planmgr")
except metadata.PackageNotFoundError:  # running from a checkout without installing
    __version__ = "0.0.0+checkout"

APP_NAME = "planmgr"

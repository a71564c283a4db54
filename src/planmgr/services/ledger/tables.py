"""The tables a ledger import writes, as SQLAlchemy Core ``Table`` objects."""

from __future__ import annotations

from sqlalchemy import Table
from sqlmodel import SQLModel

from planmgr.store import models as _models  # noqa: F401  (registers the tables)

UNIT: Table = SQLModel.metadata.tables["unit"]
PLAN: Table = SQLModel.metadata.tables["plan"]
VERSION: Table = SQLModel.metadata.tables["plan_version"]
EVALUATION: Table = SQLModel.metadata.tables["evaluation"]
DRILL: Table = SQLModel.metadata.tables["drill"]
DRILL_PLAN: Table = SQLModel.metadata.tables["drill_plan"]
FILING: Table = SQLModel.metadata.tables["filing"]

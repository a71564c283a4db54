"""预案体系: moved to ``planmgr.ui.plans.page`` (kept so old imports still work)."""

from __future__ import annotations

from planmgr.ui.plans.page import PlansPage

__all__ = ["PlansPage"]

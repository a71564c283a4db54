"""Domain errors: each carries a message fit to show a user, in the interface language
(planmgr.domain.i18n)."""

from __future__ import annotations


class PlanmgrError(Exception):
    """Base of every error the application expects and explains to the user."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(PlanmgrError):
    """Input rejected (CLI exit 2)."""

    exit_code = 2


class NotFoundError(PlanmgrError):
    exit_code = 2


class ConflictError(PlanmgrError):
    """Someone else changed the record since it was read (optimistic locking)."""

    exit_code = 1

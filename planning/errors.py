"""The project's own error types: every failure a user can cause ends in one of these."""

from __future__ import annotations


class PlanDeskError(Exception):
    """Base class. Carries a Chinese and an English message, shown together on one line."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en

    def line(self) -> str:
        return f"{self.zh} / {self.en}"


class PlanImportError(PlanDeskError):
    """A file could not be read or parsed into a plan; the library is unchanged."""

    def __init__(self, path: str, zh: str, en: str) -> None:
        super().__init__(f"{path}: {zh}", f"{path}: {en}")
        self.path = path


class LibraryError(PlanDeskError):
    """The library (database) could not do what was asked."""


class NotFoundError(LibraryError):
    """No plan with that id."""


class DuplicatePlanError(LibraryError):
    """A plan with the same content hash is already in the library."""

    def __init__(self, existing_id: int) -> None:
        super().__init__(
            f"库中已有相同内容的规划（编号 {existing_id}）",
            f"the library already has this plan (id {existing_id})",
        )
        self.existing_id = existing_id

"""What can go wrong in an export, each with a Chinese and an English message."""

from __future__ import annotations

from planning.errors import PlanDeskError


class ExportError(PlanDeskError):
    """The document could not be written (output folder, file held open, bad reference document)."""


class ProfileError(ExportError):
    """An unknown profile name, or a profile file with a wrong key or value."""


class PdfError(ExportError):
    """LibreOffice is missing, failed or timed out while converting to PDF."""

"""Export plans to Word documents formatted to GB/T 9704-2012 (and other profiles); PDF through LibreOffice."""

from __future__ import annotations

from planning.export.errors import ExportError, PdfError, ProfileError
from planning.export.export import ExportResult, build_document, export_plan
from planning.export.profiles import Profile
from planning.export.writer import DocxWriter

__all__ = ["DocxWriter", "ExportError", "ExportResult", "PdfError", "Profile", "ProfileError", "build_document",
           "export_plan"]

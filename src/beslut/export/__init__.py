"""Export a draft to Word in the city template, and to PDF/A through LibreOffice (no Qt).

Importing this package is cheap: python-docx is imported when a document is rendered.
"""

from beslut.export.command import export_command, export_docx, resolve_target
from beslut.export.errors import (
    AttachmentFileError,
    DiskFullError,
    ExportError,
    FolderNotWritableError,
    LibreOfficeMissingError,
    PdfConversionError,
    TargetLockedError,
    TemplateError,
    WriteError,
)
from beslut.export.filenames import attachment_filename, safe_stem, suggested_filename
from beslut.export.pdf import convert_to_pdf, find_soffice

__all__ = [
    "AttachmentFileError",
    "DiskFullError",
    "ExportError",
    "FolderNotWritableError",
    "LibreOfficeMissingError",
    "PdfConversionError",
    "TargetLockedError",
    "TemplateError",
    "WriteError",
    "attachment_filename",
    "convert_to_pdf",
    "export_command",
    "export_docx",
    "find_soffice",
    "resolve_target",
    "safe_stem",
    "suggested_filename",
]

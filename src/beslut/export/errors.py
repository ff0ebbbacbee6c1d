"""Export failures with messages for the user: locked or unwritable targets, full disks, PDF."""

from __future__ import annotations

from pathlib import Path

from beslut.errors import BeslutError


class ExportError(BeslutError):
    """Any failure while exporting a tjänsteutlåtande."""

    written: tuple[Path, ...] = ()  # the files the export had written when it failed


class TemplateError(ExportError):
    """The Word template is missing or cannot be read."""


class WriteError(ExportError):
    """A file could not be written (the base for the more specific cases below)."""


class TargetLockedError(WriteError):
    """The target file is open in Word or another program (Windows locks it)."""


class FolderNotWritableError(WriteError):
    """The target folder does not exist or the user may not write there."""


class DiskFullError(WriteError):
    """There is no room left on the disk."""


class AttachmentFileError(ExportError):
    """The file of a bilaga is missing or damaged."""


class LibreOfficeMissingError(ExportError):
    """LibreOffice is not installed, so no PDF can be made."""


class PdfConversionError(ExportError):
    """LibreOffice ran but gave no PDF (or did not finish in time)."""

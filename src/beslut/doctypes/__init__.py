"""Document types (Beslutsärende, Remissvar, ...) loaded from TOML in the template folder."""

from beslut.doctypes.loader import (
    DocType,
    SectionSpec,
    default_template_dir,
    load_doctype,
    load_doctypes,
)

__all__ = ["DocType", "SectionSpec", "default_template_dir", "load_doctype", "load_doctypes"]

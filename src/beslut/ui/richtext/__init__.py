"""The rich-text editor of a section: its widget, text area, commands and conversions."""

from beslut.ui.richtext.editor import SectionEditor

__all__ = ["SectionEditor"]

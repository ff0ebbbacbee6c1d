"""The rich-text editor of a section: its widget, text area, commands and conversions."""

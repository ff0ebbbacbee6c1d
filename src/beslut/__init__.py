"""beslut: write a tjänsteutlåtande for a nämnd, offline, checked and exported to Word."""

__version__ = "0.1.0"

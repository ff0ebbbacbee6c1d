"""The nämnd's own documents written from the tjänsteutlåtanden: the kallelse and the
protokollsutdrag (no Qt)."""

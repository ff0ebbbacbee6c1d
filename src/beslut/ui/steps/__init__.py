"""The steps of the draft editor, one widget per part of the tjänsteutlåtande."""

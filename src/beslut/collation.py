"""Swedish sorting: å, ä, ö come after z, accents sort with their base letter."""

from __future__ import annotations

# Å, Ä, Ö map to the three characters after "z" in code-point order; letters with
# accents sort as their base letter (é as e, ü as y, as Swedish dictionaries do).
_FOLD = str.maketrans(
    {
        "å": "{",
        "ä": "|",
        "æ": "|",
        "ö": "}",
        "ø": "}",
        "á": "a",
        "à": "a",
        "â": "a",
        "é": "e",
        "è": "e",
        "ê": "e",
        "ë": "e",
        "í": "i",
        "ï": "i",
        "ó": "o",
        "ô": "o",
        "ú": "u",
        "ü": "y",
        "ç": "c",
        "ñ": "n",
    }
)


def collation_key(text: str) -> tuple[str, str]:
    """A sort key that orders ``text`` as Swedish does; ties break on the exact text."""
    return (text.casefold().translate(_FOLD), text)

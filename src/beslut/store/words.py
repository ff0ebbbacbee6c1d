"""The user's own word list for the spelling, kept in the database."""

from __future__ import annotations

from beslut.store.connection import Connection, guarded, now

MAX_WORDS = 100_000


class PersonalWords(Connection):
    """The words the user added with "Lägg till i ordlistan"."""

    @guarded
    def personal_words(self) -> frozenset[str]:
        """Every word of the user's list."""
        rows = self._conn.execute("SELECT word FROM words LIMIT ?", (MAX_WORDS,))
        return frozenset(row[0] for row in rows)

    @guarded
    def add_word(self, word: str) -> None:
        """Add ``word`` to the user's list (once)."""
        with self._atomic():
            self._conn.execute(
                "INSERT OR IGNORE INTO words (word, added) VALUES (?, ?)", (word, now())
            )

    @guarded
    def remove_word(self, word: str) -> None:
        """Take ``word`` out of the user's list."""
        with self._atomic():
            self._conn.execute("DELETE FROM words WHERE word = ?", (word,))

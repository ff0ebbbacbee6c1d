"""Swedish spelling, offline: hunspell with the sv_SE dictionary, word lists (the user's,
the organisation's, the draft's own names), and which words of a text to check (no Qt)."""

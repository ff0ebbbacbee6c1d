"""All rules, in the order a reader meets what they check."""

from __future__ import annotations

from beslut.checks.rules import (
    attachments,
    comments,
    dates,
    decisions,
    meta,
    personal,
    readability,
    spacing,
    spelling,
    structure,
    tables,
    wording,
)
from beslut.checks.rules.base import Hit, Rule, rule

ALL_RULES: tuple[Rule, ...] = (
    structure.required_parts,
    structure.summary_missing,
    structure.summary_length,
    decisions.starts_with_att,
    decisions.starts_with_capital,
    decisions.ends_with_full_stop,
    decisions.dependent_phrases,
    decisions.one_action,
    meta.dnr_format,
    meta.meeting_after_date,
    attachments.references,
    attachments.titles,
    attachments.files,
    attachments.stored_files,
    personal.personnummer,
    personal.samordningsnummer,
    personal.possible_personnummer,
    personal.emails,
    personal.phones,
    personal.addresses,
    personal.names,
    dates.short_years,
    dates.iso_dates,
    wording.empty_headings,
    tables.header_rows,
    tables.link_texts,
    wording.stiff_words,
    readability.long_sentences,
    readability.hard_to_read,
    spacing.double_spaces,
    spacing.space_before_punctuation,
    spelling.unknown_words,
    comments.open_comments,
)

RULES_BY_ID: dict[str, Rule] = {r.id: r for r in ALL_RULES}

__all__ = ["ALL_RULES", "RULES_BY_ID", "Hit", "Rule", "rule"]

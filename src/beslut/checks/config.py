"""The settings of the checks: limits, word lists and phrases, read from templates/checks.toml."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from beslut.checks.pattern import bounded_fullmatch, pattern_problem
from beslut.doctypes.loader import default_template_dir
from beslut.doctypes.tomlfile import MAX_ITEMS, TomlProblem, read_toml
from beslut.errors import BeslutError
from beslut.i18n import _

CONFIG_NAME = "checks.toml"

# Accepts the common shapes: "106-555/2004", "1.5.1-135-2012", "T2012-050-05828",
# "KS 2023/123", "TEF/2019:263": an optional letter prefix, then numbers joined by
# . - / or :, at least two of them (a bare year is not a Dnr).
DEFAULT_DNR_PATTERN = r"(?:[A-ZÅÄÖ]{1,8}[ /-]?)?\d+(?:[.:/-]\d+)+"
MAX_PHRASE = 100  # characters in one word or phrase of a list (the longest shipped: 40)
MAX_TEXT = 500  # characters in one text setting (a Dnr pattern, a section's name)


class ChecksConfigError(BeslutError):
    """A checks.toml that cannot be read or holds a value of the wrong kind."""


@dataclass(frozen=True, slots=True)
class StiffWord:
    """A stiff word in all the forms to look for, and the plainer word to use instead;
    ``replacements`` gives the plain word for a form, the one-click fix (form, word)."""

    forms: tuple[str, ...]
    instead: str
    replacements: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class CheckConfig:
    """Everything an organisation can tune; ``disabled`` holds switched-off rule ids."""

    disabled: frozenset[str] = frozenset()
    summary_section: str = "sammanfattning"
    summary_needed_above_words: int = 100
    summary_max_words: int = 250
    sentence_max_words: int = 25
    lix_min_words: int = 40
    abbreviations: tuple[str, ...] = ()
    dnr_pattern: str = DEFAULT_DNR_PATTERN
    dnr_example: str = "KS 2023/123"
    dependent_phrases: tuple[str, ...] = ()
    action_verbs: tuple[str, ...] = ()
    empty_heading_words: tuple[str, ...] = ()
    stiff_words: tuple[StiffWord, ...] = ()
    # Never personal data (rules/personal.py): the organisation's and the user's own
    # contact details, and the names of the people who act for it (politiker.txt).
    own_details: tuple[str, ...] = ()
    known_people: tuple[str, ...] = ()

    def enabled(self, rule_id: str) -> bool:
        """True unless the rule is switched off."""
        return rule_id not in self.disabled

    def with_disabled(self, rule_ids: Iterable[str]) -> CheckConfig:
        """The same settings with ``rule_ids`` switched off as well (e.g. from user settings)."""
        return replace(self, disabled=self.disabled | frozenset(rule_ids))

    def with_people(self, own_details: Iterable[str], known_people: Iterable[str]) -> CheckConfig:
        """The same settings with the organisation's own details and people added."""
        details = tuple(d for d in own_details if d.strip())
        people = tuple(p for p in known_people if p.strip())
        return replace(
            self,
            own_details=self.own_details + details,
            known_people=self.known_people + people,
        )

    def with_dnr_pattern(self, pattern: str) -> CheckConfig:
        """The same settings with another Dnr pattern (e.g. the user's setting)."""
        problem = pattern_problem(pattern)
        if problem is not None:
            message = _("Mönstret för diarienummer ”{pattern}” kan inte användas: {why}.")
            raise ChecksConfigError(
                message.format(pattern=pattern, why=problem),
                f"bad dnr pattern {pattern!r}: {problem}",
            )
        return replace(self, dnr_pattern=pattern)

    def dnr_matches(self, dnr: str) -> bool:
        """True when ``dnr`` (surrounding spaces ignored) has the whole form of the Dnr
        pattern. The pattern was validated when this configuration was built; a match
        that still takes longer than pattern.TIMEOUT raises PatternTooSlow."""
        return bounded_fullmatch(self.dnr_pattern, dnr.strip())


def config_path(template_dir: Path | None = None) -> Path:
    """checks.toml in ``template_dir``, or the shipped one when that folder has none."""
    if template_dir is not None and (template_dir / CONFIG_NAME).exists():
        return template_dir / CONFIG_NAME
    return default_template_dir() / CONFIG_NAME


def load_config(template_dir: Path | None = None) -> CheckConfig:
    """Read the check settings from the template folder."""
    path = config_path(template_dir)
    try:
        data = read_toml(path)
    except TomlProblem as exc:
        raise _error(path, str(exc)) from exc
    return parse_config(data, path)


@lru_cache(maxsize=1)
def default_config() -> CheckConfig:
    """The shipped settings, read once."""
    return load_config()


def parse_config(data: Mapping[str, Any], path: Path) -> CheckConfig:
    """Build the settings from parsed TOML; ``path`` is only for messages."""
    reader = _Reader(path)
    reader.known(data, "", _TOP_KEYS)
    summary = reader.table(data, "summary", {"section", "needed_above_words", "max_words"})
    sentences = reader.table(data, "sentences", {"max_words", "abbreviations"})
    lix = reader.table(data, "lix", {"min_words"})
    dnr = reader.table(data, "dnr", {"pattern", "example"})
    decisions = reader.table(data, "decisions", {"dependent_phrases", "action_verbs"})
    headings = reader.table(data, "headings", {"empty_words"})
    base = CheckConfig()
    config = CheckConfig(
        disabled=frozenset(reader.strings(data, "disabled", "")),
        summary_section=reader.text(summary, "section", "summary", base.summary_section),
        summary_needed_above_words=reader.count(
            summary, "needed_above_words", "summary", base.summary_needed_above_words
        ),
        summary_max_words=reader.count(summary, "max_words", "summary", base.summary_max_words),
        sentence_max_words=reader.count(
            sentences, "max_words", "sentences", base.sentence_max_words
        ),
        lix_min_words=reader.count(lix, "min_words", "lix", base.lix_min_words),
        abbreviations=reader.strings(sentences, "abbreviations", "sentences"),
        dnr_pattern=reader.text(dnr, "pattern", "dnr", base.dnr_pattern),
        dnr_example=reader.text(dnr, "example", "dnr", base.dnr_example),
        dependent_phrases=reader.strings(decisions, "dependent_phrases", "decisions"),
        action_verbs=reader.strings(decisions, "action_verbs", "decisions"),
        empty_heading_words=reader.strings(headings, "empty_words", "headings"),
        stiff_words=reader.stiff_words(data.get("stiff_words", [])),
    )
    _check_pattern(config.dnr_pattern, config.dnr_example, path)
    return config


_TOP_KEYS = frozenset(
    {"disabled", "summary", "sentences", "lix", "dnr", "decisions", "headings", "stiff_words"}
)


def _check_pattern(pattern: str, example: str, path: Path) -> None:
    problem = pattern_problem(pattern, example)
    if problem is not None:
        raise _error(path, _("”dnr.pattern” kan inte användas: {why}").format(why=problem))


def _error(path: Path, what: str) -> ChecksConfigError:
    message = _("Granskningsinställningarna i {path} kan inte läsas: {problem}.")
    return ChecksConfigError(message.format(path=path, problem=what), f"{path}: {what}")


class _Reader:
    """Typed access to parsed TOML with messages for the user that name the bad key."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, what: str) -> ChecksConfigError:
        return _error(self.path, _("”{key}” {problem}").format(key=key, problem=what))

    def known(self, data: Mapping[str, Any], where: str, keys: Collection[str]) -> None:
        for key in data:
            if key not in keys:
                name = f"{where}.{key}" if where else key
                raise self.fail(name, _("är ingen känd inställning"))

    def table(self, data: Mapping[str, Any], key: str, keys: Collection[str]) -> Mapping[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(key, _("ska vara en tabell ([{key}])").format(key=key))
        self.known(value, key, keys)
        return value

    def count(self, data: Mapping[str, Any], key: str, where: str, default: int) -> int:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.fail(f"{where}.{key}", _("ska vara ett positivt heltal"))
        return value

    def text(self, data: Mapping[str, Any], key: str, where: str, default: str) -> str:
        value = data.get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{where}.{key}", _("ska vara en text som inte är tom"))
        if len(value) > MAX_TEXT:
            limit = _("är längre än {limit} tecken").format(limit=MAX_TEXT)
            raise self.fail(f"{where}.{key}", limit)
        return value.strip()

    def strings(self, data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
        value = data.get(key, [])
        name = f"{where}.{key}" if where else key
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(name, _("ska vara en lista med texter"))
        if len(value) > MAX_ITEMS:
            raise self.fail(name, _("har fler än {limit} poster").format(limit=MAX_ITEMS))
        if any(len(v) > MAX_PHRASE for v in value):
            limit = _("har en text som är längre än {limit} tecken").format(limit=MAX_PHRASE)
            raise self.fail(name, limit)
        return tuple(v.strip() for v in value if v.strip())

    def stiff_words(self, value: object) -> tuple[StiffWord, ...]:
        if not isinstance(value, list):
            raise self.fail("stiff_words", _("ska vara en lista av tabeller ([[stiff_words]])"))
        if len(value) > MAX_ITEMS:
            raise self.fail("stiff_words", _("har fler än {limit} poster").format(limit=MAX_ITEMS))
        words = []
        for number, item in enumerate(value, start=1):
            where = _("stiff_words nr {number}").format(number=number)
            if not isinstance(item, dict):
                raise self.fail(where, _("ska vara en tabell"))
            self.known(item, where, {"forms", "instead", "replacements"})
            forms = self.strings(item, "forms", where)
            if not forms:
                raise self.fail(f"{where}.forms", _("saknar ord"))
            replacements = self.replacements(item.get("replacements", {}), where, forms)
            words.append(StiffWord(forms, self.text(item, "instead", where, ""), replacements))
        return tuple(words)

    def replacements(
        self, value: object, where: str, forms: tuple[str, ...]
    ) -> tuple[tuple[str, str], ...]:
        name = f"{where}.replacements"
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise self.fail(name, _('ska vara en tabell med texter (form = "ord")'))
        if len(value) > MAX_ITEMS:
            raise self.fail(name, _("har fler än {limit} poster").format(limit=MAX_ITEMS))
        pairs = []
        for form, word in value.items():
            if form not in forms:
                raise self.fail(
                    name, _("nämner ”{form}”, som inte finns i forms").format(form=form)
                )
            if not word.strip() or len(word) > MAX_PHRASE:
                limit = _("ska ha ett ord på högst {limit} tecken för ”{form}”")
                raise self.fail(name, limit.format(limit=MAX_PHRASE, form=form))
            pairs.append((form, word.strip()))
        return tuple(pairs)

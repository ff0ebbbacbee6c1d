"""Tests for beslut.i18n and the catalogs: every message translated and marked the right way."""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from beslut import i18n
from beslut.i18n import _, current_language, locale_dir, ngettext, set_language, translate
from beslut.model.status import Status
from beslut.store.errors import newer_version
from tests.catalogs import LOCALE, PACKAGE_LOCALE, ROOT, compile_catalogs

SOURCES = ROOT / "src" / "beslut"
ENGLISH = LOCALE / "en" / "LC_MESSAGES" / "beslut.po"
KEYWORDS = {"_", "N_", "ngettext", "pgettext", "NC_"}
PAIRS = {"ngettext", "pgettext", "NC_"}  # two literal strings: forms, or context and text

Key = tuple[str, str | None]  # msgid, msgctxt
Extracted = dict[Key, str | tuple[str, ...]]


# --- the catalogs -------------------------------------------------------------------


def extract(root: Path = ROOT) -> Extracted:
    """(msgid, msgctxt) -> message (a tuple for plural forms), as ``dev.py i18n``
    extracts them."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)  # type: ignore[no-untyped-call]
    messages: Extracted = {}
    for _file, _line, message, _comments, context in extract_from_dir(
        str(root), method_map, options_map
    ):
        messages[(message if isinstance(message, str) else message[0], context)] = message
    return messages


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def placeholders(text: str) -> set[str]:
    """The {name} and %(name)s / %s placeholders of a message."""
    braces = {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
    return braces | set(re.findall(r"%(?:\(\w+\))?[sdr]", text))


def untranslated(messages: Extracted, catalog: Catalog) -> list[str]:
    """Why each message lacks a usable translation in ``catalog`` (empty when none)."""
    problems = []
    for (msgid, context), message in sorted(
        messages.items(), key=lambda m: (m[0][0], m[0][1] or "")
    ):
        entry: Message | None = catalog.get(msgid, context=context)
        string = None if entry is None else entry.string
        forms: tuple[str, ...] = (
            () if string is None else (string,) if isinstance(string, str) else tuple(string)
        )
        sources = (message,) if isinstance(message, str) else message
        wanted = set().union(*(placeholders(s) for s in sources))
        if entry is None:
            problems.append(f"missing: {msgid!r}")
        elif entry.fuzzy:
            problems.append(f"fuzzy: {msgid!r}")
        elif not all(forms):
            problems.append(f"not translated: {msgid!r}")
        elif any(placeholders(form) != wanted for form in forms):
            problems.append(f"placeholders differ: {msgid!r}")
    return problems


def test_the_sources_have_messages_to_translate() -> None:
    messages = extract()
    assert len(messages) > 300
    assert messages[("Granska och exportera", None)] == "Granska och exportera"
    assert messages[("{n} varning", None)] == ("{n} varning", "{n} varningar")
    assert messages[("Underrubrik", "block kind")] == "Underrubrik"  # a sub-heading


def test_every_message_has_an_english_translation() -> None:
    problems = untranslated(extract(), read_catalog(ENGLISH))
    assert not problems, "run python3 dev.py i18n and translate:\n" + "\n".join(problems)


def test_a_new_untranslated_message_is_caught(tmp_path: Path) -> None:
    package = tmp_path / "src" / "beslut"
    package.mkdir(parents=True)
    (package / "new.py").write_text(
        "from beslut.i18n import _, ngettext\n"
        "def f(n):\n"
        "    return _('Granska och exportera') + _('En helt ny text {x}').format(x=n)\n"
        "def g(n):\n"
        "    return ngettext('{n} varning', '{n} varningar', n)\n",
        encoding="utf-8",
    )
    catalog = read_catalog(ENGLISH)
    assert untranslated(extract(tmp_path), catalog) == ["missing: 'En helt ny text {x}'"]
    reviewed, plural = catalog.get("Granska och exportera"), catalog.get("{n} varning")
    assert reviewed is not None and plural is not None
    reviewed.flags.add("fuzzy")
    plural.string = ("{n} warning", "")
    assert untranslated(extract(tmp_path), catalog) == [
        "missing: 'En helt ny text {x}'",
        "fuzzy: 'Granska och exportera'",
        "not translated: '{n} varning'",
    ]


def test_placeholders_must_survive_translation() -> None:
    catalog = Catalog(locale="en")
    catalog.add("Utkastet {id} finns inte.", "Draft {number} does not exist.")
    messages: Extracted = {("Utkastet {id} finns inte.", None): "Utkastet {id} finns inte."}
    assert untranslated(messages, catalog) == ["placeholders differ: 'Utkastet {id} finns inte.'"]


def test_the_catalog_holds_no_messages_the_sources_lost() -> None:
    kept = {
        (m.id if isinstance(m.id, str) else m.id[0], m.context)
        for m in read_catalog(ENGLISH)
        if m.id
    }
    stale = kept - set(extract())
    assert not stale, f"run python3 dev.py i18n to drop them: {sorted(stale)}"


# --- how text is marked ---------------------------------------------------------------


def _calls(tree: ast.AST) -> Iterator[tuple[str, ast.Call]]:
    for node in ast.walk(tree):
        call = node if isinstance(node, ast.Call) else None
        if call is not None and isinstance(call.func, ast.Name) and call.func.id in KEYWORDS:
            yield call.func.id, call


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def marking_problems(source: str) -> list[int]:
    """Lines where babel would extract no msgid or a wrong one."""
    tree = ast.parse(source)
    lines = []
    for name, call in _calls(tree):
        for arg in call.args[:2] if name in PAIRS else call.args[:1]:
            # An f-string, or a literal inside an expression (_(LABELS["x"])), would give
            # a wrong msgid or none; a plain variable is fine (marked with N_ elsewhere).
            inner = any(isinstance(n, ast.JoinedStr) or _is_text(n) for n in ast.walk(arg))
            if not _is_text(arg) and inner:
                lines.append(call.lineno)
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and any(True for _ in _calls(node)):
            lines.append(node.lineno)  # on Python 3.11 babel cannot see into f-strings
    return sorted(lines)


def import_time_calls(body: list[ast.stmt]) -> list[int]:
    """Lines of _() and ngettext() calls that run when the module is imported."""
    lines = []
    for stmt in body:
        parts: list[ast.AST]
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            defaults = [d for d in stmt.args.kw_defaults if d is not None]
            parts = [*stmt.decorator_list, *stmt.args.defaults, *defaults]
        elif isinstance(stmt, ast.ClassDef):
            parts = [*stmt.decorator_list, *stmt.bases]
            lines += import_time_calls(stmt.body)
        else:
            parts = [stmt]
        lines += [
            call.lineno
            for part in parts
            for name, call in _calls(part)
            if name not in ("N_", "NC_")
        ]
    return sorted(lines)


def _sources() -> Iterator[tuple[Path, str]]:
    for path in sorted(SOURCES.rglob("*.py")):
        yield path.relative_to(ROOT), path.read_text(encoding="utf-8")


def test_messages_are_marked_with_one_literal_string() -> None:
    problems = [f"{path}:{line}" for path, text in _sources() for line in marking_problems(text)]
    assert not problems, "give _() one literal string:\n" + "\n".join(problems)


def test_nothing_is_translated_before_the_language_is_chosen() -> None:
    problems = [
        f"{path}:{line}"
        for path, text in _sources()
        for line in import_time_calls(ast.parse(text).body)
    ]
    assert not problems, "use N_() here and _() where it is shown:\n" + "\n".join(problems)


def test_the_marking_checks_find_what_they_look_for() -> None:
    source = (
        "TITLE = _('Titel')\n"
        "KEEP = N_('Rubrik')\n"
        "class A:\n"
        "    HEADERS = (_('Ärende'),)\n"
        "    def f(self, x, label=_('Text')):\n"
        "        return _(f'Hej {x}') + f'{_(\"Namn\")}' + _(LABELS['name']) + _(KEEP)\n"
    )
    assert import_time_calls(ast.parse(source).body) == [1, 4, 5]
    assert marking_problems(source) == [6, 6, 6]


# --- switching language ---------------------------------------------------------------


def test_the_catalogs_are_compiled_into_the_package_from_resources_locale() -> None:
    compile_catalogs()
    assert locale_dir() == PACKAGE_LOCALE
    assert (locale_dir() / "en" / "LC_MESSAGES" / "beslut.mo").is_file()
    assert (LOCALE / "en" / "LC_MESSAGES" / "beslut.po").is_file()


def test_english_and_back_to_swedish() -> None:
    compile_catalogs()
    set_language("en")
    assert current_language() == "en"
    assert Status.GRANSKNING.label == "Under review"
    assert "newer version of beslut" in newer_version("x.db", "").user_message
    assert ngettext("{n} varning", "{n} varningar", 1) == "{n} warning"
    assert ngettext("{n} varning", "{n} varningar", 2) == "{n} warnings"
    set_language("sv")
    assert current_language() == "sv"
    assert Status.GRANSKNING.label == "Under granskning"
    assert "nyare version av beslut" in newer_version("x.db", "").user_message
    assert ngettext("{n} varning", "{n} varningar", 2) == "{n} varningar"


def test_an_unknown_language_is_swedish() -> None:
    set_language("fi")
    assert current_language() == "sv"
    assert _("Granska och exportera") == "Granska och exportera"


def test_a_missing_catalog_falls_back_to_swedish(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(i18n, "locale_dir", lambda: tmp_path)
    set_language("en")
    assert _("Granska och exportera") == "Granska och exportera"


@pytest.mark.usefixtures("english")
def test_translate_into_another_language_leaves_the_current_one() -> None:
    assert translate("Granska och exportera", "sv") == "Granska och exportera"
    assert _("Granska och exportera") == "Review and export"
    set_language("sv")
    assert translate("Granska och exportera", "en") == "Review and export"
    assert _("Granska och exportera") == "Granska och exportera"


@pytest.mark.usefixtures("english")
def test_dates_for_the_user_follow_the_language_and_the_document_stays_swedish() -> None:
    day = dt.date(2010, 2, 22)
    assert i18n.format_date_ui(day) == "22 February 2010"
    assert i18n.format_date(day) == "22 februari 2010"
    set_language("sv")
    assert i18n.format_date_ui(day) == "22 februari 2010"

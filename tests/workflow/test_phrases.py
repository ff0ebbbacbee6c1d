"""Finding one's earlier decision points and paragraphs for reuse (workflow/phrases.py),
on real databases read with fresh Store objects."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from beslut.doctypes.loader import DocType
from beslut.model import Block, BlockKind, Draft, Metadata, Run, Section, Status
from beslut.store import Store
from beslut.workflow.phrases import Phrase, find_phrases


def _draft(
    points: tuple[str, ...] = (),
    *blocks: Block,
    title: str = "Ärende",
    namnd: str = "",
    doctype: str = "beslutsarende",
    status: Status = Status.UTKAST,
) -> Draft:
    meta = Metadata(title=title, namnd=namnd, doctype=doctype, status=status)
    return Draft(meta, decisions=points, sections=(Section("bakgrund", "Bakgrund", blocks),))


def _p(text: str) -> Block:
    return Block.plain(BlockKind.PARAGRAPH, text)


def _store(path: Path, *drafts: Draft) -> list[int]:
    with Store.open(path) as store:
        return [store.create_draft(draft) for draft in drafts]


def _find(path: Path, part: str, text: str, **kwargs: object) -> list[Phrase]:
    with Store.open(path) as store:
        return find_phrases(store, part, text, **kwargs)  # type: ignore[arg-type]


def _texts(hits: list[Phrase]) -> list[str]:
    return [hit.text for hit in hits]


def test_what_begins_with_the_typed_words_comes_first(db_path: Path) -> None:
    _store(
        db_path,
        _draft(("Förvaltningen föreslår att nämnden godkänner avtalet.",)),
        _draft(("Avtalet godkänns av nämnden.",)),
        _draft(("Nämnden godkänner avtalet.",)),
    )
    hits = _find(db_path, "beslut", "nämnden godk")
    assert _texts(hits) == [
        "Nämnden godkänner avtalet.",
        "Förvaltningen föreslår att nämnden godkänner avtalet.",
        "Avtalet godkänns av nämnden.",
    ]
    assert _texts(_find(db_path, "beslut", "xyz")) == []


def test_the_same_namnd_and_type_come_before_others_and_newest_first(db_path: Path) -> None:
    old_near, other, new_near, other_type = _store(
        db_path,
        _draft(("Nämnden beslutar om simskola i Farsta.",), namnd="Idrottsnämnden"),
        _draft(("Nämnden beslutar att avslå bidraget.",), namnd="Kulturnämnden"),
        _draft(("Nämnden beslutar om nya taxor för hallen.",), namnd="Idrottsnämnden"),
        _draft(
            ("Nämnden beslutar enligt förslaget från staden.",),
            namnd="Kulturnämnden",
            doctype="remissvar",
        ),
    )
    current = _draft(namnd="Idrottsnämnden", title="Nytt")
    hits = _find(db_path, "beslut", "beslutar", current=current)
    assert [hit.draft_id for hit in hits] == [new_near, old_near, other, other_type]
    # Without a current draft: newest first.
    assert [h.draft_id for h in _find(db_path, "beslut", "beslutar")] == [
        other_type,
        new_near,
        other,
        old_near,
    ]


def test_a_similar_title_counts(db_path: Path) -> None:
    near, _far = _store(
        db_path,
        _draft(("Nämnden godkänner planen.",), title="Simskola i Farsta"),
        _draft(("Nämnden godkänner policyn.",), title="Bibliotek"),
    )
    hits = _find(db_path, "beslut", "godkänner", current=_draft(title="Simskola i Husby"))
    assert hits[0].draft_id == near


def test_exported_and_done_drafts_count_more_than_abandoned_ones(db_path: Path) -> None:
    exported, abandoned, done, abandoned2 = _store(
        db_path,
        _draft(("Nämnden antar planen för idrott.",)),
        _draft(("Nämnden antar riktlinjer om bidrag.",)),
        _draft(("Nämnden antar taxan för 2027.",), status=Status.KLAR),
        _draft(("Nämnden antar en ny policy för lokaler.",)),
    )
    with Store.open(db_path) as store:
        store.add_revision(exported, "Exporterad till plan.docx")
        store.add_revision(abandoned2, "Spara version")
    hits = _find(db_path, "beslut", "antar")
    assert [hit.draft_id for hit in hits] == [done, exported, abandoned2, abandoned]


def test_the_trash_and_the_current_draft_are_never_offered(db_path: Path) -> None:
    trashed, current_id, kept = _store(
        db_path,
        _draft(("Nämnden avslår ansökan.",)),
        _draft(("Nämnden avslår ansökan om bidrag.",)),
        _draft(("Nämnden avslår överklagandet.",)),
    )
    with Store.open(db_path) as store:
        store.delete_draft(trashed)
        current = store.load_draft(current_id)
    hits = _find(db_path, "beslut", "avslår", current=current, current_id=current_id)
    assert [hit.draft_id for hit in hits] == [kept]
    # An unsaved point of the current draft is not offered either.
    typed = _draft(("Nämnden avslår överklagandet.",))
    assert [h.draft_id for h in _find(db_path, "beslut", "avslår", current=typed)] == [current_id]


def test_near_duplicates_are_shown_once_with_a_count(db_path: Path) -> None:
    _store(
        db_path,
        _draft(("Nämnden godkänner förslaget.",)),
        _draft(("nämnden  godkänner förslaget",)),
        _draft(("Nämnden godkänner förslaget!",)),
        _draft(("Nämnden godkänner förslagen.",)),  # one letter off: very close
        _draft(("Nämnden godkänner något helt annat i dag.",)),
    )
    hits = _find(db_path, "beslut", "godkänner")
    assert [(hit.text, hit.similar) for hit in hits] == [
        ("Nämnden godkänner något helt annat i dag.", 0),
        ("Nämnden godkänner förslagen.", 3),
    ]


def test_paragraphs_come_with_their_formatting(db_path: Path) -> None:
    bold = Block(BlockKind.BULLET, (Run("Bassängen ", bold=True), Run("renoveras.")), level=1)
    table = Block.table([["Bassäng", "Kostnad"], ["Farsta", "100"]])
    (source,) = _store(db_path, _draft((), _p("Annat."), bold, table, title="Simhall"))
    hits = _find(db_path, "bakgrund", "bassäng")
    assert [hit.block for hit in hits] == [table, bold] or [hit.block for hit in hits] == [
        bold,
        table,
    ]
    assert {hit.draft_id for hit in hits} == {source}
    assert all(hit.title == "Simhall" and hit.date for hit in hits)
    assert _find(db_path, "sammanfattning", "bassäng") == []  # another part
    # A paragraph without formatting is kept as its text alone, and comes back whole.
    assert [hit.block for hit in _find(db_path, "bakgrund", "annat")] == [_p("Annat.")]


def test_the_organisations_wording_is_included_and_marked(db_path: Path) -> None:
    _store(db_path, _draft(("Nämnden godkänner rapporten.", "Nämnden godkänner avtalet.")))
    types = [
        DocType(
            "informationsarende",
            "Informationsärende",
            standard_decisions=("Nämnden godkänner rapporten.",),
        ),
        DocType(
            "beslutsarende",
            "Beslutsärende",
            standard_decisions=("Nämnden ger förvaltningen i uppdrag.",),
        ),
    ]
    current = _draft(doctype="informationsarende")
    hits = _find(db_path, "beslut", "nämnden godk", current=current, doctypes=types)
    assert [(hit.text, hit.standard, hit.similar) for hit in hits] == [
        ("Nämnden godkänner rapporten.", True, 1),  # stands for the stored copy
        ("Nämnden godkänner avtalet.", False, 0),
    ]
    assert hits[0].draft_id is None and hits[0].date == ""
    everything = _find(db_path, "beslut", "", current=current, doctypes=types)
    assert [h.standard for h in everything] == [True, True, False]  # own type, other type
    assert _find(db_path, "bakgrund", "nämnden", doctypes=types) == []


@pytest.mark.parametrize(
    "typed", ['"', '"nämnden', "nämnden*", "NEAR(nämnden godk)", "a OR b", "^", "🙂", "x" * 10_240]
)
def test_hostile_search_text_is_never_an_error(db_path: Path, typed: str) -> None:
    _store(db_path, _draft(("Nämnden godkänner.",), _p("Text.")))
    _find(db_path, "beslut", typed, current=_draft(namnd=typed, title=typed))
    _find(db_path, typed, typed)


def test_the_limit_is_kept(db_path: Path) -> None:
    points = (f"Punkt {hashlib.sha256(bytes([n])).hexdigest()[:30]}" for n in range(30))
    _store(db_path, *(_draft((point,)) for point in points))
    assert len(_find(db_path, "beslut", "punkt", limit=5)) == 5
    assert len(_find(db_path, "beslut", "", limit=25)) == 25

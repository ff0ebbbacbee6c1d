"""Benchmark the spelling: a 100 KB draft checked from cold, off the GUI thread.

Run by hand: python3 dev.py bench (or .venv/bin/python benchmarks/bench_spelling.py).

The text: 100 KB of paragraphs made of word forms drawn (seeded) from the Swedish
dictionary itself, so the vocabulary is as wide as a real TU's (about 5,000 different
words), with one word in thirty misspelled by two swapped letters.

(a) Cold check: the draft open and laid out with spelling off; then spelling on, with a
    speller process not yet started, until every word of the text has its answer and
    every misspelled word is underlined. Goal: at most 2 s.
    Floor: hunspell in this process, loading the dictionary and checking the same words
    (what the speller process does, without the process and the editor).
(b) The GUI thread meanwhile: a 5 ms heartbeat timer records how long the event loop goes
    without turning. Goal: the longest gap at most 16 ms (a frame). Floor: the same
    heartbeat over the same open editor with spelling left off.
Typing with spelling on is bench_editing.py's (a): the editor always spells.
"""

from __future__ import annotations

import dataclasses
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _util import report  # noqa: I001
from bench_editing import _quiet, settle  # the same window set-up as the typing benchmark
from _heartbeat import Heartbeat, turn

from PySide6.QtCore import QSettings, qInstallMessageHandler
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication

from beslut.model import Block, BlockKind, Draft, Metadata, Section
from beslut.spelling.dictionary import dictionary_dir
from beslut.spelling.speller import LocalSpeller
from beslut.spelling.words import words_of
from beslut.store import Store
from beslut.ui import spelling
from beslut.ui.main_window import MainWindow
from beslut.ui.runtime import share_interpreter

TEXT_SIZE = 100_000
ROUNDS = 3
TIMEOUT_S = 30.0


def vocabulary(seed: int = 7, count: int = 5000) -> list[str]:
    """Word stems from the installed dictionary (no affix flags, no names)."""
    folder = dictionary_dir()
    assert folder is not None, "hunspell-sv is not installed"
    lines = (folder / "sv_SE.dic").read_text(encoding="utf-8", errors="replace").splitlines()
    stems = [line.split("/")[0] for line in lines[1:]]
    stems = [s for s in stems if s.isalpha() and s.islower() and 3 <= len(s) <= 14]
    return random.Random(seed).sample(stems, count)


def misspelled(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def text_blocks(words: list[str], seed: int = 3) -> tuple[Block, ...]:
    rng = random.Random(seed)
    blocks, length = [], 0
    while length < TEXT_SIZE:
        sentences = []
        for _ in range(rng.randint(3, 8)):
            chosen = [rng.choice(words) for _ in range(rng.randint(6, 16))]
            chosen = [misspelled(w, rng) if rng.random() < 1 / 30 else w for w in chosen]
            sentence = " ".join(chosen)
            sentences.append(sentence[0].upper() + sentence[1:] + ".")
        text = " ".join(sentences)
        blocks.append(Block.plain(BlockKind.PARAGRAPH, text))
        length += len(text) + 1
    return tuple(blocks)


def underlined(window: MainWindow) -> int:
    assert window.editor is not None
    step = next(s for s in window.editor.sections if s.spec.key == "arendet")
    count, block = 0, step.editor.text_edit.document().begin()
    wave = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    while block.isValid():
        count += sum(1 for f in block.layout().formats() if f.format.underlineStyle() == wave)
        block = block.next()
    return count


def one_round(
    store: Store, draft_id: int, folder: Path, words: set[str], on: bool
) -> tuple[float, float, int]:
    """(ms until every word is answered and marked, longest heartbeat gap in ms, marks).

    The draft opens with spelling switched off (the user's setting) and is left to lay
    itself out; then, under the heartbeat, spelling is switched on with a speller process
    that has not started yet (``on``), or nothing happens (the floor).
    """
    spelling._service = None  # a cold speller process for this round
    service = spelling.spell_service()
    window = MainWindow(store, QSettings(str(folder / "q.ini"), QSettings.Format.IniFormat))
    window.resize(1280, 800)
    window.show()
    window.open_draft(draft_id)
    editor = window.editor
    assert editor is not None and not service.enabled
    settle(2000)
    cache, done = service.speller.cache, 0.0
    with Heartbeat() as heart:
        start = heart.start
        if on:  # as the settings dialog switching the rule back on leaves it
            window._check_config = dataclasses.replace(window.check_config(), disabled=frozenset())
            service.set_draft(editor.draft, on=True)
        while time.perf_counter() < start + TIMEOUT_S:
            turn()
            if not on and time.perf_counter() - start > 2.0:
                done = time.perf_counter()
                break
            if on and len(cache) >= len(words):  # every word answered (cheap to ask)
                bad = sum(1 for w in words if cache.known(w) is False)
                if underlined(window) >= bad:  # every misspelled word marked at least once
                    done = time.perf_counter()
                    break
        settle(300)
    marks = underlined(window)
    editor.wait_for_background()
    window.close()
    service.close()
    settle(100)
    return (done - start) * 1000 if done else float("inf"), heart.longest_ms(), marks


def main() -> int:
    qInstallMessageHandler(_quiet)
    app = QApplication.instance() or QApplication([])
    share_interpreter()  # as the app does at start
    vocab = vocabulary()
    blocks = text_blocks(vocab)
    text = "\n".join(b.text for b in blocks)
    words = set(words_of(text))
    draft = Draft(
        Metadata(title="Stavning", namnd="Idrottsnämnden", dnr="IDN 2026/1"),
        sections=(Section("arendet", "Ärendet", blocks),),
    )
    print(f"(the text: {len(text):,} characters, {len(words):,} different words)")
    floors = []
    for _ in range(ROUNDS):
        began = time.perf_counter()
        bad = LocalSpeller().unknown(words)
        floors.append((time.perf_counter() - began) * 1000)
    print(f"(hunspell finds {len(bad)} of them unknown)")
    with tempfile.TemporaryDirectory(dir=Path.home()) as tmp:
        folder = Path(tmp)
        with Store.open(folder / "spelling.db") as store:
            draft_id = store.create_draft(draft)
            store.set_setting("settings.disabled_rules", ["spelling.unknown"])
            ours = [one_round(store, draft_id, folder, words, True) for _ in range(ROUNDS)]
            offs = [one_round(store, draft_id, folder, words, False) for _ in range(ROUNDS)]
    print(f"(underlined after the check: {[m for _, _, m in ours]})")
    met = report(
        "spell-check 100 KB from cold",
        statistics.median(t for t, _, _ in ours),
        2000,
        "hunspell in-process",
        statistics.median(floors),
    )
    met &= report(
        "GUI thread while it runs: longest gap",
        max(g for _, g, _ in ours),
        16,
        "spelling off",
        max(g for _, g, _ in offs),
    )
    del app
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())

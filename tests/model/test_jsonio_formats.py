"""A draft file's dates are ÅÅÅÅ-MM-DD only; its base64 may be wrapped in lines."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import textwrap
from pathlib import Path

import pytest
from tests.today import TODAY

from beslut.cli import main
from beslut.errors import DraftFormatError
from beslut.model import Attachment, Draft, FileRef
from beslut.model.example import example_draft
from beslut.model.jsonio import draft_to_dict, loads


@pytest.mark.parametrize(
    "value",
    ["20261201", "2026-W49-2", "2026-12-1", "２０２６-１２-０１", "2026-12-01T00:00", "2026-13-01"],
)
def test_a_date_not_written_as_the_format_says_is_refused(value: str) -> None:
    doc = draft_to_dict(example_draft(TODAY)[0])
    doc["meta"]["meeting_date"] = value
    with pytest.raises(DraftFormatError) as caught:
        loads(json.dumps(doc))
    assert "meta.meeting_date" in caught.value.user_message
    assert "ÅÅÅÅ-MM-DD" in caught.value.user_message


def test_the_format_itself_is_read() -> None:
    doc = draft_to_dict(example_draft(TODAY)[0])
    doc["meta"]["date"] = "2026-12-01"
    draft, _files = loads(json.dumps(doc))
    assert draft.meta.date is not None and draft.meta.date.isoformat() == "2026-12-01"


def _with_file(data: bytes) -> dict[str, object]:
    ref = FileRef("bilaga.pdf", len(data), hashlib.sha256(data).hexdigest())
    return draft_to_dict(Draft(attachments=(Attachment("Bilaga", ref),)), {ref.sha256: data})


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_base64_wrapped_in_lines_is_read(newline: str) -> None:
    data = os.urandom(1000)
    doc = _with_file(data)
    wrapped = newline.join(textwrap.wrap(base64.b64encode(data).decode(), 76)) + newline
    doc["attachments"][0]["file"]["data"] = "  " + wrapped  # type: ignore[index]
    _draft, files = loads(json.dumps(doc))
    assert list(files.values()) == [data]


@pytest.mark.parametrize("bad", ["QUJD\nR@@=", "QUJ-_Dw==", "QUJDRA=\n=x"])
def test_base64_with_other_characters_is_still_refused(bad: str) -> None:
    doc = _with_file(b"ABCD")
    doc["attachments"][0]["file"]["data"] = bad  # type: ignore[index]
    with pytest.raises(DraftFormatError) as caught:
        loads(json.dumps(doc))
    assert "base64" in caught.value.user_message


def test_the_command_line_refuses_the_date_with_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = draft_to_dict(example_draft(TODAY)[0])
    doc["meta"]["date"] = "20261201"
    path = tmp_path / "utkast.beslut"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["import-json", str(path)]) == 1
    err = capsys.readouterr().err
    assert "ÅÅÅÅ-MM-DD" in err and "Traceback" not in err

"""The speller's child process: questions as JSON lines on stdin, answers on stdout.

Started by client.SpellerProcess as ``python -m beslut.spelling.server``, or, in the
frozen app, as the program itself with SERVER_FLAG. It loads the dictionary at once and
ends when stdin closes (the app ended, however it ended).
"""

from __future__ import annotations

import json
import sys
from typing import Any, BinaryIO

SERVER_FLAG = "--spelling-server"


def answer(speller: Any, request: dict[str, Any]) -> dict[str, Any]:
    """The answer to one question (``op`` "unknown" with ``words``, or "suggest")."""
    op = request.get("op")
    if op == "unknown":
        return {"unknown": sorted(speller.unknown(set(request.get("words", ()))))}
    if op == "suggest":
        return {"suggestions": list(speller.suggest(str(request.get("word", ""))))}
    return {"error": f"unknown op {op!r}"}


def serve(stdin: BinaryIO, stdout: BinaryIO, language: str) -> int:
    """Answer questions until stdin closes."""
    from beslut.errors import BeslutError
    from beslut.spelling.speller import LocalSpeller

    speller = LocalSpeller(language)
    failure: dict[str, Any] | None = None
    try:
        speller.unknown({"och"})  # loads the dictionary
    except BeslutError as exc:
        failure = {"error": exc.detail, "user": exc.user_message}
    _write(stdout, {"id": 0, "ready": failure is None, **(failure or {})})
    for line in stdin:
        try:
            request = json.loads(line)
            reply = failure or answer(speller, request)
        except Exception as exc:  # a question it cannot answer must not end the speller
            request, reply = {}, {"error": repr(exc)}
        _write(stdout, {"id": request.get("id"), **reply})
    return 0


def _write(stdout: BinaryIO, data: dict[str, Any]) -> None:
    stdout.write(json.dumps(data, ensure_ascii=False).encode("utf-8") + b"\n")
    stdout.flush()


def main(argv: list[str] | None = None) -> int:
    """Serve on this process's stdin and stdout; ``argv`` may name the language."""
    from beslut.spelling.dictionary import LANGUAGE

    args = sys.argv[1:] if argv is None else argv
    args = [a for a in args if a != SERVER_FLAG]
    return serve(sys.stdin.buffer, sys.stdout.buffer, args[0] if args else LANGUAGE)


if __name__ == "__main__":
    raise SystemExit(main())

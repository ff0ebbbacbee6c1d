"""A plain start of the app skips building every subcommand's parser (start-up time),
and gets exactly the arguments the full parser would give."""

from __future__ import annotations

import argparse
import gc
from pathlib import Path

import pytest

from beslut.cli import app_arguments, build_parser, entry, main
from beslut.cli.app_args import COMMANDS


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--smoke-test"],
        ["--db", "x.db"],
        ["--db=x.db"],
        ["--db="],
        ["--db", ""],
        ["--db", "list"],
        ["--db", "a.db", "--smoke-test", "--db", "b.db"],
        ["--smoke-test", "--smoke-test", "--db=ä ö.db"],
        # a draft file to open: how a double-click on a .beslut file starts the app
        ["Simskola.beslut"],
        ["utkast.JSON"],
        [r"C:\Users\Anna\Hämtade filer\Simskola (2).beslut"],
        ["/tmp/ett utkast utan ändelse"],
        ["--db", "x.db", "Simskola.beslut"],
        ["Simskola.beslut", "--db", "x.db", "--smoke-test"],
        ["--smoke-test", "Simskola.beslut", "--db=x.db"],
        ["--db", "x.beslut"],  # a database with an odd name, no file
    ],
)
def test_a_plain_start_parses_as_the_full_parser_does(argv: list[str]) -> None:
    assert app_arguments(argv) == build_parser().parse_args(argv)


def test_the_file_is_given_to_the_app(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    args = app_arguments(["--db", db, "Simskola.beslut"])
    assert args == argparse.Namespace(db=db, smoke_test=False, command=None, file="Simskola.beslut")
    assert build_parser().parse_args([]).file is None


def test_an_existing_file_opens_whatever_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Simskola").write_text("{}", encoding="utf-8")
    assert app_arguments(["Simskola"]) == build_parser().parse_args(["Simskola"])
    assert build_parser().parse_args(["Simskola"]).file == "Simskola"


def test_the_command_names_are_the_parsers() -> None:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert list(sub.choices) == list(COMMANDS)


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["show", "Simskola.beslut"], "show"),
        (["--db", "x.db", "import-json", "a.beslut", "b.beslut"], "import-json"),
        (["export", "Simskola.beslut", "-o", "x.docx"], "export"),
    ],
)
def test_a_command_keeps_its_draft_file(argv: list[str], command: str) -> None:
    args = build_parser().parse_args(argv)
    assert (args.command, args.file) == (command, None)
    assert app_arguments(argv) is None


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["lsit"], "ogiltigt val: 'lsit'"),  # a mistyped command is no file
        (["a.beslut", "b.beslut"], "inte flera"),
        (["a.beslut", "list"], "inte flera"),
        (["a.beslut", "--okänd"], "okända argument: --okänd"),
        (["list", "a.beslut"], "okända argument: a.beslut"),
    ],
)
def test_a_mistake_with_a_file_is_a_usage_error_in_swedish(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert app_arguments(argv) is None
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert said in capsys.readouterr().err


def test_a_file_starts_the_app_with_it(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[argparse.Namespace] = []

    def start_gui(args: argparse.Namespace) -> int:
        started.append(args)
        return 0

    monkeypatch.setattr(entry, "start_gui", start_gui)
    assert main(["Simskola.beslut"]) == 0
    assert main(["--smoke", "Simskola.beslut"]) == 0  # through the full parser
    assert [(a.command, a.file) for a in started] == [(None, "Simskola.beslut")] * 2


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["--db", "x.db", "list"],
        ["--help"],
        ["-h"],
        ["--version"],
        ["--smoke"],  # an abbreviation: argparse decides
        ["--db"],
        ["--db", "-1"],
        ["--db", "--smoke-test"],
        ["--"],
        ["--unknown"],
        ["lsit"],
        ["a.beslut", "b.beslut"],
        ["a.beslut", "list"],
        ["a.beslut", "--smoke"],
    ],
)
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert app_arguments(argv) is None


def test_a_command_runs_with_the_garbage_collector_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """python -m beslut loads the command line with the collector off (start-up time)."""
    gc.disable()
    try:
        assert main(["list"]) == 0
        assert gc.isenabled()
    finally:
        gc.enable()
    assert "Avgiftsfri simskola" in capsys.readouterr().out

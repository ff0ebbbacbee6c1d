"""A plain start of the app skips building every subcommand's parser (start-up time),
and gets exactly the arguments the full parser would give."""

from __future__ import annotations

import gc

import pytest

from beslut.cli import app_arguments, build_parser, main


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
    ],
)
def test_a_plain_start_parses_as_the_full_parser_does(argv: list[str]) -> None:
    assert app_arguments(argv) == build_parser().parse_args(argv)


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

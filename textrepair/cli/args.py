"""The command line's arguments: ``textrepair {repair,check} [options] [INPUT ...]``.

The repair options are made from :class:`~textrepair.config.RepairConfig`'s fields (their
help and spelling are field metadata), so a new option of the config is a new option
here without an edit; :func:`make_config` reads them back.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import MISSING, Field, fields
from pathlib import Path
from typing import NoReturn

from .._version import __version__
from ..config import RepairConfig
from .codes import EXIT_USAGE
from .parquet import parquet_usage_problem


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors read ``textrepair: error: ...``, in subcommands too."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"textrepair: error: {message}\n")


def _count(minimum: int) -> Callable[[str], int]:
    """argparse type for integer options that must be at least ``minimum``."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, not {number}")
        return number

    return parse


def _config_number(name: str) -> Callable[[str], float]:
    """argparse type for a numeric config option: the config itself says what is allowed."""

    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
        try:
            RepairConfig().replace(**{name: number})
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc).replace(f"{name} ", "", 1)) from None
        return number

    return parse


def _add_config_option(group: argparse._ArgumentGroup, option: Field[object]) -> None:
    """One command-line option for one field of :class:`RepairConfig`."""
    name, meta = option.name, option.metadata
    default = option.default if option.default is not MISSING else None
    dashed = name.replace("_", "-")
    if isinstance(default, bool) and meta.get("negatable"):
        group.add_argument(
            f"--{dashed}", dest=name, action=argparse.BooleanOptionalAction, default=default, help=meta["help"]
        )
    elif isinstance(default, bool):
        flag = f"--{dashed}" if not default else f"--no-{dashed}"
        group.add_argument(flag, dest=name, action="store_false" if default else "store_true", help=meta["help"])
    elif isinstance(default, tuple):
        group.add_argument(
            meta.get("flag", f"--{dashed}"),
            dest=name,
            action="append",
            default=[],
            metavar=meta.get("metavar"),
            help=meta["help"],
        )
    else:
        group.add_argument(
            f"--{dashed}",
            dest=name,
            type=_config_number(name),
            default=default,
            metavar=meta.get("metavar"),
            help=meta["help"],
        )


def make_config(args: argparse.Namespace) -> RepairConfig:
    """The configuration the options ask for."""
    return RepairConfig(**{option.name: getattr(args, option.name) for option in fields(RepairConfig)})


def _common_options() -> _Parser:
    """Options shared by ``repair`` and ``check`` (a parent parser for both)."""
    common = _Parser(add_help=False)
    common.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="file, directory (all files below it, hidden ones skipped) or - for stdin; default: stdin",
    )
    io_group = common.add_argument_group("input")
    io_group.add_argument(
        "--format",
        choices=("auto", "text", "jsonl", "parquet"),
        default="auto",
        help="auto (default): files ending in .jsonl or .ndjson are JSONL, .parquet Parquet,"
        " everything else (and stdin) is text",
    )
    io_group.add_argument(
        "--field", default="text", metavar="NAME", help="JSONL field or Parquet column to repair (default: text)"
    )

    rules = common.add_argument_group("repair rules")
    for option in fields(RepairConfig):
        _add_config_option(rules, option)

    run = common.add_argument_group("running")
    run.add_argument("-j", "--jobs", type=_count(1), default=1, metavar="N", help="worker processes (default: 1)")
    run.add_argument("--batch-size", type=_count(1), default=64, metavar="N", help="documents per worker batch")
    run.add_argument("--explain", action="store_true", help="list every change on stderr as path:line:col")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary on stderr")
    return common


_EXIT_STATUS = """\
exit status:
  0    every input processed
  1    some input, record or output failed (each is named on stderr; the rest was done)
  2    usage error or bad lexicon
  130  interrupted (Ctrl-C)      141  stdout closed early (| head)
  143  terminated (SIGTERM)      (after 130 and 143 no partial output file is left)
"""

_EPILOG = (
    _EXIT_STATUS
    + """

examples:
  textrepair repair story.txt
  textrepair repair corpus/ -o repaired/ --jobs 4
  cat feed.jsonl | textrepair repair --format jsonl --field body --report-field repair
  textrepair check corpus/ --explain
"""
)


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The command-line parser, and the parser of each command by name."""
    parser = _Parser(
        prog="textrepair",
        description="Repair news text damaged by article spinners.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"textrepair {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    repair = commands.add_parser(
        "repair",
        parents=[_common_options()],
        help="write the repaired text",
        epilog=_EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Repair the inputs and write the result to stdout, or one file per input with -o."
        " Text documents written to stdout are separated by a line holding a form feed.",
    )
    repair.add_argument(
        "-o",
        "--output-dir",
        type=Path,
        metavar="DIR",
        help="write each input to DIR; a rerun skips outputs made without a problem, with the same options"
        " and lexicons, newer than their input (DIR/.textrepair-manifest.json records them)",
    )
    repair.add_argument("--force", action="store_true", help="with -o: redo inputs whose output is up to date")
    repair.add_argument(
        "--report-field", metavar="NAME", help="JSONL, Parquet: add the report (score, edits) under this key or column"
    )

    check = commands.add_parser(
        "check",
        parents=[_common_options()],
        help="score documents without changing them",
        epilog=_EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Print one line per document: PATH, spin score, spun/clean, number of edits and of flags."
        " check reads with the context stage unless --no-context: its language model recognises spin"
        " from spinners no list describes (repair leaves it off unless --context: it halves the speed).",
    )
    check.add_argument("--json", action="store_true", help="one JSON object per document instead")
    # Its own parser's actions (each command has its own copy of the common options), so
    # this default is check's alone.
    check.set_defaults(context=True)
    return parser, {"repair": repair, "check": check}


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The parsed command line; raises SystemExit like argparse does.

    A command's options and INPUTs may come in any order (``repair a.txt --explain b.txt``),
    which argparse's subcommands alone refuse, so the command's own words are parsed apart.
    Everything after ``--`` is an INPUT (handled here: intermixed parsing mishandles it).
    """
    parser, commands = build_parser()
    words = list(argv)
    at = next((i for i, word in enumerate(words) if not word.startswith("-")), len(words))
    if at == len(words) or words[at] not in commands:
        return parser.parse_args(words)  # --help, --version, or an error that argparse explains
    parser.parse_args(words[: at + 1])  # options before the command
    rest = words[at + 1 :]
    end = rest.index("--") if "--" in rest else len(rest)
    args = commands[words[at]].parse_intermixed_args(rest[:end])
    args.inputs += rest[end + 1 :]
    args.command = words[at]
    return args


def check_arguments(args: argparse.Namespace) -> str | None:
    """Problems argparse cannot see by itself, as an error message."""
    report_field = getattr(args, "report_field", None)
    if report_field is not None and report_field == args.field:
        return f"--report-field {report_field!r} would overwrite the text field"
    output_dir = getattr(args, "output_dir", None)
    if output_dir is not None and output_dir.exists() and not output_dir.is_dir():
        return f"--output-dir {output_dir} exists and is not a directory"
    return parquet_usage_problem(args)

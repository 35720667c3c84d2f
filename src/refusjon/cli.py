"""The ``refusjon`` command: one entry point for every operator command."""

from __future__ import annotations

import argparse
import sys

from refusjon.rules import cli as rules_cli


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="refusjon", description="Refunds of health expenses.")
    subparsers = parser.add_subparsers(dest="command", required=True)
    rules_cli.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())

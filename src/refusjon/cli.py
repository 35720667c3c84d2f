"""The ``refusjon`` command: one entry point for every operator command.

``refusjon assess`` is the rules engine alone and needs no Django, nor does ``refusjon
extract`` (reading documents); ``refusjon payouts ...``
starts Django (settings from the environment, as the site's) and runs the payout management
command of the same name.
"""

from __future__ import annotations

import argparse
import os
import sys

from refusjon.intake.reading import command as extract_command
from refusjon.rules import cli as rules_cli

# ``refusjon payouts ACTION`` and the management command that does it.
PAYOUT_COMMANDS = {
    "run": "payouts_run",
    "freeze": "payouts_freeze",
    "import-status": "payouts_import_status",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="refusjon", description="Refunds of health expenses.")
    subparsers = parser.add_subparsers(dest="command", required=True)
    rules_cli.add_parser(subparsers)
    extract_command.add_parser(subparsers)
    add_payouts_parser(subparsers)
    add_reassess_parser(subparsers)
    return parser


def add_payouts_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "payouts",
        help="payout runs: prepare, freeze, import the bank's answer",
        description=(
            "refusjon payouts run --scheme sio [--date YYYY-MM-DD] | "
            "freeze RUN_REFERENCE [--out FILE] | import-status FILE; "
            "each takes --by USERNAME and --help"
        ),
    )
    parser.add_argument("action", choices=sorted(PAYOUT_COMMANDS))
    parser.add_argument("options", nargs=argparse.REMAINDER, help="the action's options")
    parser.set_defaults(handler=run_payouts)


def run_payouts(args: argparse.Namespace) -> int:
    """Run the action's management command, with its own options and exit status."""
    return _run_command(
        "refusjon.payouts",
        PAYOUT_COMMANDS[args.action],
        ["refusjon payouts", args.action],
        args.options,
    )


def add_reassess_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    parser = subparsers.add_parser(
        "reassess",
        help="decide decided claims again after their scheme changed",
        description=(
            "refusjon reassess --scheme sis --from YYYY-MM-DD [--dry-run] --by USERNAME; see --help"
        ),
        add_help=False,
    )
    parser.set_defaults(handler=run_reassess, takes_options=True)


def run_reassess(args: argparse.Namespace) -> int:
    """Run ``manage.py reassess`` with the options given (all of them its own, ``--help`` too),
    and its exit status."""
    return _run_command("refusjon.reassessment", "reassess", ["refusjon", "reassess"], args.options)


def _run_command(app: str, name: str, prog: list[str], options: list[str]) -> int:
    """Run the management command ``name`` of ``app`` as ``prog`` with ``options``, and its
    exit status."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "refusjon.web.settings")
    import django
    from django.core.management import load_command_class

    django.setup()
    command = load_command_class(app, name)
    try:
        command.run_from_argv([*prog, *options])
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    if getattr(args, "takes_options", False):
        args.options = rest
    elif rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())

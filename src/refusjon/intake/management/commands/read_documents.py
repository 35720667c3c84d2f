"""``manage.py read_documents [--missing | --all]``: ask for the reading job of checked
documents that have no reading, such as those uploaded before documents were read, or whose
job failed for good.

``--missing`` (the default) asks for each checked overview, receipt and proof of payment with
a file and no reading. ``--all`` also reads again those read as unknown (nothing read: a
server with REFUSJON_READ_DOCUMENTS=0, an engine that was missing); their empty readings are
replaced. A document read with fees is never read again: the student may have added its lines.
Safe to run twice: the job leaves a document read meanwhile alone.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from refusjon.intake import readings


class Command(BaseCommand):
    help = "Ask for the reading of checked documents that have no reading (or an empty one)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        which = parser.add_mutually_exclusive_group()
        which.add_argument(
            "--missing",
            action="store_true",
            help="documents with no reading (the default)",
        )
        which.add_argument(
            "--all",
            action="store_true",
            help="also read again documents read as unknown (nothing found)",
        )

    def handle(self, *args: Any, all: bool = False, **options: Any) -> None:
        asked = readings.ask_for_readings(again_unknown=all)
        self.stdout.write(f"Asked for the reading of {asked} document(s).\n")

"""``manage.py payouts_freeze RUN_REFERENCE [--out FILE] [--by USERNAME]``: freeze a payout run
and write its bank file (pain.001). Freezing again writes the same file again."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from refusjon.claims.services import audit
from refusjon.payouts.management.operator import operator
from refusjon.payouts.models import PayoutRun, RunStatus
from refusjon.payouts.services import PayoutError, freeze_run


class Command(BaseCommand):
    help = (
        "Freeze a payout run and write its bank file (ISO 20022 pain.001.001.03), checked "
        "against the schema. Safe to run again: a frozen run gives the same file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("run", metavar="RUN_REFERENCE", help="the run, e.g. PR-sio-20261104-1")
        parser.add_argument(
            "--out", metavar="FILE", help="where to write the bank file (default: RUN.xml)"
        )
        parser.add_argument(
            "--by", metavar="USERNAME", help="the operator, who has the finance role"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        by = operator(options["by"])
        run = PayoutRun.objects.filter(reference=options["run"]).first()
        if run is None:
            raise CommandError(_("There is no payout run %(run)s.") % {"run": options["run"]})
        was_frozen = run.status == RunStatus.FROZEN
        try:
            run = freeze_run(run, by=by)
        except PayoutError as error:
            raise CommandError(str(error)) from error
        assert run.frozen_at is not None  # a frozen run has its time
        if was_frozen:
            self.stdout.write(
                self.style.WARNING(
                    _("Run %(run)s was already frozen (%(at)s); nothing changed.")
                    % {"run": run.reference, "at": _when(run)}
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Run %(run)s frozen (%(at)s).") % {"run": run.reference, "at": _when(run)}
                )
            )
        self.stdout.write(
            _("Payments in the bank file: %(count)d, total NOK %(total)s, to be paid %(date)s.")
            % {"count": run.payment_count, "total": run.total_nok, "date": run.execution_date}
        )
        if not run.bank_file:
            self.stdout.write(_("No bank file: every payment was wholly set off against debt."))
            return
        out = Path(options["out"] or f"{run.reference}.xml")
        try:
            write_atomically(out, run.bank_file.encode())
        except OSError as error:
            raise CommandError(
                _("Cannot write %(file)s: %(problem)s")
                % {"file": out, "problem": error.strerror or error}
            ) from error
        audit(
            "payouts.run.bank_file_downloaded",
            actor=by,
            purpose="payment",
            run=run.reference,
            sha256=run.bank_file_sha256,
            file=str(out),
        )
        self.stdout.write(
            _("Bank file written to %(file)s (sha256 %(sha256)s).")
            % {"file": out, "sha256": run.bank_file_sha256}
        )


def _when(run: PayoutRun) -> str:
    assert run.frozen_at is not None
    return timezone.localtime(run.frozen_at).strftime("%Y-%m-%d %H:%M")


def write_atomically(path: Path, content: bytes) -> None:
    """Write the whole file or nothing: a crash mid-way leaves no half bank file to send."""
    handle, temporary = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

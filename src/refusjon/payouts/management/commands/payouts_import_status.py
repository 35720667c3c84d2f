"""``manage.py payouts_import_status FILE [--by USERNAME]``: apply the bank's answer (pain.002
or camt.054) to the payments it names, and say what it did."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from refusjon.claims.models import User
from refusjon.payouts.bankanswers import AnswerLine, AnswerSummary, Outcome, import_answer
from refusjon.payouts.services import PayoutError


class Command(BaseCommand):
    help = (
        "Import the bank's answer to a payout run: a pain.002 status report or a camt.054 "
        "notification. Payments it settles become paid, those it rejects go back to the "
        "student to correct the account. Importing the same file again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the pain.002 or camt.054 file from the bank")
        parser.add_argument(
            "--by", metavar="USERNAME", help="the operator with the finance role who imports it"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        by = _operator(options["by"])
        path = Path(options["file"])
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(problem)s")
                % {"file": path, "problem": error.strerror or error}
            ) from error
        try:
            summary = import_answer(content, by=by)
        except PayoutError as error:
            raise CommandError(str(error)) from error
        self._report(path, summary)

    def _report(self, path: Path, summary: AnswerSummary) -> None:
        if summary.already_imported:
            self.stdout.write(
                self.style.WARNING(
                    _("%(file)s was imported before (%(kind)s %(id)s): nothing changed.")
                    % {"file": path, "kind": summary.kind, "id": summary.message_id}
                )
            )
            return
        self.stdout.write(
            _("Imported %(kind)s %(id)s from %(file)s")
            % {"kind": summary.kind, "id": summary.message_id, "file": path}
        )
        self._section(_("Paid: %(count)d"), summary, Outcome.PAID, self.style.SUCCESS)
        self._section(_("Rejected: %(count)d"), summary, Outcome.REJECTED, self.style.WARNING)
        self._section(_("Unchanged: %(count)d"), summary, Outcome.UNCHANGED, str)
        self._section(_("Unknown ids: %(count)d"), summary, Outcome.UNKNOWN, self.style.WARNING)
        self._section(
            _("Conflicts, not applied: %(count)d"), summary, Outcome.CONFLICT, self.style.ERROR
        )

    def _section(self, heading: str, summary: AnswerSummary, outcome: str, style: Any) -> None:
        lines = summary.of(outcome)
        if not lines and outcome in (Outcome.UNKNOWN, Outcome.CONFLICT):
            return
        self.stdout.write(style(heading % {"count": len(lines)}))
        for line in lines:
            self.stdout.write("  " + _detail(line))


def _detail(line: AnswerLine) -> str:
    parts = [line.end_to_end_id]
    if line.payment is not None:
        parts.append(f"NOK {line.payment.amount_nok:.2f}")
    if line.code:
        parts.append(f"{line.code} {line.reason}".strip())
    if line.note:
        parts.append(line.note)
    return "  ".join(parts)


def _operator(username: str | None) -> User | None:
    if not username:
        return None
    user = User.objects.filter(username=username).first()
    if user is None:
        raise CommandError(_("There is no user %(name)s.") % {"name": username})
    return user

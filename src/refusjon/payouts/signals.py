"""What the payouts services tell the apps above them, which payouts do not import (the letters
app writes the claim for repayment). Each signal is sent inside the transaction that made the
change, after the last of it: a receiver that asks for a job has its row commit with the
change, or not at all (:mod:`refusjon.jobs`)."""

from django.dispatch import Signal

# A recovery was opened; sent with ``recovery``, the Recovery.
recovery_opened = Signal()

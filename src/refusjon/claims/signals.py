"""What the claims services tell the apps above them, which claims do not import (the letters
app writes the receipt and the decision letter). Each signal is sent inside the transaction
that made the change, after the last of it: a receiver that asks for a job has its row commit
with the change, or not at all (:mod:`refusjon.jobs`)."""

from django.dispatch import Signal

# A final decision was made on a claim (decided, approved, or changed on appeal); sent with
# ``decision``, the Assessment.
decision_made = Signal()

# A student sent a claim (the first time, or again after it was returned); sent with
# ``claim``.
claim_submitted = Signal()

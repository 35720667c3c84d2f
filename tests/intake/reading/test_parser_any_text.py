"""The parser on any text at all (what OCR makes of noise, a hostile PDF's text layer): it says
what it found or that it found nothing, and never raises; and whatever it reconciles adds up."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from refusjon.intake.reading.parser import parse
from refusjon.intake.reading.words import layout_words

# Words of the kind the parser looks for, mixed with anything.
PIECES = st.sampled_from(
    [
        "Egenandeler", "Navn:", "Pasient:", "Kvittering", "Sum", "Totalt", "Samlet", "kr",
        "NOK", "12.03.2025", "1.2.25", "12. mar. 2025", "179,00", "1 234,50", "-375,00",
        "375,-", "@degård", "0verås", "tukasz", "Legesenteret", "Org.nr", "974 760 673",
        "Egenandelstak", "Side 1 av 2", ",", ":", "|", "–", "Kari", "van", "der", "Ø",
        "kreditert", "Dato", "Beløp", "Tjeneste", "Behandler",
    ]
)  # fmt: skip
TOKENS = st.one_of(PIECES, st.text(min_size=1, max_size=12).filter(lambda t: " " not in t))
LINES = st.lists(st.lists(TOKENS, max_size=8).map(lambda words: " ".join(words)), max_size=25)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES, st.integers(min_value=1, max_value=4))
def test_the_parser_never_raises_and_what_it_reconciles_adds_up(
    lines: list[str], spaces: int
) -> None:
    page = "\n".join(line.replace(" ", " " * spaces) for line in lines)
    parsed = parse(layout_words(page))
    if parsed.reconciled:
        assert parsed.total is not None and parsed.lines
        if parsed.kind.value == "user_fee_overview":
            assert parsed.lines_sum == parsed.total

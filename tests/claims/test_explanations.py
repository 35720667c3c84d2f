"""A stored explanation as a student is shown it: countries by name, and nothing internal left
from decisions stored before the public citations."""

from __future__ import annotations

import re

import pytest

from refusjon.claims.explanations import for_reader
from refusjon.rules.batch import BatchAssessor
from refusjon.rules.explain import Renderer
from refusjon.rules.rates import ExchangeRates
from tests.conftest import CASES


def test_the_country_of_study_is_named_in_a_helfo_explanation() -> None:
    nb = "Medlem av folketrygden: ja; heltidsstudent i utlandet: ja; studieland US, i EU/EØS: nei."
    en = "Full-time student abroad: yes; country of study US, in the EU/EEA: no; patient: you."
    assert for_reader([nb], "nb") == [nb.replace("studieland US", "studieland USA")]
    assert for_reader([en], "en") == [en.replace("study US", "study United States")]


# A bokmål explanation as decisions stored it before the public citations (D19): the rule
# keepers' English notes with their seed tags, and codes where words now stand.
STORED_NB = [
    "Krav R-2026-0001: SiO helserefusjon for 2026-fall, sendt inn 02.11.2026.",
    "SiOs egenandel for studenter med fastlege i SiO fra 01.01.2026: kr 490,00 (kilde: SiO, "
    "sio.no/en/health/refund-of-healthcare-expenses, updated 25.02.26 [seed 003]).",
    "Egenandelstak fra 01.01.2026: kr 3 278,00 (kilde: Same as 2025; only secondary sources "
    "give a 2026 figure); antatt, ingen publisert kilde fastsetter den.",
    "SSNs egenandel fra 01.01.2017: kr 1 000,00 (kilde: SSN's 2017 health refund scheme page "
    "(old figures; 2025 amounts not published); assumed unchanged).",
    "Behandlinger som dekkes fra 01.01.2026: blue_prescription, gp, lab_tests (kilde: Refusjon "
    "rulebook, spec/schemes.md).",
    "usn er omfattet av SSN.",
    "Linje 6 (fastlege/allmennlege, 30.06.2026, kr 179,00): avslått, datoen er utenfor perioden "
    "2026-fall. [Kilde: seed 002]",
]


def test_a_stored_bokmal_explanation_shows_public_sources_and_words_only() -> None:
    assert for_reader(STORED_NB, "nb") == [
        "Krav R-2026-0001: SiO helserefusjon for høsten 2026, sendt inn 02.11.2026.",
        "SiOs egenandel for studenter med fastlege i SiO fra 01.01.2026: kr 490,00 (kilde: SiO, "
        "«Refund of healthcare expenses», sio.no/en/health/refund-of-healthcare-expenses).",
        "Egenandelstak fra 01.01.2026: kr 3 278,00; antatt, ingen publisert kilde fastsetter den.",
        "SSNs egenandel fra 01.01.2017: kr 1 000,00 (kilde: SSN, «Frequently asked questions: "
        "Health», ssn.no).",
        "Behandlinger som dekkes fra 01.01.2026: fastlege/allmennlege, laboratorieprøver, "
        "legemidler på blå resept.",
        "Universitetet i Sørøst-Norge er omfattet av SSN.",
        "Linje 6 (fastlege/allmennlege, 30.06.2026, kr 179,00): avslått, datoen er utenfor "
        "perioden høsten 2026.",
    ]


def test_an_explanation_with_public_citations_is_left_as_it_is() -> None:
    sentence = (
        "Andel som dekkes av faktiske utgifter fra 01.01.2024: 75 % (kilde: Helfo, «Students "
        "outside the EU/EEA», helsenorge.no; Helfo, «What does extended subsidisation cover "
        "during residence abroad?», helsenorge.no)."
    )
    assert for_reader([sentence], "nb") == [sentence]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_rule_keepers_explanation_of_every_spec_case_reads_as_the_public_one(
    lang: str,
) -> None:
    """What the engine writes with the rule keepers' notes (as decisions stored it before the
    public citations) is shown to a student exactly as what it writes for the public now."""
    with (CASES / "rates.csv").open(encoding="utf-8") as rates_file:
        rates = ExchangeRates.from_norges_bank_csv(rates_file)
    with (CASES / "claims.jsonl").open(encoding="utf-8") as claims:
        decisions = [
            assessed.decision for assessed in BatchAssessor(rates=rates).assess_lines(claims)
        ]
    keepers, public = Renderer(lang, with_sources=True), Renderer(lang)
    shown = [for_reader(public.explanation(d.explanation), lang) for d in decisions]
    assert any("seed" in " ".join(keepers.explanation(d.explanation)) for d in decisions)
    assert [for_reader(keepers.explanation(d.explanation), lang) for d in decisions] == shown
    written = " ".join(" ".join(sentences) for sentences in shown)
    assert "seed" not in written
    assert "-fall" not in written and "-spring" not in written
    assert not re.search(r"(?:studieland|country of study) [A-Z]{2}\b", written)

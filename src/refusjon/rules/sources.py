"""The public pages the rules come from, as a reader is shown them: publisher, title and
address. A parameter's ``source`` is a note for the people who keep the rules (it may name a
stored copy, ``[seed NNN]``, or say why a figure is assumed); :func:`citation` finds the public
page it refers to, so that no internal note reaches a student (docs/decisions.md, D19)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PublicSource:
    """A public page: who publishes it, its title as published, and its address."""

    publisher: str
    title: str
    address: str
    older: bool = False  # an older version of the page, since replaced

    def cited(self, lang: str) -> str:
        older = (", eldre utgave" if lang == "nb" else ", older version") if self.older else ""
        return f"{self.publisher}, «{self.title}»{older}, {self.address}"


SSN_FAQ = PublicSource("SSN", "Frequently asked questions: Health", "ssn.no")
SSN_GUIDELINES = PublicSource(
    "SSN",
    "Guidelines – health expense refund from SSN",
    "ssnit.no/en/health/guidelines-health-expense-refund-from-ssn",
)
HELFO_STUDENTS = PublicSource("Helfo", "Students outside the EU/EEA", "helsenorge.no")
SIO_OLD = PublicSource(
    "SiO", "Refund of healthcare expenses", "sio.no/en/health/refund-of-healthcare-expenses", True
)
SIO = PublicSource(
    "SiO", "Refund of healthcare expenses", "sio.no/en/health/refund-of-healthcare-expenses"
)
HELFO_ABROAD = PublicSource(
    "Helfo", "What does extended subsidisation cover during residence abroad?", "helsenorge.no"
)
EXEMPTION_CARD = PublicSource(
    "Helsenorge",
    "Exemption card for public health services",
    "helsenorge.no/en/payment-for-health-services/exemption-card-for-public-health-services",
)

# What in a source note names which public page, in the order they are cited.
MARKS: tuple[tuple[str, PublicSource], ...] = (
    ("[seed 000]", SSN_FAQ),
    ("SSN's 2017", SSN_FAQ),
    ("ssnit.no/en/health/guidelines", SSN_GUIDELINES),
    ("[seed 001]", HELFO_STUDENTS),
    ("[seed 002]", SIO_OLD),
    ("[seed 003]", SIO),
    ("[seed 004]", HELFO_ABROAD),
    ("exemption-card-for-public-health-services", EXEMPTION_CARD),
)


def public_sources(note: str) -> list[PublicSource]:
    """The public pages a parameter's source note refers to (none for a note that names no
    public page, such as an assumption)."""
    found: list[PublicSource] = []
    for mark, source in MARKS:
        if mark in note and source not in found:
            found.append(source)
    return found


# A note that is itself a public citation: a scheme file's source, its title and address as the
# file gives them ("[pub] «SiS – Helserefusjon», studentensbeste.no/stotte/helserefusjon").
PUBLIC_NOTE = "[pub] "


def citation(note: str, lang: str) -> str:
    """The public pages of a source note, cited in ``lang``; empty when it names none."""
    if note.startswith(PUBLIC_NOTE):
        return note.removeprefix(PUBLIC_NOTE)
    return "; ".join(source.cited(lang) for source in public_sources(note))

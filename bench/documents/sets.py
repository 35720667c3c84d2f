"""The corpus sets, one entry each: the name, the seed, what the set is, its planner, its
layouts and its own renditions. ``generate`` makes any of them, ``generate``'s command line has
a flag for each (``--blind19``), and ``run --set NAME`` reads one.

No two sets share a document. The *development* set is for tests and tuning; the *held-out* set
is the benchmark's, with layouts, wordings, amount styles and surnames the development set
never has; every later set has only variations none of the sets before it has (layouts, date
and amount styles, wordings, names, places, receipts and, from the fifth blind set, its own
renditions), made after the reader's author had seen the sets before it: the *fresh* set
first, then the blind sets, made by a helper who never read the reader, each to be read once.
The twentieth blind set is the exception: it has nothing of its own, but new documents of the
kinds the sets before it have (``new_kinds`` False).

A new set is its content (``content.blindN_overview``, ``content.blindN_receipt``), its
layouts module (``blindN_layouts``, with its ``LAYOUTS`` and ``html``), its planner and, where
it has renditions of its own, its own-file renderer (``planners``), and one entry below.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Protocol

from . import (
    blind3_layouts,
    blind4_layouts,
    blind5_layouts,
    blind6_layouts,
    blind7_layouts,
    blind8_layouts,
    blind9_layouts,
    blind10_layouts,
    blind11_layouts,
    blind12_layouts,
    blind13_layouts,
    blind14_layouts,
    blind15_layouts,
    blind16_layouts,
    blind17_layouts,
    blind18_layouts,
    blind19_layouts,
    blind_layouts,
    planners,
)
from .planners import Body, Planned, Planner, Rendered, Turn

if TYPE_CHECKING:
    from .generate import Spec


class Page(Protocol):
    def __call__(self, body: Body, *, phone: bool, variant: str) -> str: ...


OwnFile = Callable[["Spec"], Rendered | None]
"""A set's own renditions: the file for a spec, or None where the usual one will do."""


@dataclass(frozen=True, slots=True)
class CorpusSet:
    """One corpus set: what the generator needs to make it, and the command line to name it."""

    name: str
    """The set's name: ``generate --NAME``, ``run --set NAME``."""
    seed: int
    """The set's own seed (``--seed`` overrides it)."""
    description: str
    """What the set is, in one line (the flag's help)."""
    planner: Planner
    layouts: ModuleType | None = None
    """The set's own layouts module: its documents are the ones whose layout is in its
    ``LAYOUTS``, and its ``html`` draws them. None: the first sets' ``layouts``."""
    page: Page | None = None
    """The HTML of a document, where the variant changes it; else ``layouts.html``."""
    own_file: OwnFile | None = None
    held_out: bool = True
    overview_turns: bool = False
    """Whether only overviews take turns among the text PDFs and the screenshots (a receipt's
    rendition is then its own, not one of the turns); the scans always take turns."""
    stream: str = ""
    """What goes before the seed in each document's random stream (``STREAM{seed}:{index}``)."""
    new_kinds: bool = True
    """Whether the set has only what no set before it has (every set until the nineteenth
    blind set's); the twentieth draws new documents of the kinds the sets before it have."""

    def html(self, body: Body, *, phone: bool, variant: str) -> str:
        """The HTML of one of the set's documents."""
        if self.page is not None:
            return self.page(body, phone=phone, variant=variant)
        assert self.layouts is not None
        html: str = self.layouts.html(body, phone=phone)
        return html


def _of_every_kind(rng: random.Random, rendition: str, turn: Turn) -> Planned:
    """A document of a kind some set before it has, drawn anew from that set's planner: the set
    at random (the development set's kinds are the held-out set's too), and where in its set
    the document stands (which picks a variant by turns) at random. The reader was mended on
    the sets it draws from, never on these documents: they measure it on the documents the
    issue describes, not on a kind it has never met."""
    del turn  # each document's place in its own set is drawn instead
    chosen = rng.choice([one for one in SETS.values() if one.new_kinds and one.name != "dev"])
    drawn = Turn(
        rng.randrange(TURNS), rng.randrange(TURNS), rng.randrange(TURNS), rng.randrange(TURNS)
    )
    return chosen.planner(rng, rendition, drawn)


TURNS = 60
"""How far into its own set a document of the twentieth set may stand (a set of sixty)."""


SETS: dict[str, CorpusSet] = {
    corpus_set.name: corpus_set
    for corpus_set in (
        CorpusSet(
            "dev", 1304, "the development set (tests and tuning)",
            planner=planners.dev_body,
            held_out=False,
        ),
        CorpusSet(
            "held-out", 2026_12_13, "the benchmark's set",
            planner=planners.held_out_body,
        ),
        CorpusSet(
            "fresh", 2026_12_04, "the first blind set (seen)",
            planner=planners.fresh_body,
        ),
        CorpusSet(
            "blind", 2026_12_05, "the second blind set (seen)",
            planner=planners.blind_body,
            layouts=blind_layouts,
        ),
        CorpusSet(
            "blind3", 2026_12_06, "the third blind set (seen)",
            planner=planners.blind3_body,
            layouts=blind3_layouts,
            own_file=planners.blind3_file,
        ),
        CorpusSet(
            "blind4", 2026_12_07, "the fourth blind set (seen)",
            planner=planners.blind4_body,
            layouts=blind4_layouts,
        ),
        CorpusSet(
            "blind5", 2026_12_08, "the fifth blind set (seen)",
            planner=planners.blind5_body,
            layouts=blind5_layouts,
            own_file=planners.blind5_file,
        ),
        CorpusSet(
            "blind6", 2026_12_09, "the sixth blind set (seen)",
            planner=planners.blind6_body,
            layouts=blind6_layouts,
            own_file=planners.blind6_file,
            overview_turns=True,
        ),
        CorpusSet(
            "blind7", 2026_12_10, "the seventh blind set (seen)",
            planner=planners.blind7_body,
            layouts=blind7_layouts,
            page=planners.blind7_page,
            own_file=planners.blind7_file,
            overview_turns=True,
        ),
        CorpusSet(
            "blind8", 2026_12_11, "the eighth blind set (seen)",
            planner=planners.blind8_body,
            layouts=blind8_layouts,
            page=planners.blind8_page,
            own_file=planners.blind8_file,
            overview_turns=True,
        ),
        CorpusSet(
            "blind9", 2026_12_12, "the ninth blind set (seen)",
            planner=planners.blind9_body,
            layouts=blind9_layouts,
            page=planners.blind9_page,
            own_file=planners.blind9_file,
        ),
        # The tenth set's seed is the held-out set's number: its own stream, so that no draw
        # follows the held-out set's.
        CorpusSet(
            "blind10", 2026_12_13, "the tenth blind set (to read once)",
            planner=planners.blind10_body,
            layouts=blind10_layouts,
            page=planners.blind10_page,
            own_file=planners.blind10_file,
            stream="tenth blind:",
        ),
        CorpusSet(
            "blind11", 2026_12_14, "the eleventh blind set (to read once)",
            planner=planners.blind11_body,
            layouts=blind11_layouts,
            page=planners.blind11_page,
            own_file=planners.blind11_file,
        ),
        CorpusSet(
            "blind12", 2026_12_15, "the twelfth blind set (to read once)",
            planner=planners.blind12_body,
            layouts=blind12_layouts,
            page=planners.blind12_page,
            own_file=planners.blind12_file,
            overview_turns=True,
        ),
        CorpusSet(
            "blind13", 2026_12_16, "the thirteenth blind set (to read once)",
            planner=planners.blind13_body,
            layouts=blind13_layouts,
            page=planners.blind13_page,
            own_file=planners.blind13_file,
            overview_turns=True,
        ),
        CorpusSet(
            "blind14", 2026_12_17, "the fourteenth blind set (to read once)",
            planner=planners.blind14_body,
            layouts=blind14_layouts,
            own_file=planners.blind14_file,
        ),
        CorpusSet(
            "blind15", 2026_12_18, "the fifteenth blind set (to read once)",
            planner=planners.blind15_body,
            layouts=blind15_layouts,
            own_file=planners.blind15_file,
        ),
        CorpusSet(
            "blind16", 2026_12_19, "the sixteenth blind set (to read once)",
            planner=planners.blind16_body,
            layouts=blind16_layouts,
            own_file=planners.blind16_file,
        ),
        CorpusSet(
            "blind17", 2026_12_20, "the seventeenth blind set (to read once)",
            planner=planners.blind17_body,
            layouts=blind17_layouts,
            own_file=planners.blind17_file,
        ),
        CorpusSet(
            "blind18", 2026_12_21, "the eighteenth blind set (to read once)",
            planner=planners.blind18_body,
            layouts=blind18_layouts,
            own_file=planners.blind18_file,
        ),
        CorpusSet(
            "blind19", 2026_12_22, "the nineteenth blind set (to read once)",
            planner=planners.blind19_body,
            layouts=blind19_layouts,
            own_file=planners.blind19_file,
        ),
        CorpusSet(
            "blind20", 2026_12_23,
            "the twentieth blind set: new documents of every kind the sets before it have",
            planner=_of_every_kind,
            new_kinds=False,
            stream="every kind:",
        ),
    )
}  # fmt: skip
"""Every set, in the order they were made (each until the twentieth has only what none before
it has)."""


_BY_LAYOUT = {
    layout: corpus_set
    for corpus_set in SETS.values()
    if corpus_set.layouts is not None
    for layout in corpus_set.layouts.LAYOUTS
}


def of_layout(layout: str) -> CorpusSet | None:
    """The set whose own layouts draw ``layout``, or None for the first sets' layouts."""
    return _BY_LAYOUT.get(layout)


def before(name: str) -> list[CorpusSet]:
    """The sets made before the set ``name``."""
    names = list(SETS)
    return [SETS[earlier] for earlier in names[: names.index(name)]]

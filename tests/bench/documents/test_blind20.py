"""The twentieth blind set: new documents of the kinds the sets before it have, drawn from their
own planners (checked without the reader, which is never run on it here)."""

from __future__ import annotations

import json
from collections import Counter

from bench.documents import content, generate, sets
from tests.bench.documents import blind_sets

TWENTIETH = sets.SETS["blind20"]


def source(spec: generate.Spec) -> str:
    """The set whose kind of document the spec is (the first sets' layouts count as one)."""
    own = sets.of_layout(spec.body.layout)
    return own.name if own is not None else "first sets"


def document(spec: generate.Spec) -> str:
    """What a document says (its name, lines and total, its layout and rendition), not which
    file it is or which set it came in."""
    truth = spec.truth("x", 1).to_json()
    del truth["file"], truth["corpus"]
    return json.dumps([truth, spec.body.layout, spec.rendition, spec.variant], sort_keys=True)


def test_the_twentieth_set_draws_every_rendition_and_kind_from_many_sets_before_it() -> None:
    specs = generate.plan(TWENTIETH, count=60)

    drawn = Counter(source(spec) for spec in specs)
    assert len(drawn) >= 15, drawn
    assert Counter(spec.rendition for spec in specs) == {"pdf": 20, "scan": 20, "screenshot": 20}
    kinds = Counter(type(spec.body) for spec in specs)
    assert kinds[content.Overview] >= 30 and kinds[content.Receipt] >= 10
    assert not TWENTIETH.new_kinds and TWENTIETH.held_out


def test_no_document_of_the_twentieth_set_is_one_a_set_before_it_made() -> None:
    ours = {document(spec) for spec in generate.plan(TWENTIETH, count=60)}
    theirs = {document(spec) for spec in blind_sets.specs_before("blind20", count=120)}
    assert len(ours) == 60
    assert not ours & theirs

"""The blind (fresh) set: the same files from the same seed, every printed total the sum of
its truth's lines, and only variations that neither the development nor the held-out set has."""

from __future__ import annotations

from bench.documents import content, generate, layouts, sets
from tests.bench.documents.pdfs import text_of


def assert_prints_its_truth(documents: list[generate.Document], specs: list[generate.Spec]) -> None:
    """Every document prints a total its lines sum to."""
    for document, spec in zip(documents, specs, strict=True):
        truth = document.truth
        assert sum(line.amount for line in truth.lines) == truth.total
        text = text_of(document.path.read_bytes())
        assert layouts.money(truth.total, spec.body.amount_style).replace("\u00a0", " ") in text
        assert truth.name in text


def test_the_fresh_set_has_only_what_the_other_sets_never_show() -> None:
    def variations(specs: list[generate.Spec]) -> set[str]:
        found = set()
        for spec in specs:
            body = spec.body
            found |= {f"layout:{body.layout}", f"amount:{body.amount_style}"}
            found.add(f"date:{body.date_style}")
            if isinstance(body, content.Overview):
                found.add(f"wording:{body.wording}")
        return found

    dev = generate.plan(sets.SETS["dev"], count=300)
    held_out = generate.plan(sets.SETS["held-out"], count=300)
    fresh = generate.plan(sets.SETS["fresh"], count=300)
    seen = variations(dev) | variations(held_out)
    new = variations(fresh)
    for kind in ("amount", "date", "wording"):
        assert not {v for v in new if v.startswith(kind)} & seen, kind
    fresh_layouts = {v for v in new if v.startswith("layout")}
    assert fresh_layouts - seen == {f"layout:{name}" for name in ("amount_first", "banded",
        "tablet", "till")}  # fmt: skip
    names = [spec.truth("x", 1).name for spec in fresh]
    assert all(name.endswith(content.FRESH_SURNAMES) for name in names)
    assert not set(content.FRESH_SURNAMES) & set(content.SURNAMES + content.HELD_OUT_SURNAMES)
    for spec in fresh:
        truth = spec.truth("x", 1)
        assert sum(line.amount for line in truth.lines) == truth.total

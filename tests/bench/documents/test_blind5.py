"""The fifth blind set: made only of what none of the other six sets has, and true to itself
(checked without the reader, which is never run on it here)."""

from __future__ import annotations

from collections import Counter

from bench.documents import blind5_layouts, content, generate, render, sets
from tests.bench.documents import blind_sets
from tests.bench.documents.pdfs import printed, text_of


def blind5_plan(
    count: int, renditions: tuple[str, ...] = generate.RENDITIONS
) -> list[generate.Spec]:
    return generate.plan(sets.SETS["blind5"], count=count, renditions=renditions)


def shown(text: str) -> str:
    """As the PDF's text gives it back: no-break spaces, narrow or not, as plain ones."""
    return printed(text).replace(blind5_layouts.NNBSP, " ")


def assert_prints_its_truth(documents: list[generate.Document], specs: list[generate.Spec]) -> None:
    """Every document prints every fee and the total."""
    assert {spec.body.layout for spec in specs} >= {content.BLIND5_OVERVIEW_LAYOUT}
    for document, spec in zip(documents, specs, strict=True):
        body, truth = spec.body, document.truth
        text = shown(text_of(document.path.read_bytes()))
        flat = " ".join(text.split())
        assert truth.name in flat
        assert shown(blind5_layouts.money(truth.total, body.amount_style)) in text
        rows = text.splitlines()
        pairs = Counter((line.date, line.amount) for line in truth.lines)
        for (when, amount), times in pairs.items():
            shown_day = blind5_layouts.day(when, body.date_style)
            shown_amount = shown(blind5_layouts.money(amount, body.amount_style))
            found = sum(shown_day in row and shown_amount in row for row in rows)
            if isinstance(body, content.Receipt):
                found = int(shown_day in text and shown_amount in text)
            assert found >= times


def test_a_printed_overview_has_its_sum_and_its_columns() -> None:
    overview = next(
        spec.body
        for spec in blind5_plan(60)
        if spec.body.layout == content.BLIND5_OVERVIEW_LAYOUT and spec.body.language == "nb"
    )
    assert isinstance(overview, content.Overview)
    html = generate.Spec(0, 0, "pdf", overview, True).html()
    assert "Sum egenandeler hittil i år" in html and "Virksomhet" in html
    assert ("Kategori" in html) or ("Helsetjeneste" in html)
    for fee in overview.fees:
        assert blind5_layouts.day(fee.day, overview.date_style) in html


def test_every_receipt_and_desktop_page_fits_on_one_page() -> None:
    specs = blind5_plan(300)
    for layout in content.BLIND5_RECEIPT_LAYOUTS:
        longest = max(
            (spec for spec in specs if spec.body.layout == layout),
            key=lambda spec: len(getattr(spec.body, "items", ())),
        )
        assert render.page_count(render.pdf(longest.html())) == 1
    desktop = max(
        (spec for spec in specs if spec.body.layout == content.BLIND5_DESKTOP_LAYOUT),
        key=lambda spec: len(getattr(spec.body, "fees", ())),
    )
    assert render.page_count(render.pdf(desktop.html())) == 1


def test_the_renditions_mix_desktop_phone_turned_and_black_and_white() -> None:
    specs = blind5_plan(60)
    variants = Counter(spec.variant for spec in specs)
    turned = sum(n for variant, n in variants.items() if "rotated" in variant)
    assert 3 <= turned <= 5
    assert variants["photocopy"] >= 10
    assert sum(n for v, n in variants.items() if v.startswith("desktop")) >= 4
    assert variants["phone"] >= 6
    assert all(spec.variant == "" for spec in specs if spec.rendition == "pdf")
    assert {spec.body.layout for spec in specs} == blind5_layouts.LAYOUTS


def test_the_fifth_blind_set_has_only_what_the_other_six_sets_never_show() -> None:
    seen_specs = blind_sets.specs_before("blind5")
    seen = blind_sets.variations(seen_specs)
    blind5 = blind5_plan(300)
    new = blind_sets.variations(blind5)
    assert not new & seen
    assert not any(spec.variant for spec in seen_specs)
    names = {spec.truth("x", 1).name for spec in blind5}
    seen_names = {spec.truth("x", 1).name for spec in seen_specs}
    seen_words = {word for name in seen_names for word in name.split()}
    assert not names & seen_names
    assert not {word for name in names for word in name.split()} & seen_words

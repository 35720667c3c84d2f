"""The fourth blind set: made only of what none of the other five sets has, and true to itself
(checked without the reader, which is never run on it here)."""

from __future__ import annotations

from collections import Counter

from bench.documents import blind4_layouts, content, generate, render, sets
from tests.bench.documents import blind_sets
from tests.bench.documents.pdfs import printed, text_of


def blind4_plan(count: int) -> list[generate.Spec]:
    return generate.plan(sets.SETS["blind4"], count=count)


def assert_prints_its_truth(documents: list[generate.Document], specs: list[generate.Spec]) -> None:
    """Every document prints every fee and the total."""
    assert {spec.body.layout for spec in specs} == {
        content.BLIND4_OVERVIEW_LAYOUT, content.BLIND4_STATEMENT_LAYOUT,
        content.BLIND4_RECEIPT_LAYOUT,
    }  # fmt: skip
    for document, spec in zip(documents, specs, strict=True):
        body, truth = spec.body, document.truth
        text = text_of(document.path.read_bytes())
        flat = " ".join(text.split())
        assert truth.name in flat
        assert printed(blind4_layouts.money(truth.total, body.amount_style)) in text
        if isinstance(body, content.Receipt):
            assert printed(blind4_layouts.day(body.day, body.date_style, "en")) in text
            assert "Paid by card" in text
            continue
        rows = text.splitlines()
        pairs = Counter((line.date, line.amount) for line in truth.lines)
        for (when, amount), times in pairs.items():
            shown_day = printed(blind4_layouts.day(when, body.date_style))
            shown_amount = printed(blind4_layouts.money(amount, body.amount_style))
            found = sum(
                row.split(" ")[0] == shown_day and shown_amount in " ".join(rows[index : index + 3])
                for index, row in enumerate(rows)
            )
            assert found >= times
        if body.layout == content.BLIND4_OVERVIEW_LAYOUT:
            signed_in = blind4_layouts.WORDS[body.language]["signed_in"]
            assert f"{signed_in} {truth.name}" in flat
            for heading, _ in blind4_layouts.by_month(body):
                assert heading in text


def test_the_page_dates_a_fee_by_day_and_month_under_its_months_heading() -> None:
    overview = next(
        spec.body
        for spec in blind4_plan(60)
        if spec.body.layout == content.BLIND4_OVERVIEW_LAYOUT
        and spec.body.language == "nb"
        and len({fee.day.month for fee in spec.body.fees}) > 2
    )
    assert isinstance(overview, content.Overview)
    html = generate.Spec(0, 0, "pdf", overview, True).html()
    for heading, fees in blind4_layouts.by_month(overview):
        assert heading.endswith(f" {overview.year}") and heading[0].isupper()
        for fee in fees:
            assert blind4_layouts.month_heading(fee.day, "nb") == heading
            assert f"<td class='when'>{fee.day:%d.%m}</td>" in html
            assert f"{fee.day:%d.%m.%Y}" not in html  # the year only in the heading
    assert f"Innlogget som <b>{overview.name}</b>" in html


def test_every_statement_and_receipt_fits_on_one_page() -> None:
    specs = blind4_plan(300)
    for layout in (content.BLIND4_STATEMENT_LAYOUT, content.BLIND4_RECEIPT_LAYOUT):
        longest = max(
            (spec for spec in specs if spec.body.layout == layout),
            key=lambda spec: (
                len(getattr(spec.body, "fees", ())) + len(getattr(spec.body, "items", ()))
            ),
        )
        assert render.page_count(render.pdf(longest.html())) == 1


def variations(specs: list[generate.Spec]) -> set[str]:
    found = set()
    for spec in specs:
        body = spec.body
        found |= {f"layout:{body.layout}", f"amount:{body.amount_style}"}
        found.add(f"date:{body.date_style}")
        if isinstance(body, content.Overview):
            found.add(f"wording:{body.wording}")
    return found


def test_the_fourth_blind_set_has_only_what_the_other_five_sets_never_show() -> None:
    seen_specs = blind_sets.specs_before("blind4")
    seen = variations(seen_specs)
    blind4 = blind4_plan(300)
    new = variations(blind4)
    assert not new & seen
    layouts_made = {v.removeprefix("layout:") for v in new if v.startswith("layout")}
    assert layouts_made == blind4_layouts.LAYOUTS
    names = {spec.truth("x", 1).name for spec in blind4}
    seen_names = {spec.truth("x", 1).name for spec in seen_specs}
    seen_words = {word for name in seen_names for word in name.split()}
    assert not names & seen_names
    assert not {word for name in names for word in name.split()} & seen_words
    assert not any(
        spec.body.payment == "card" for spec in seen_specs if isinstance(spec.body, content.Receipt)
    )


def test_every_fourth_blind_truth_is_what_the_document_adds_up_to() -> None:
    for spec in blind4_plan(300):
        body, truth = spec.body, spec.truth("x", 1)
        assert sum(line.amount for line in truth.lines) == truth.total > 0
        if isinstance(body, content.Overview):
            assert truth.kind == "user_fee_overview"
            assert truth.total < body.limit
            assert all(line.date.year == body.year for line in truth.lines)
            if body.layout == content.BLIND4_STATEMENT_LAYOUT:
                assert len({line.date for line in truth.lines}) == len(truth.lines) >= 2
                assert len({line.date.month for line in truth.lines}) == 1
                assert all(line.date.weekday() < 5 for line in truth.lines)
            continue
        assert truth.kind == "receipt" and body.language == "en"
        assert truth.lines[0].date == body.day and body.day.weekday() < 5
        assert truth.total < content.EXEMPTION_CARD_LIMIT[body.day.year]
        assert body.items[0].text.startswith("Session fee")

"""Hooks several schemes share: the language's own blocks, for a file whose step is otherwise
taken by hooks (schemes.md, "The further schemes: common rules")."""

from __future__ import annotations

from refusjon.rules.context import Context, LineWork
from refusjon.rules.schemes import base
from refusjon.rules.schemes.hooks import registry
from refusjon.rules.schemes.hooks.registry import SchemeView


@registry.claim("common.student")
def student(scheme: SchemeView, ctx: Context) -> list[str]:
    """The applicant has paid the semester fee and is a registered student (schemes.md)."""
    return base.check_student(ctx, scheme.source)


@registry.lines("common.in_period")
def in_period(scheme: SchemeView, ctx: Context, work: LineWork) -> bool:
    """A line's service date is inside the claim's period, or it is rejected
    (``outside-period``); the line's other checks still run."""
    base.check_period(ctx, work, scheme.source)
    return False

"""The registry of named hooks: small Python rules a scheme file names where the scheme
language has no block for what the scheme does (docs/schemes.md, "Hooks"; decision S6).

A hook is named ``<scheme>.<rule>`` (``common.<rule>`` where several schemes share it) and
registered for one step of the order of the checks; a file lists, per step, the hooks that take
that step in order. A hook cites the file's sources by their ids (``cites``), and the file must
have them: the scheme language checks both names when it reads a file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, Protocol, TypeVar

from refusjon.rules.context import Context, LineWork
from refusjon.rules.model import Claim
from refusjon.rules.parameters import Parameters

HookStep = Literal["validate", "claim", "documents", "lines", "price", "categories"]
STEPS: tuple[HookStep, ...] = ("validate", "claim", "documents", "lines", "price", "categories")


class SchemeView(Protocol):
    """What a hook sees of its scheme: the notes of the file's sources."""

    @property
    def source(self) -> str:
        """The note of the scheme as a whole (the file's first source)."""

    def note(self, source: str) -> str:
        """The note of one of the file's sources, by its id."""


# What a hook of each step is given and gives back. A hook of ``lines`` or ``price`` returns
# True when the line's step ends with it (the later hooks are not asked).
ValidateHook = Callable[[SchemeView, Claim], list[str]]
ClaimHook = Callable[[SchemeView, Context], list[str]]
DocumentsHook = Callable[[SchemeView, Context, Sequence[LineWork]], list[str]]
LineHook = Callable[[SchemeView, Context, LineWork], bool]
CategoriesHook = Callable[[SchemeView, Parameters, date], frozenset[str]]


@dataclass(frozen=True, slots=True)
class Hook:
    name: str
    step: HookStep
    cites: tuple[str, ...]
    """The ids of the file sources the hook cites beside its steps of the explanation."""


HOOKS: dict[str, Hook] = {}
VALIDATE: dict[str, ValidateHook] = {}
CLAIM: dict[str, ClaimHook] = {}
DOCUMENTS: dict[str, DocumentsHook] = {}
LINES: dict[str, LineHook] = {}
PRICE: dict[str, LineHook] = {}
CATEGORIES: dict[str, CategoriesHook] = {}

F = TypeVar("F")


def _register(
    table: dict[str, F], step: HookStep, name: str, cites: tuple[str, ...]
) -> Callable[[F], F]:
    def register(function: F) -> F:
        if name in HOOKS:
            raise ValueError(f"the hook {name} is registered twice")
        HOOKS[name] = Hook(name, step, cites)
        table[name] = function
        return function

    return register


def validate(name: str, *, cites: tuple[str, ...] = ()) -> Callable[[ValidateHook], ValidateHook]:
    return _register(VALIDATE, "validate", name, cites)


def claim(name: str, *, cites: tuple[str, ...] = ()) -> Callable[[ClaimHook], ClaimHook]:
    return _register(CLAIM, "claim", name, cites)


def documents(
    name: str, *, cites: tuple[str, ...] = ()
) -> Callable[[DocumentsHook], DocumentsHook]:
    return _register(DOCUMENTS, "documents", name, cites)


def lines(name: str, *, cites: tuple[str, ...] = ()) -> Callable[[LineHook], LineHook]:
    return _register(LINES, "lines", name, cites)


def price(name: str, *, cites: tuple[str, ...] = ()) -> Callable[[LineHook], LineHook]:
    return _register(PRICE, "price", name, cites)


def categories(
    name: str, *, cites: tuple[str, ...] = ()
) -> Callable[[CategoriesHook], CategoriesHook]:
    return _register(CATEGORIES, "categories", name, cites)

"""Named hooks: the rules a scheme file names where the scheme language has no block for what
the scheme does, one small function each (:mod:`.registry`). Importing the package registers
them all."""

from refusjon.rules.schemes.hooks import common, helfo_abroad, sio, ssn
from refusjon.rules.schemes.hooks.registry import HOOKS, STEPS, Hook, HookStep, SchemeView

__all__ = [
    "HOOKS",
    "STEPS",
    "Hook",
    "HookStep",
    "SchemeView",
    "common",
    "helfo_abroad",
    "sio",
    "ssn",
]

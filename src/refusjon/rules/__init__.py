"""The rules engine: claims in, decisions out.

Pure Python with no web framework and no I/O beyond reading its own parameter files.
Start with :func:`refusjon.rules.engine.assess` and :class:`refusjon.rules.ledger.Ledger`.
"""

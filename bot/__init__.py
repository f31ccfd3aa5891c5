"""Klachtenbot: the complaints procedure as code.

`bot` is the core. Its rules import neither `storage` nor `adapters`; only the
composition root (`bot.entry.bootstrap`) and the entry points know every part.
"""

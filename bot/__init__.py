"""Klachtenbot: the complaints procedure as code.

`bot` is the core. Outside `bot.entry` it imports neither `storage` nor `adapters`;
only the composition root (`bot.entry.bootstrap`) and the entry points know every part.
"""

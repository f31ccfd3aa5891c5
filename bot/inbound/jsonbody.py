"""JSON from outside, refused when nested deeper than any real message is.

The standard library's decoder recurses once per level and gives up with a
`RecursionError` (not a `ValueError`) near the interpreter's limit, so a body of a
few kB of `[` would otherwise be a 500. Anything that parses is also walked once,
without recursion, so no later step (a model, a serializer) has to recurse through
hundreds of levels either.
"""

from __future__ import annotations

import json
from typing import Any

# Teams activities and Slack payloads stay under about 12 levels; the web form is flat.
MAX_DEPTH = 64


class TooDeep(ValueError):
    """The JSON nests deeper than `MAX_DEPTH` (a `ValueError`, as any unreadable JSON)."""


def loads(text: str | bytes, max_depth: int = MAX_DEPTH) -> Any:
    try:
        value = json.loads(text)
    except RecursionError:
        raise TooDeep(f"deeper than {max_depth} levels") from None
    if depth(value) > max_depth:
        raise TooDeep(f"deeper than {max_depth} levels")
    return value


def depth(value: Any) -> int:
    """How deeply lists and objects nest in `value` (a scalar is 0), without recursing."""
    if not isinstance(value, dict | list):
        return 0
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, level + 1) for child in children if isinstance(child, dict | list))
    return deepest

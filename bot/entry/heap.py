"""The collector's full passes skip what the server built at start.

A full garbage collection walks every tracked object. `serve` holds a few hundred
thousand of them from start to stop (modules, the SQL schema, the chat SDKs, the
message catalogue), so each full pass stopped the one event loop for about 100 ms,
and every request in flight waited that long for its ack. Those objects live as
long as the process; frozen, they are left out of every pass. What the server makes
later is collected as before.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Call once, when the app is built and before it takes requests."""
    gc.collect()  # leave garbage made while starting out of the frozen set
    gc.freeze()

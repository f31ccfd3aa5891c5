"""The one error type the core raises when it refuses something."""

from __future__ import annotations

from typing import Any


class Refused(Exception):
    """An action, input or request the procedure does not allow.

    It carries a catalogue key and its parameters, never a finished sentence, so
    each adapter can say it in the actor's language. Raised before anything is
    written; the unit of work rolls back whatever was in flight.
    """

    def __init__(
        self,
        key: str,
        *,
        field: str | None = None,
        fields: dict[str, tuple[str, dict[str, Any]]] | None = None,
        **params: Any,
    ) -> None:
        super().__init__(key)
        self.key = key
        self.field = field
        self.params = params
        # Every bad field of a form, so a modal can mark each one inline.
        self.fields = fields or ({field: (key, params)} if field else {})

    def __repr__(self) -> str:
        return f"Refused({self.key!r}, field={self.field!r}, params={self.params!r})"


class Duplicate(Refused):
    """The same inbound request was handled before (a platform retry, a double click).

    Not shown as an error: the adapter answers as it did the first time.
    """

    def __init__(self, result: str | None = None) -> None:
        super().__init__("request.duplicate")
        self.result = result

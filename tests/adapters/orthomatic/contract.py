"""The bridge contract (docs/orthomatic-bridge.openapi.yaml), to check requests against."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.adapters.orthomatic.standin import Received

SPEC = Path(__file__).resolve().parents[3] / "docs" / "orthomatic-bridge.openapi.yaml"
_URI = "urn:klachtenbot:orthomatic-bridge"


@cache
def spec() -> dict[str, Any]:
    return yaml.safe_load(SPEC.read_text(encoding="utf-8"))


def _validator(pointer: str) -> Draft202012Validator:
    registry = Registry().with_resource(_URI, Resource.from_contents(spec(), DRAFT202012))
    return Draft202012Validator(
        {"$ref": f"{_URI}#{pointer}"}, registry=registry, format_checker=FormatChecker()
    )


def _operation(path: str) -> tuple[str, dict[str, Any]]:
    for template, item in spec()["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
        if re.match(pattern, path):
            return template, item["post"]
    raise AssertionError(f"{path} is not in the contract")


def _deref(node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if not ref:
        return node
    target: Any = spec()
    for part in ref.removeprefix("#/").split("/"):
        target = target[part]
    return _deref(target)


def problems(request: Received, token: str) -> list[str]:
    """What is wrong with one request the client sent, by the contract; [] when nothing."""
    found: list[str] = []
    template, operation = _operation(request.path)
    if request.method != "POST":
        found.append(f"{request.method} instead of POST")
    if request.authorization != f"Bearer {token}":
        found.append("no bearer token")
    for parameter in (_deref(p) for p in operation["parameters"]):
        schema = parameter["schema"]
        if parameter["in"] == "header":
            value = request.key if parameter["name"] == "Idempotency-Key" else None
            if value is None:
                found.append(f"header {parameter['name']} missing")
                continue
        else:
            value = request.customer_number
        found += [
            f"{parameter['name']}: {e.message}"
            for e in Draft202012Validator(schema).iter_errors(value)
        ]
    content = operation["requestBody"]["content"]
    if request.content_type not in content:
        return [*found, f"content type {request.content_type} not in {sorted(content)}"]
    pointer = content[request.content_type]["schema"]["$ref"].removeprefix("#")
    if request.content_type == "application/json":
        body: Any = request.json
    else:
        body = dict(request.form or {})
        if request.file is not None:
            body["file"] = "(binary)"
    found += [f"{template} body: {e.message}" for e in _validator(pointer).iter_errors(body)]
    return found

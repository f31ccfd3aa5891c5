"""The app manifest: valid against Slack's official schema, and in step with the code."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import yaml

from adapters.slack.ids import COMMAND
from adapters.slack.web import PATH

ROOT = Path(__file__).resolve().parents[3]
MANIFEST = yaml.safe_load((ROOT / "manifest/slack/manifest.yml").read_text())
SCHEMA = json.loads((ROOT / "tests/fixtures/slack-manifest-2.0.0.schema.json").read_text())

# Each Web API method the adapter calls, and the bot scope it needs (None: no scope).
METHOD_SCOPES = {
    "chat_postMessage": "chat:write",
    "chat_update": "chat:write",
    "chat_postEphemeral": "chat:write",
    "users_info": "users:read",
    "views_open": None,
    "views_publish": None,
}
# Scopes for what Slack sends us rather than what we call.
INBOUND_SCOPES = {"commands", "groups:history"}


def test_the_manifest_is_valid_against_slacks_schema():
    jsonschema.Draft7Validator(SCHEMA).validate(MANIFEST)


def test_an_invalid_manifest_is_caught_by_the_schema():
    broken = {**MANIFEST, "features": {**MANIFEST["features"], "slash_commands": [{}]}}
    errors = list(jsonschema.Draft7Validator(SCHEMA).iter_errors(broken))
    assert errors


def test_the_manifest_names_the_command_and_the_endpoint_the_code_serves():
    (command,) = MANIFEST["features"]["slash_commands"]
    assert command["command"] == COMMAND
    assert command["should_escape"] is True  # `/klacht rol @iemand` arrives as <@U…>
    settings = MANIFEST["settings"]
    for url in (
        command["url"],
        settings["event_subscriptions"]["request_url"],
        settings["interactivity"]["request_url"],
    ):
        assert url.endswith(PATH)
    assert set(settings["event_subscriptions"]["bot_events"]) == {
        "app_home_opened",
        "message.groups",
    }


def test_the_manifest_asks_exactly_the_scopes_the_code_uses():
    source = "\n".join(p.read_text() for p in (ROOT / "adapters/slack").glob("*.py"))
    called = set(re.findall(r"client\.([a-z]+_[A-Za-z]+)\(", source))
    assert called <= set(METHOD_SCOPES), called - set(METHOD_SCOPES)
    needed = {METHOD_SCOPES[m] for m in called} - {None} | INBOUND_SCOPES
    if "url_private" in source:  # a shared file's content is fetched with the bot token
        needed.add("files:read")
    assert set(MANIFEST["oauth_config"]["scopes"]["bot"]) == needed

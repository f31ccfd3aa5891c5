"""Socket Mode: with SLACK_APP_TOKEN the bot connects out to Slack and works the same."""

from __future__ import annotations

from aiohttp import web

from bot.entry.bootstrap import build
from bot.entry.server import make_app
from bot.rules.roles import Role
from bot.settings import Settings


async def test_a_command_over_socket_mode_is_acked_and_answered(
    database_url, slack_api, monkeypatch
):
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-test-token")
    bot = build(Settings(database_url=database_url))
    await bot.staff.add(None, "Anna de Vries", [Role.COORDINATOR], None, "UANNA")
    runner = web.AppRunner(make_app(bot))
    await runner.setup()  # starts the app's life cycle: the Socket Mode connection
    try:
        tokens = [c.token for c in slack_api.calls if c.method == "apps.connections.open"]
        assert tokens == ["xapp-test-token"]
        ws = (await slack_api.wait(lambda: slack_api.sockets))[0]
        await ws.send_json(
            {
                "envelope_id": "env-1",
                "type": "slash_commands",
                "accepts_response_payload": True,
                "payload": {
                    "command": "/klacht",
                    "text": "help",
                    "user_id": "UANNA",
                    "team_id": "T1",
                    "channel_id": "CCOORD",
                    "trigger_id": "t.1",
                    "response_url": slack_api.response_url(1),
                },
            }
        )
        acks = await slack_api.wait(
            lambda: [m for m in slack_api.socket_messages if m.get("envelope_id") == "env-1"]
        )
        assert len(acks) == 1
        answer = (await slack_api.wait(lambda: slack_api.responses))[0]
        assert "/klacht nieuw" in answer["text"]
    finally:
        await runner.cleanup()
        await bot.close()

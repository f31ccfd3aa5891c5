"""What operators see of the mirror: a /healthz section and /metrics (Prometheus text)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bot.outbox.messages import OutboxStatus
from bot.outbox.mirror import CHANNEL
from bot.rules.workdays import utcnow
from storage.failures import unreachable

# Not yet in Orthomatic: on its way, refused, given up, or waiting for a person.
BACKLOG = (OutboxStatus.PENDING, OutboxStatus.FAILED, OutboxStatus.DEAD, OutboxStatus.MANUAL)
OUTCOMES = ("delivered", "retry", "failed", "dead")


async def backlog(bot: Any) -> dict[str, Any]:
    counts = await bot.outbox.counts(CHANNEL)
    oldest = await bot.outbox.oldest_pending(CHANNEL)
    by_status = {s.value: counts.get(s.value, 0) for s in OutboxStatus}
    return {
        "by_status": by_status,
        "backlog": sum(by_status[s.value] for s in BACKLOG),
        "oldest_pending": oldest.isoformat() if oldest else None,
        "oldest_pending_seconds": round((utcnow() - oldest).total_seconds(), 1) if oldest else 0.0,
    }


def health_check(bot: Any, mode: str, deliverer: Any) -> Any:
    async def check() -> dict[str, Any]:
        state = await backlog(bot)
        section = {
            "mode": mode,
            "backlog": state["backlog"],
            "pending": state["by_status"]["pending"],
            "failed": state["by_status"]["failed"] + state["by_status"]["dead"],
            "manual": state["by_status"]["manual"],
            "oldest_pending_seconds": state["oldest_pending_seconds"],
        }
        if deliverer is not None and getattr(deliverer, "last_error", None):
            section["last_error"] = deliverer.last_error
        return section

    return check


async def metrics_text(bot: Any) -> str:
    state = await backlog(bot)
    lines = [
        "# HELP klachtenbot_mirror_backlog Orthomatic mirror items not yet in Orthomatic.",
        "# TYPE klachtenbot_mirror_backlog gauge",
        f"klachtenbot_mirror_backlog {state['backlog']}",
        "# HELP klachtenbot_mirror_items Orthomatic mirror items by status.",
        "# TYPE klachtenbot_mirror_items gauge",
        *(
            f'klachtenbot_mirror_items{{status="{status}"}} {count}'
            for status, count in state["by_status"].items()
        ),
        "# HELP klachtenbot_mirror_oldest_pending_seconds Age of the oldest mirror item"
        " still on its way.",
        "# TYPE klachtenbot_mirror_oldest_pending_seconds gauge",
        f"klachtenbot_mirror_oldest_pending_seconds {state['oldest_pending_seconds']}",
        "# HELP klachtenbot_outbox_deliveries_total Outbox delivery attempts by outcome"
        " since the process started.",
        "# TYPE klachtenbot_outbox_deliveries_total counter",
    ]
    outcomes = bot.dispatcher.outcomes
    for outcome in sorted(set(OUTCOMES) | set(outcomes)):
        lines.append(
            f'klachtenbot_outbox_deliveries_total{{outcome="{outcome}"}} {outcomes.get(outcome, 0)}'
        )
    return "\n".join(lines) + "\n"


def metrics_route(bot: Any) -> Any:
    async def metrics(request: web.Request) -> web.Response:
        try:
            body = await metrics_text(bot)
        except Exception as error:
            if not unreachable(error):
                raise
            # A scraper records the gap; a half page of zeros would look like a drained queue.
            return web.Response(status=503, text="# database unreachable\n")
        return web.Response(
            body=body.encode(), headers={"Content-Type": "text/plain; version=0.0.4; charset=utf-8"}
        )

    def add(app: web.Application) -> None:
        app.router.add_get("/metrics", metrics)

    return add

"""A stand-in for the Bot Framework's signing keys: tokens that an SDK accepts or refuses
for what they say, not for a signature nobody here could make.

The keys are served over loopback (an OpenID configuration and its JWKS), from a
thread, because botbuilder fetches them with a blocking call on the event loop.
`trust` points the chosen SDK at them, where it would otherwise ask the Bot Framework.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

ISSUER = "https://api.botframework.com"  # the issuer of every token Teams' channel sends
KID = "klachtenbot-test-key"


class Keys:
    def __init__(self, url: str) -> None:
        self.url = url
        self.private = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def jwks(self) -> dict[str, Any]:
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.private.public_key()))
        return {"keys": [{**public, "kid": KID, "use": "sig", "endorsements": ["msteams"]}]}

    def token(self, audience: str, service_url: str, **claims: Any) -> str:
        now = int(time.time())
        body = {"iss": ISSUER, "aud": audience, "serviceurl": service_url}
        body |= {"nbf": now - 60, "iat": now - 60, "exp": now + 3600, **claims}
        return jwt.encode(body, self.private, "RS256", headers={"kid": KID})


@contextmanager
def key_server() -> Iterator[Keys]:
    keys: Keys

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = (
                {"issuer": ISSUER, "jwks_uri": keys.url + "/keys"}
                if self.path == "/openid"
                else keys.jwks()
            )
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    keys = Keys(f"http://127.0.0.1:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield keys
    finally:
        server.shutdown()
        server.server_close()


def trust(sdk: str, keys: Keys, monkeypatch: pytest.MonkeyPatch) -> None:
    """The SDK looks for the Bot Framework's keys at `keys`, for this test only."""
    if sdk == "botbuilder":
        from botframework.connector.auth import ChannelValidation

        monkeypatch.setattr(ChannelValidation, "open_id_metadata_endpoint", keys.url + "/openid")
    else:
        from microsoft_agents.hosting.core.authorization import _entra_issuers

        monkeypatch.setitem(_entra_issuers.BOTFRAMEWORK_JWKS_URIS, ISSUER, keys.url + "/keys")

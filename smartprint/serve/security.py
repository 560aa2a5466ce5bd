"""The rules a local server must keep (Jupyter's history is the lesson), as one ASGI
middleware in front of every route:

- the Host header must be the loopback address and our port (a DNS-rebinding page names
  its own host);
- every request carries the start-up token: once in the address (`?token=`), which then
  becomes an HttpOnly, SameSite=Strict cookie and is taken out of the address;
- a request that changes anything (not GET or HEAD) comes from our own page (Origin);
- every answer carries a Content-Security-Policy that allows no inline script, and
  is never framed, sniffed or cached when it is a page's data."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = ("127.0.0.1", "localhost")
SAFE_METHODS = ("GET", "HEAD")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def cookie_name(port: int) -> str:
    """Cookies are shared by every port of a host: each server keeps its own."""
    return f"smartprint-{port}"


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


class Guard:
    """The middleware. `port` is read when a request comes (the server learns it on binding)."""

    def __init__(self, app: ASGIApp, token: str, port: Callable[[], int]):
        self.app, self.token, self.port = app, token, port

    def _hosts(self) -> set[str]:
        return {f"{name}:{self.port()}" for name in LOOPBACK_NAMES}

    def _origins(self) -> set[str]:
        return {f"http://{host}" for host in self._hosts()}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        if headers.get("host", "").lower() not in self._hosts():
            await _refuse(send, 421, "This server answers only at the address it printed (127.0.0.1).")
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        given = query.get("token", [""])[0]
        if given and scope["method"] in SAFE_METHODS:
            if not hmac.compare_digest(given.encode(), self.token.encode()):
                await _refuse(send, 403, "Wrong token: open the address that 'smartprint serve' printed.")
                return
            await self._let_in(scope, send, query)
            return
        cookies = SimpleCookie(headers.get("cookie", ""))
        kept = cookies.get(cookie_name(self.port()))
        if kept is None or not hmac.compare_digest(kept.value.encode(), self.token.encode()):
            await _refuse(send, 403, "Open the address that 'smartprint serve' printed (it holds the token).")
            return
        if scope["method"] not in SAFE_METHODS and headers.get("origin", "") not in self._origins():
            await _refuse(send, 403, "Changes are taken only from smartprint's own page.")
            return
        nonce = secrets.token_urlsafe(16)  # the page's one allowance: CodeMirror's own <style>
        scope.setdefault("state", {})["csp_nonce"] = nonce
        await self.app(scope, receive, _secured(send, nonce))

    async def _let_in(self, scope: Scope, send: Send, query: dict[str, list[str]]) -> None:
        """Keep the token in a cookie and send the browser to the same address without it
        (so it is not left in the history or in a shared screenshot)."""
        rest = urlencode({k: v for k, v in query.items() if k != "token"}, doseq=True)
        cookie = f"{cookie_name(self.port())}={self.token}; HttpOnly; SameSite=Strict; Path=/"
        location = scope.get("path", "/") + (f"?{rest}" if rest else "")
        await send(
            {
                "type": "http.response.start",
                "status": 303,
                "headers": [
                    (b"location", location.encode("latin-1")),
                    (b"set-cookie", cookie.encode("latin-1")),
                    (b"cache-control", b"no-store"),
                    (b"referrer-policy", b"no-referrer"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": b""})


def _secured(send: Send, nonce: str) -> Send:
    async def with_policy(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), *_policy_headers(nonce)]}
        await send(message)

    return with_policy


def _policy_headers(nonce: str) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-security-policy", CSP.format(nonce=nonce).encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"no-referrer"),
        (b"cross-origin-opener-policy", b"same-origin"),
        (b"cross-origin-resource-policy", b"same-origin"),
    ]


async def _refuse(send: Send, status: int, text: str) -> None:
    """A refusal in plain text (never HTML), with the same policy headers."""
    body = text.encode("utf-8") + b"\n"
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
                *_policy_headers("none"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})

"""`smartprint serve [FOLDER]`: start the page on the loopback address, print its address
with the token (flushed at once), open the browser, and stop cleanly on Ctrl-C or SIGTERM
(uvicorn handles both: the workers are ended and the cache folder removed)."""

from __future__ import annotations

import secrets
import socket
import sys
import threading
import webbrowser
from pathlib import Path

import uvicorn

from smartprint.serve.app import Served, create_app

HOST = "127.0.0.1"


def bind(port: int) -> socket.socket:
    """The listening socket, bound before the address is printed (port 0: a free one)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # answers at once, not after a delayed ACK
    sock.bind((HOST, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def serve(folder: Path, port: int = 0, open_browser: bool = True) -> None:
    sock = bind(port)
    served = Served(folder=folder.resolve(), token=secrets.token_urlsafe(24), port=sock.getsockname()[1])
    address = f"http://{HOST}:{served.port}/?token={served.token}"
    config = uvicorn.Config(
        create_app(served),
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=2,
        lifespan="on",
    )
    server = uvicorn.Server(config)
    print(address, flush=True)
    if open_browser:
        threading.Timer(0.3, webbrowser.open, args=(address,)).start()
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass  # uvicorn stopped cleanly first, then passed the signal on
    finally:
        sock.close()
    sys.stdout.flush()

"""The page's server: routes for the folder's files, their builds and pictures, a stream
of events (a build ended, a file changed on disk), and the watcher that follows edits
made in other programs. Every route sits behind `security.Guard`."""

from __future__ import annotations

import asyncio
import contextlib
import json
import shutil
import tempfile
from collections.abc import AsyncIterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from smartprint.serve import folder as files
from smartprint.serve.builds import Builds, Key, Limits, State
from smartprint.serve.security import Guard
from smartprint.serve.words import LANGUAGES, page_words

STATIC = Path(__file__).parent / "static"
HEARTBEAT_S = 15.0
EVENT_QUEUE = 200  # events kept for a slow page; past that it reloads its state
MAX_CHECKED = 40  # materials checked at start for the file list


@dataclass
class Served:
    """One running page: its folder, token and port, and what it knows."""

    folder: Path
    token: str
    port: int = 0
    limits: Limits = field(default_factory=Limits)
    watch: bool = True  # follow edits made in other programs
    check_at_start: bool = True  # build every material once, for the file list
    known: dict[str, str] = field(default_factory=dict)  # name → the version the page last saw
    listeners: set[asyncio.Queue[dict[str, Any] | None]] = field(default_factory=set)
    builds: Builds | None = None

    def broadcast(self, event: dict[str, Any]) -> None:
        for queue in list(self.listeners):
            if queue.full():
                with contextlib.suppress(asyncio.QueueEmpty):
                    queue.get_nowait()
            queue.put_nowait(event)

    def announce(self, key: Key, state: State) -> None:
        self.broadcast({"type": "built", "name": key.name, "pupils": key.pupils, "serial": state.serial})


def _served(request: Request) -> Served:
    served: Served = request.app.state.served
    return served


def _builds(request: Request) -> Builds:
    builds = _served(request).builds
    assert builds is not None
    return builds


async def _body(request: Request, limit: int) -> bytes:
    """The request's body, refused (413) past `limit` bytes, before it is all read."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise files.Refused("too large", 413)
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > limit:
            raise files.Refused("too large", 413)
    return bytes(data)


async def _json(request: Request, limit: int = files.MAX_TEXT_BYTES + 10_000) -> dict[str, Any]:
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise files.Refused("expected JSON", 415)
    try:
        data = json.loads(await _body(request, limit))
    except (ValueError, UnicodeDecodeError):
        raise files.Refused("expected JSON", 400) from None
    if not isinstance(data, dict):
        raise files.Refused("expected JSON", 400)
    return data


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise files.Refused(f"'{key}' is missing", 400)
    return value


def _pupils(served: Served, value: Any) -> str:
    """A class list chosen for a build: a class list in the folder, or none."""
    if not value:
        return ""
    if not isinstance(value, str):
        raise files.Refused("'pupils' is not a file name", 400)
    path = files.inside(served.folder, value, files.CLASS_LIST_SUFFIXES)
    if not path.is_file():
        raise files.Refused("no such class list", 404)
    return value


def _material(served: Served, name: str) -> Path:
    """A material or layout of the folder that exists."""
    path = files.inside(served.folder, name, files.MATERIAL_SUFFIXES)
    if not path.is_file():
        raise files.Refused("no such file", 404)
    return path


def _new_file(served: Served, name: str, suffixes: tuple[str, ...]) -> Path:
    """Where a new file goes: directly in the folder (the page makes no sub-folders)."""
    path = files.inside(served.folder, name, suffixes)
    if "/" in name:
        raise files.Refused("only files inside the folder may be used")
    return path


async def index(request: Request) -> Response:
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    page = page.replace("{{nonce}}", request.state.csp_nonce)
    return Response(page, media_type="text/html; charset=utf-8", headers={"cache-control": "no-store"})


async def words(request: Request) -> Response:
    return JSONResponse(
        {"languages": list(LANGUAGES), "words": page_words(request.query_params.get("lang", "nb"))},
    )


async def schema(request: Request) -> Response:
    """The materials' JSON Schema, for the editor's completion (the same as `smartprint schema`)."""
    from smartprint.check.schema import material_schema

    return JSONResponse(material_schema(), headers={"cache-control": "max-age=3600"})


def _builds_ok(served: Served, name: str) -> bool | None:
    assert served.builds is not None
    state = served.builds.states.get(Key(name))
    if state is None or state.latest is None:
        return None
    return bool(state.latest["ok"])


async def listing(request: Request) -> Response:
    from smartprint.kinds import KINDS
    from smartprint.load import resources

    served = _served(request)
    listed = files.listing(served.folder)
    entries = [{**asdict(e), "builds": _builds_ok(served, e.name)} for e in listed.entries]
    return JSONResponse(
        {"files": entries, "cut": listed.cut, "builtins": resources.builtin_names("decks"), "kinds": list(KINDS)}
    )


async def read_file(request: Request) -> Response:
    served = _served(request)
    name = request.query_params.get("name", "")
    text, version = files.read_text(_material(served, name))
    served.known[name] = version
    return JSONResponse({"name": name, "text": text, "version": version})


async def save_file(request: Request) -> Response:
    """Save the page's text, unless the file changed since the page last read it: then
    nothing is written and the page gets the file's text to show beside its own (an
    answer, not an error: the browser logs every 4xx as one)."""
    served = _served(request)
    data = await _json(request)
    name, text, base = _text(data, "name"), _text(data, "text"), _text(data, "base")
    pupils = _pupils(served, data.get("pupils"))
    path = _material(served, name)
    encoded = text.encode("utf-8")
    if len(encoded) > files.MAX_TEXT_BYTES:
        raise files.Refused("too large", 413)
    disk_text, disk_version = files.read_text(path)
    if disk_version != base and data.get("force") is not True:
        served.known[name] = disk_version
        return JSONResponse({"conflict": True, "text": disk_text, "version": disk_version})
    version = files.write_atomically(path, encoded) if disk_version != files.version(encoded) else disk_version
    served.known[name] = version
    builds = _builds(request)
    builds.rebuild_where(lambda key: key.name == name)
    if Key(name, pupils) not in builds.states:
        builds.request(Key(name, pupils))
    return JSONResponse({"conflict": False, "version": version})


async def new_file(request: Request) -> Response:
    """Copy a built-in material (or a kind's starter) into the folder, as `smartprint new`."""
    from smartprint.commands.newfile import NewFileError, write_new

    served = _served(request)
    data = await _json(request, 10_000)
    source, name = _text(data, "source"), _text(data, "name")
    if "." not in name:
        name += ".yaml"
    path = _new_file(served, name, files.MATERIAL_SUFFIXES)
    try:
        write_new(source, str(path))
    except NewFileError as exc:
        return PlainTextResponse(str(exc).replace(str(served.folder) + "/", ""), status_code=409)
    served.broadcast({"type": "files"})
    return JSONResponse({"name": name})


async def upload(request: Request) -> Response:
    """A class list or a picture, bounded in size, written atomically; never over a file."""
    served = _served(request)
    name = request.query_params.get("name", "")
    path = _new_file(served, name, files.UPLOAD_SUFFIXES)
    data = await _body(request, files.MAX_UPLOAD_BYTES)
    if path.exists():
        raise files.Refused("a file of that name is already in the folder", 409)
    files.write_atomically(path, data)
    served.broadcast({"type": "files"})
    return JSONResponse({"name": name})


async def build_state(request: Request) -> Response:
    """The last build of a material (with a class list or not): asked for when there is none."""
    served = _served(request)
    name = request.query_params.get("name", "")
    _material(served, name)
    key = Key(name, _pupils(served, request.query_params.get("pupils")))
    builds = _builds(request)
    state = builds.states.get(key)
    if state is None:
        state = builds.request(key)
    if request.query_params.get("wait") == "1":
        state = await builds.settled(key)
    return JSONResponse(
        {
            "name": name,
            "pupils": key.pupils,
            "running": state.running,
            "serial": state.serial,
            "latest": state.latest,
            "good": state.good,
        },
        headers={"cache-control": "no-store"},
    )


async def png(request: Request) -> Response:
    digest = request.path_params["digest"]
    if not (len(digest) == 24 and all(c in "0123456789abcdef" for c in digest)):
        raise files.Refused("no such page", 404)
    path = _builds(request).store / f"{digest}.png"
    if not path.is_file():
        raise files.Refused("no such page", 404)
    return FileResponse(path, media_type="image/png", headers={"cache-control": "private, max-age=86400, immutable"})


async def pdf(request: Request) -> Response:
    name = request.path_params["name"]
    path = _builds(request).pdf(request.path_params["serial"], name)
    if path is None or not path.is_file():
        raise files.Refused("this PDF is no longer kept; the page has a newer one", 404)
    return FileResponse(path, media_type="application/pdf", filename=name, headers={"cache-control": "no-store"})


async def events(request: Request) -> Response:
    """Server-sent events: `built` (a build ended), `changed` (a file was changed on disk),
    `files` (a file came or went)."""
    served = _served(request)
    queue: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue(EVENT_QUEUE)
    served.listeners.add(queue)

    async def stream() -> AsyncIterator[str]:
        try:
            yield "retry: 1000\n\n"
            while True:
                try:
                    event = await asyncio.wait_for(queue.get(), HEARTBEAT_S)
                except TimeoutError:
                    yield ": still here\n\n"
                    continue
                if event is None:
                    return
                yield f"data: {json.dumps(event)}\n\n"
        finally:
            served.listeners.discard(queue)

    return StreamingResponse(stream(), media_type="text/event-stream", headers={"cache-control": "no-store"})


async def refused(request: Request, exc: Exception) -> Response:
    status = exc.status if isinstance(exc, files.Refused) else 400
    return PlainTextResponse(str(exc), status_code=status, headers={"cache-control": "no-store"})


async def not_found(request: Request, exc: Exception) -> Response:
    return PlainTextResponse("not found", status_code=404)


async def no_icon(request: Request) -> Response:
    return Response(status_code=204)  # browsers ask for one; the page has none


async def _follow(served: Served, stop: asyncio.Event) -> None:
    """Edits from other programs, in the folder and the sub-folders the list shows (each
    watched on its own, so a large tree beside them costs nothing): a material whose text
    is not the one the page last saw or read is announced (the page shows it, or both
    versions) and rebuilt; a class list, picture or layout that changed rebuilds every open
    material. A folder that comes or goes starts the watch again over the new list."""
    while not stop.is_set():
        folders = files.listing(served.folder).folders
        try:
            await _follow_folders(served, stop, folders)
        except OSError:  # a folder went between listing and watching: list again
            await asyncio.sleep(0.2)


async def _follow_folders(served: Served, stop: asyncio.Event, folders: list[str]) -> None:
    """Follow `folders` until `stop`, or until the folders to follow are no longer these."""
    from watchfiles import awatch

    assert served.builds is not None
    builds = served.builds
    watched = [served.folder / where for where in folders]
    async for changes in awatch(*watched, stop_event=stop, recursive=False, debounce=400, step=30):
        names = {
            Path(path).relative_to(served.folder).as_posix()
            for _, path in changes
            if Path(path).is_relative_to(served.folder)
        }
        listed = False
        for name in sorted(names):
            try:
                path = files.inside(served.folder, name)
            except files.Refused:
                listed = listed or not Path(name).name.startswith(".")  # a folder came or went, maybe
                continue
            if not path.is_file():
                listed = True
                continue
            if path.suffix.lower() in files.MATERIAL_SUFFIXES:
                try:
                    text, version = files.read_text(path)
                except (OSError, files.Refused):
                    continue
                if name not in served.known:
                    listed = True
                if served.known.get(name) == version:
                    continue  # the page's own save
                served.known[name] = version
                served.broadcast({"type": "changed", "name": name, "version": version})
                if files.role_of(path)[0] == "layout":
                    builds.rebuild_where(lambda key: True)  # any material may use it
                else:
                    builds.rebuild_where(lambda key, name=name: key.name == name)  # type: ignore[misc]
            else:
                listed = True
                builds.rebuild_where(lambda key: True)
        if listed:
            served.broadcast({"type": "files"})
            if files.listing(served.folder).folders != folders:
                return


async def _check_all(served: Served) -> None:
    """Build each material once at start, one at a time, so the list says which build."""
    assert served.builds is not None
    await served.builds.warm()
    for entry in files.entries(served.folder)[:MAX_CHECKED]:
        if entry.role == "material" and Key(entry.name) not in served.builds.states:
            served.builds.request(Key(entry.name))
            await served.builds.settled(Key(entry.name))
            served.broadcast({"type": "files"})


def create_app(served: Served) -> Any:
    """The ASGI application for `served`, guarded."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        cache = Path(tempfile.mkdtemp(prefix="smartprint-serve-"))
        served.builds = Builds(served.folder, cache, served.limits, served.announce)
        stop = asyncio.Event()
        tasks = [asyncio.create_task(_check_all(served))] if served.check_at_start else []
        if served.watch:
            tasks.append(asyncio.create_task(_follow(served, stop)))
        try:
            yield
        finally:
            stop.set()
            for queue in list(served.listeners):
                queue.put_nowait(None)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await served.builds.close()
            shutil.rmtree(cache, ignore_errors=True)

    app = Starlette(
        routes=[
            Route("/", index),
            Route("/favicon.ico", no_icon),
            Route("/api/words", words),
            Route("/api/schema", schema),
            Route("/api/files", listing),
            Route("/api/file", read_file, methods=["GET"]),
            Route("/api/file", save_file, methods=["PUT"]),
            Route("/api/new", new_file, methods=["POST"]),
            Route("/api/upload", upload, methods=["POST"]),
            Route("/api/build", build_state),
            Route("/api/png/{digest}.png", png),
            Route("/api/pdf/{serial:int}/{name}", pdf),
            Route("/api/events", events),
            Mount("/static", StaticFiles(directory=STATIC)),
        ],
        exception_handlers={files.Refused: refused, 404: not_found},
        lifespan=lifespan,
    )
    app.state.served = served
    return Guard(app, served.token, lambda: served.port)

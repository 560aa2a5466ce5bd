"""Builds for the page: in worker processes, one at a time per file, the newest edit
winning, and never more than the workers at once.

A material with a class list is its own build (`Key`). While a build runs, further saves
only raise the wanted count; when it ends, the file is built once more if it changed, so
a burst of edits costs two builds, not two hundred. A build that fails keeps the last
good result beside it (shown as old); a worker that dies or runs past the time limit is
killed and replaced, and the build is reported as failed."""

from __future__ import annotations

import asyncio
import itertools
import json
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TIME_LIMIT_S = 60.0  # a build of 1,000 bingo sheets takes seconds; a minute is a runaway
MEMORY_LIMIT_BYTES = 2 * 1024**3  # the worker's address space
START_LIMIT_S = 60.0  # a cold start on a busy machine
SWEEP_AFTER_S = 60.0  # a page picture no build shows is removed this long after it was made


@dataclass(frozen=True)
class Limits:
    seconds: float = TIME_LIMIT_S
    memory_bytes: int = MEMORY_LIMIT_BYTES
    workers: int = 2


@dataclass(frozen=True)
class Key:
    """One build: a material, and the class list chosen for it ("" for none)."""

    name: str
    pupils: str = ""


class WorkerLost(Exception):
    """The worker died or ran past the time limit; `reason` says which."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class Worker:
    """One build process, started warm and reused build after build."""

    def __init__(self, folder: Path, limits: Limits):
        self.folder, self.limits = folder, limits
        self.process: asyncio.subprocess.Process | None = None
        self.ids = itertools.count(1)
        self.starting = asyncio.Lock()

    async def ready(self) -> None:
        """Start the process unless it runs (once, however many ask at the same time)."""
        async with self.starting:
            if self.process is None or self.process.returncode is not None:
                await self.start()

    async def start(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "smartprint.serve.worker",
            str(self.limits.memory_bytes),
            cwd=self.folder,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            limit=2**24,
        )
        await self._reply(START_LIMIT_S)  # {"ready": true}

    async def _reply(self, seconds: float) -> dict[str, Any]:
        assert self.process is not None and self.process.stdout is not None
        try:
            line = await asyncio.wait_for(self.process.stdout.readline(), seconds)
        except TimeoutError:
            self.kill()
            raise WorkerLost("time") from None
        if not line:
            self.kill()
            raise WorkerLost("crash")
        reply: dict[str, Any] = json.loads(line)
        return reply

    async def run(self, request: dict[str, Any]) -> dict[str, Any]:
        await self.ready()
        assert self.process is not None and self.process.stdin is not None
        request = {**request, "id": next(self.ids)}
        try:
            self.process.stdin.write((json.dumps(request) + "\n").encode())
            await self.process.stdin.drain()
        except (BrokenPipeError, ConnectionResetError):
            self.kill()
            raise WorkerLost("crash") from None
        return await self._reply(self.limits.seconds)

    def pid(self) -> int | None:
        return self.process.pid if self.process is not None and self.process.returncode is None else None

    def kill(self) -> None:
        if self.process is not None and self.process.returncode is None:
            try:
                self.process.kill()
            except ProcessLookupError:
                pass  # it had just ended
        self.process = None

    async def stop(self) -> None:
        """End the process and wait for it, so nothing is left behind."""
        process = self.process
        self.kill()
        if process is not None:
            await process.wait()


@dataclass
class State:
    """What the page knows of one build."""

    wanted: int = 0
    done: int = 0
    running: bool = False
    latest: dict[str, Any] | None = None  # the last build's answer, good or not
    good: dict[str, Any] | None = None  # the last build that made pages
    serial: int = 0
    idle: asyncio.Event = field(default_factory=asyncio.Event)


class Builds:
    """Every build the page asked for, and the workers that make them."""

    def __init__(self, folder: Path, cache: Path, limits: Limits, announce: Callable[[Key, State], None]):
        self.folder, self.cache, self.limits, self.announce = folder, cache, limits, announce
        self.store = cache / "png"
        self.store.mkdir(parents=True, exist_ok=True)
        self.states: dict[Key, State] = {}
        self.free: asyncio.Queue[Worker] = asyncio.Queue()
        self.workers = [Worker(folder, limits) for _ in range(max(1, limits.workers))]
        for worker in self.workers:
            self.free.put_nowait(worker)
        self.tasks: set[asyncio.Task[None]] = set()
        self.serials = itertools.count(1)
        self.sweep_after = SWEEP_AFTER_S

    async def warm(self) -> None:
        """Start every worker now, so the first build does not wait for one to start."""
        await asyncio.gather(*(worker.ready() for worker in self.workers), return_exceptions=True)

    def state(self, key: Key) -> State:
        return self.states.setdefault(key, State())

    def request(self, key: Key) -> State:
        """Build `key` (again): at once if it is not building, else once its build ends."""
        state = self.state(key)
        state.wanted += 1
        state.idle.clear()
        if not state.running:
            state.running = True
            task = asyncio.get_running_loop().create_task(self._loop(key, state))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)
        return state

    def rebuild_where(self, wanted: Callable[[Key], bool]) -> None:
        for key in list(self.states):
            if wanted(key):
                self.request(key)

    async def settled(self, key: Key) -> State:
        """The state once every build asked for so far has ended."""
        state = self.state(key)
        while state.running or state.done < state.wanted:
            await state.idle.wait()
        return state

    async def _loop(self, key: Key, state: State) -> None:
        try:
            while state.done < state.wanted:
                target = state.wanted
                result = await self._build(key)
                state.done = target
                self._publish(key, state, result)
        finally:
            state.running = False
            state.idle.set()

    async def _build(self, key: Key) -> dict[str, Any]:
        serial = next(self.serials)
        out = self.cache / "builds" / str(serial)
        out.mkdir(parents=True)
        request = {"source": key.name, "pupils": key.pupils or None, "out": str(out), "store": str(self.store)}
        worker = await self.free.get()
        try:
            result = await worker.run(request)
        except WorkerLost as lost:
            result = {"ok": False, "problems": [], "failure": lost.reason}
        finally:
            self.free.put_nowait(worker)
        result["serial"] = serial
        return result

    def _publish(self, key: Key, state: State, result: dict[str, Any]) -> None:
        old = [s for s in (state.latest, state.good) if s is not None]
        state.latest = result
        if result["ok"]:
            state.good = result
        state.serial = result["serial"]
        kept = {s["serial"] for s in (state.latest, state.good) if s is not None}
        for gone in old:
            if gone["serial"] not in kept:
                shutil.rmtree(self.cache / "builds" / str(gone["serial"]), ignore_errors=True)
        if not result["ok"]:
            shutil.rmtree(self.cache / "builds" / str(result["serial"]), ignore_errors=True)
        self.announce(key, state)
        asyncio.get_running_loop().call_later(self.sweep_after, self.sweep)

    def sweep(self) -> None:
        """Remove the page pictures no kept build shows, once they are old enough that no
        page can still be loading them (a long session would otherwise fill the disk)."""
        shown = {
            page["png"]
            for state in self.states.values()
            for result in (state.latest, state.good)
            if result is not None and result["ok"]
            for page in result["pages"]
        }
        now = time.time()
        for png in self.store.glob("*.png"):
            try:
                if png.stem not in shown and now - png.stat().st_mtime >= self.sweep_after:
                    png.unlink()
            except OSError:
                pass  # removed meanwhile

    def pdf(self, serial: int, name: str) -> Path | None:
        """A PDF of a build still kept (the latest or last good one of some file)."""
        for state in self.states.values():
            for result in (state.latest, state.good):
                if result is not None and result["serial"] == serial and result["ok"]:
                    if any(f["name"] == name for f in result["files"]):
                        return self.cache / "builds" / str(serial) / name
        return None

    async def close(self) -> None:
        for task in list(self.tasks):
            task.cancel()
        for worker in self.workers:
            await worker.stop()

"""`build --watch` and `preview --watch`: build, then wait for a source or any file its
build read (its layout chain, class list, pictures, fonts) to be saved, and build that
source again. With `build FOLDER --watch` the folder's materials come and go: one added
is built and then watched like the others, one removed is no longer watched (its PDF
stays: a teacher's PDF is never deleted), and a rename is both. A mistake is printed and
the watch goes on; Ctrl-C ends it (a build it interrupts leaves no temporary file: the
atomic write removes it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from smartprint.commands.folder import is_material, may_be_material, summary

DEBOUNCE_MS = 300  # editors save in several steps (write, rename); wait for them to settle
STEP_MS = 50
READY_MS = 100  # the watcher yields nothing after this long: it is running, so say "watching"

Build = Callable[[Path], bool]  # build one source, say what it wrote or what is wrong; whether it was built


@dataclass
class _Material:
    shown: Path  # as the build is given it, so its messages name it as the teacher does
    in_folder: bool  # found in a watched folder: dropped when its file is gone
    reads: set[Path] = field(default_factory=set)  # every file its builds read, resolved


def watch(build: Build, sources: Iterable[Path], say: Callable[[str], None], folders: Iterable[Path] = ()) -> None:
    """Build every source now, then each one again after a save of a file it read, and
    (with `folders`) a material that appears in a folder, until Ctrl-C
    (KeyboardInterrupt, raised to the caller); returns only when the folders to watch
    are gone (having said so)."""
    watched = _Watched(sources, folders)
    due: list[_Material] | None = list(watched.materials.values())
    while due is not None:
        before = watched.stamps()
        failed = [str(material.shown) for material in due if not watched.build(material, build)]
        if watched.folders and len(due) > 1:
            say(summary(len(due), failed))
        due = _wait(watched, before, say)


def _wait(watched: _Watched, before: dict[Path, int | None], say: Callable[[str], None]) -> list[_Material] | None:
    """Say "watching" once the watcher runs; return the materials to build when a change
    concerns any (a change that concerns none, such as a layout no material uses, is
    waited out quietly), or None when there is no folder left to watch."""
    import watchfiles

    def concerns(change: watchfiles.Change, name: str) -> bool:
        return watched.concerns(Path(name))

    folders = watched.folders_to_watch()
    if not folders:
        say(f"stopped watching: {watched.gone() or 'its folder'} is gone")
        return None
    announced = False
    try:
        for changes in watchfiles.watch(
            *folders,
            watch_filter=concerns,
            debounce=DEBOUNCE_MS,
            step=STEP_MS,
            recursive=False,
            rust_timeout=READY_MS,
            yield_on_timeout=True,
        ):
            touched = {Path(name).resolve() for _, name in changes}
            if not announced:  # the watcher runs now; a change during the build was not seen by it
                touched |= watched.changed_since(before)
            if touched and (due := _take(watched, touched, say)) is not None:
                return due
            if not announced:
                announced = True
                say(f"watching for changes ({watched.describe()}); Ctrl-C stops")
    except OSError as exc:  # a folder went away as the watcher started: watch the others
        if all(folder.is_dir() for folder in folders):
            say(f"stopped watching: {exc.strerror or exc}")
            return None
        return _take(watched, watched.changed_since(before), say) or []
    return []


def _take(watched: _Watched, touched: set[Path], say: Callable[[str], None]) -> list[_Material] | None:
    """Say what `touched` means and return the materials to build; None when it
    concerns no material (nothing is said)."""
    due, lines = watched.take(touched)
    for line in lines:
        say(line)
    return due if due or lines else None


class _Watched:
    """The materials being watched, what each one's builds read, and the folders whose
    materials may come and go."""

    def __init__(self, sources: Iterable[Path], folders: Iterable[Path]) -> None:
        self.folders = {folder.resolve(): folder for folder in folders}
        self.materials: dict[Path, _Material] = {}
        for path in sources:
            key = path.resolve()
            self.materials.setdefault(key, _Material(path, in_folder=key.parent in self.folders))
        self._files = set(self.materials)

    def build(self, material: _Material, build: Build) -> bool:
        """Build one material, noting the files it read (after a mistake a build reads
        less: what earlier builds read stays watched)."""
        from smartprint.load import reads

        with reads.recording() as read:
            built = build(material.shown)
        material.reads |= read
        self._files |= read
        return built

    def concerns(self, name: Path) -> bool:
        """A file some build read, or a name in a watched folder that could be a material
        (a PDF or a temporary file the build writes never is)."""
        path = name.resolve()
        return path in self._files or self._in_folder(path)

    def take(self, touched: set[Path]) -> tuple[list[_Material], list[str]]:
        """The materials to build after `touched` changed, and what to say about it:
        materials removed from a folder are dropped, new ones added."""
        removed: set[Path] = set()
        added: list[_Material] = []
        saved: set[str] = set()
        for path in sorted(touched):
            material = self.materials.get(path)
            if material is not None and material.in_folder and not path.is_file():
                removed.add(path)
                del self.materials[path]
            elif material is None and self._is_new_material(path):
                self.materials[path] = material = _Material(self.folders[path.parent] / path.name, in_folder=True)
                added.append(material)
        due = list(added)
        for path, material in self.materials.items():
            if material not in added and (path in touched or material.reads & touched):
                due.append(material)
                saved |= {p.name for p in touched & (material.reads | {path}) if p not in removed}
        self._files = set(self.materials).union(*(material.reads for material in self.materials.values()))
        lines = []
        if removed:
            lines.append(f"removed: {', '.join(sorted(p.name for p in removed))}; no longer watched (the PDF stays)")
        if added:
            names = ", ".join(material.shown.name for material in added)
            lines.append(f"new: {names}; building {'it' if len(added) == 1 else 'them'}")
        if saved:
            lines.append(f"saved: {', '.join(sorted(saved))}; building again")
        return sorted(due, key=lambda material: str(material.shown).lower()), lines

    def _is_new_material(self, path: Path) -> bool:
        """A file in a watched folder that reads as a material: when half of it is written
        and it says neither `kind:` nor `title:` yet, it is taken on a later save."""
        return self._in_folder(path) and path.is_file() and is_material(path)

    def _in_folder(self, path: Path) -> bool:
        return path.parent in self.folders and may_be_material(path)

    def folders_to_watch(self) -> list[Path]:
        """Every folder holding a watched file, and the watched folders themselves; none
        when every watched folder is gone."""
        if self.folders and not any(folder.is_dir() for folder in self.folders):
            return []
        found = {path.parent for path in self._files} | set(self.folders)
        return sorted(folder for folder in found if folder.is_dir())

    def gone(self) -> str:
        """The watched folders that are no longer there, by the names they were given."""
        return ", ".join(str(shown) for folder, shown in self.folders.items() if not folder.is_dir())

    def stamps(self) -> dict[Path, int | None]:
        """Each watched file's modification time (None: not there), and each possible
        material's in a watched folder, to see a change the watcher missed."""
        paths = set(self._files)
        for folder in self.folders:
            try:
                paths |= {entry.resolve() for entry in folder.iterdir() if may_be_material(entry)}
            except OSError:
                continue  # the folder went away; its files are missed as they are
        return _stamps(paths)

    def changed_since(self, before: dict[Path, int | None]) -> set[Path]:
        """The files changed since `before` was taken: a watched file saved or removed, a
        possible material added to a watched folder (a file first read by the build
        since is not a change)."""
        now = self.stamps()
        appeared = {path for path in now.keys() - before.keys() if self._in_folder(path)}
        return appeared | {path for path, stamp in before.items() if now.get(path) != stamp}

    def describe(self) -> str:
        """What is watched, in a few words."""
        count = len(self.materials)
        others = len(self._files - set(self.materials))
        if count == 0:
            return "no material in the folder now; a new one is built"
        what = "the source" if count == 1 and not self.folders else f"{count} material{'s' if count != 1 else ''}"
        uses = "it uses" if count == 1 else "they use"
        return what + (f" and {others} other file{'s' if others != 1 else ''} {uses}" if others else "")


def _stamps(paths: Iterable[Path]) -> dict[Path, int | None]:
    """Each file's modification time (None: not there), to see a save the watcher missed."""
    stamps: dict[Path, int | None] = {}
    for path in paths:
        try:
            stamps[path] = path.stat().st_mtime_ns
        except OSError:
            stamps[path] = None
    return stamps

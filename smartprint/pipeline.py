"""The road every material drives on: load → validate → resolve → plan → draw → write.

Each step raises `UserError` for the user's mistakes; nothing is written until
every check has passed, and then only through an atomic replace.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from types import ModuleType
from typing import Any, BinaryIO

from smartprint import resources
from smartprint.errors import Problem, UserError, display_path
from smartprint.source import Path_, Source, load_file


@dataclass(frozen=True)
class Options:
    """What the command line may override."""

    layout: str | None = None
    backs: str | None = None
    sheets: int | None = None
    seed: int | None = None
    only: tuple[int, ...] | None = None
    progress: bool = False


@dataclass
class Job:
    src: Source
    spec: Any
    kind: ModuleType
    layout: Any
    fonts: Any
    options: Options

    @property
    def name(self) -> str:
        return self.src.path.stem


def locate_source(arg: str) -> Path:
    """A YAML path, or the name of a built-in deck."""
    path = Path(arg)
    if path.is_file():
        return path
    builtin = resources.builtin_path("decks", arg)
    if builtin is not None:
        return builtin
    if path.suffix.lower() in (".yaml", ".yml") or "/" in arg or "\\" in arg:
        raise UserError(f"{display_path(path)}: no such file")
    from smartprint.validation import did_you_mean

    names = resources.builtin_names("decks")
    hint = did_you_mean(arg, names) or f"; built-in: {', '.join(names)}"
    raise UserError(f"{arg}: no such file, and no built-in material of that name{hint}")


def load_spec(path: Path) -> tuple[Source, Any, ModuleType]:
    """Load and validate a material file against its kind's model."""
    from smartprint.kinds import KINDS, kind_module
    from smartprint.validation import did_you_mean, validate

    src = load_file(path)
    if not isinstance(src.data, dict):
        raise UserError(src.problem((), "a material file must be a group of 'key: value' lines "
                                         "starting with 'kind:' and 'title:'"))
    kind = src.data.get("kind")
    if kind is None:
        raise UserError(src.problem((), f"'kind' is missing; start the file with 'kind: …' "
                                         f"({', '.join(KINDS)})"))
    if not isinstance(kind, str) or kind not in KINDS:
        hint = did_you_mean(str(kind), list(KINDS)) or f"; known kinds: {', '.join(KINDS)}"
        raise UserError(src.problem(("kind",), f"unknown kind '{kind}'{hint}"))
    module = kind_module(kind)
    return src, validate(module.Spec, src.data, src), module


def check_glyphs(src: Source, fonts: Any) -> None:
    """Every printed character must exist in the fonts; name each one that does not."""
    from smartprint.fonts import describe_char, missing_glyphs
    from smartprint.spec import NOT_PRINTED

    problems: list[Problem] = []

    def walk(node: Any, loc: Path_) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key not in NOT_PRINTED:
                    walk(value, loc + (key,))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, loc + (i,))
        elif isinstance(node, str):
            missing = missing_glyphs(node, fonts)
            if missing:
                chars = ", ".join(describe_char(ch) for ch in missing[:5])
                more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
                problems.append(src.problem(loc, f"the font {fonts.label} has no {chars}{more}; "
                                                 "remove it, or name a font file that has it with 'font:'"))

    walk(src.data, ())
    if problems:
        raise UserError(problems)


def prepare(arg: str, options: Options = Options()) -> Job:
    """Load, validate and resolve one material: its layout, fonts and characters."""
    from smartprint.fonts import load_fonts
    from smartprint.layout import load_layout, locate

    src, spec, module = load_spec(locate_source(arg))
    for flag in ("sheets", "seed", "only"):
        if getattr(options, flag) is not None and flag not in module.CLI_OPTIONS:
            raise UserError(f"--{flag} is for bingo sheets; {arg} is a '{src.data['kind']}' file, "
                            "so leave --" + flag + " out")
    if options.layout is not None:
        layout_arg, base, blame = options.layout, Path.cwd(), None
    elif spec.layout is not None:
        layout_arg, base, blame = spec.layout, src.path.parent, ("layout",)
    else:
        layout_arg, base, blame = module.DEFAULT_LAYOUT, Path.cwd(), None
    try:
        layout_path = locate(layout_arg, base)
    except FileNotFoundError as exc:
        if blame is None:
            raise UserError(f"--layout: {exc}") from None
        raise UserError(src.problem(blame, str(exc))) from None
    layout = load_layout(layout_path, options.backs)

    regular = bold = None
    if spec.font is not None:
        from smartprint.layout import font_file

        if isinstance(spec.font, str):
            regular = font_file(spec.font, src, ("font",))
        else:
            regular = font_file(spec.font.regular, src, ("font", "regular"))
            bold = font_file(spec.font.bold, src, ("font", "bold")) if spec.font.bold else None
    else:
        regular, bold = layout.font_regular, layout.font_bold
    try:
        fonts = load_fonts(regular, bold)
    except ValueError as exc:
        raise UserError(src.problem(("font",), str(exc))) from None
    check_glyphs(src, fonts)
    return Job(src, spec, module, layout, fonts, options)


def render(job: Job, out: str | BinaryIO) -> int:
    """Plan (with every check) and draw; returns the page count."""
    prepared = job.kind.prepare(job)
    return job.kind.draw(prepared, out)


def build_to(job: Job, target: Path) -> int:
    """Render into `target` atomically: an old file survives any failure untouched."""
    from smartprint.output import atomic_target

    with atomic_target(target) as tmp:
        return render(job, str(tmp))


def check_only(job: Job) -> int:
    """Everything a build does, into memory; nothing is written."""
    return render(job, BytesIO())

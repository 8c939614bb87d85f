"""The briefings file of ``livebrief run``: read it, check every key, resolve every path.

A briefings file is YAML::

    store: ../data/livebrief.duckdb        # optional; --store and then $LIVEBRIEF_STORE win
    defaults:                              # optional; what every briefing inherits
      formats: [html]
      output: ../reports/{name}
    briefings:
      - name: putin-kim                    # letters, digits, '.', '_', '-'
        sources: [000_fd0f76058283f76d.txt]
        parameters: {top_authors: 6}

Relative paths are relative to the file's folder; ``{name}`` in ``output`` is the briefing's
name. Checking is strict, so that a typo cannot silently change a schedule: an unknown or
duplicated key, a value of the wrong type, a missing notebook or a parameter the notebook does
not declare is a :class:`~livebrief.errors.ConfigError` whose one line names the file, the
briefing and the key.
"""

from __future__ import annotations

import difflib
import re
import reprlib
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from livebrief.errors import ConfigError, FetchError, InputError, OutputError
from livebrief.names import is_reserved, unreserved
from livebrief.remote import filesystem, is_remote

#: Keys of the file, of one briefing and of ``defaults``.
TOP_KEYS = ("store", "defaults", "briefings")
BRIEFING_KEYS = (
    "name",
    "sources",
    "page_key",
    "notebook",
    "parameters",
    "formats",
    "output",
    "pdf_engine",
)
DEFAULT_KEYS = ("notebook", "parameters", "formats", "output", "pdf_engine")
#: Notebook parameters that ``livebrief run`` sets itself.
RESERVED = ("source", "url", "page_key", "store", "since_snapshot")
#: What a scheduled notebook must declare: it reads its page from the store.
REQUIRED_PARAMETERS = ("page_key", "store")
DEFAULT_OUTPUT = "reports/{name}"
DEFAULT_FORMATS = ("html", "pdf")

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")


@dataclass(frozen=True)
class BriefingSpec:
    """One briefing of the file, checked, with its paths resolved.

    Attributes
    ----------
    name
        Its name, unique in the file: the key of its runs in the store.
    sources
        Files, folders (absolute paths) and URLs, ingested under ``page_key`` before it runs.
    page_key
        The store page it briefs (default: the name).
    notebook
        The notebook to run (default: the bundled ``notebooks/briefing.ipynb``).
    parameters
        Notebook parameters, each declared by the notebook and of its declared type.
    formats
        ``html`` and/or ``pdf``.
    output
        The folder of its ``briefing.*`` files: an absolute path, or a URL of an fsspec file
        system (``s3://bucket/briefings/alpha``) that every worker can write.
    pdf_engine
        ``weasyprint`` or ``chromium``.
    declared
        The notebook's parameters and their types.
    """

    name: str
    sources: tuple[str, ...]
    page_key: str
    notebook: Path
    parameters: dict[str, Any]
    formats: tuple[str, ...]
    output: Path | str
    pdf_engine: str
    declared: dict[str, str]

    @property
    def ingest_date(self) -> Date | None:
        """The ``date`` parameter, also used to read the sources; None when empty."""
        text = self.parameters.get("date") or ""
        return Date.fromisoformat(text) if text else None

    @property
    def ingest_tz(self) -> str | None:
        """The ``tz`` parameter, also used to read the sources; None when empty."""
        return self.parameters.get("tz") or None


@dataclass(frozen=True)
class Config:
    """A checked briefings file: where it is, its store (if it names one), its briefings."""

    path: Path
    store: Path | None
    briefings: tuple[BriefingSpec, ...]

    @property
    def folder(self) -> Path:
        """The folder relative paths are resolved from."""
        return self.path.parent


class _Loader(yaml.SafeLoader):
    """A safe YAML loader that refuses a key given twice in one mapping."""


def _mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            known = key in seen
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a key is a list or a mapping", key_node.start_mark
            ) from None
        if known:
            line = key_node.start_mark.line + 1
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} is given twice (line {line})", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


class _Checker:
    """Builds :class:`ConfigError` messages that name the file and the briefing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.where = ""

    def error(self, key: str, problem: str) -> ConfigError:
        where = f"{self.where}: " if self.where else ""
        return ConfigError(f"{self.path}: {where}{key}: {problem}")

    def keys(self, mapping: dict[Any, Any], allowed: tuple[str, ...], what: str) -> None:
        for key in mapping:
            if key not in allowed:
                near = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
                hint = f"did you mean {near[0]!r}?" if near else f"known: {', '.join(allowed)}"
                raise self.error(str(key), f"unknown key in {what} ({hint})")

    def text(self, value: Any, key: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, f"expected a non-empty string, got {_shown(value)}")
        return value

    def path_text(self, value: Any, key: str) -> str:
        text = self.text(value, key)
        if "\0" in text:
            raise self.error(key, "a path cannot hold a NUL character")
        return text

    def texts(self, value: Any, key: str, example: str) -> list[str]:
        if not isinstance(value, list) or not value:
            raise self.error(
                key, f"expected a non-empty list such as {example}, got {_shown(value)}"
            )
        return [self.text(v, f"{key}[{i}]") for i, v in enumerate(value)]


def _shown(value: Any) -> str:
    kind = "null" if value is None else type(value).__name__
    # reprlib: bounded however deep or wide the value (YAML aliases can nest a list 9**9 wide).
    text = reprlib.repr(value)
    return f"{kind} {text[:40]}" if value is not None else kind


def load_config(path: str | Path) -> Config:
    """Read and check a briefings file.

    Parameters
    ----------
    path
        The YAML file.

    Returns
    -------
    Config
        Its briefings with defaults applied and paths resolved.

    Raises
    ------
    ConfigError
        For an unreadable file, invalid YAML, or any key or value that is wrong; the message
        is one line naming the file, the briefing and the key.
    """
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8"
        raise ConfigError(f"{file}: cannot read the briefings file ({reason})") from None
    try:
        data = yaml.load(text, Loader=_Loader)  # a SafeLoader: builds plain values only
    except RecursionError:
        raise ConfigError(f"{file}: not valid YAML (nested too deep)") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{file}: {line}not valid YAML ({problem})") from None
    check = _Checker(file)
    if not isinstance(data, dict):
        raise ConfigError(f"{file}: expected a mapping with a 'briefings' list, got {_shown(data)}")
    check.keys(data, TOP_KEYS, "the file")
    folder = file.resolve().parent
    store = (
        (folder / check.path_text(data["store"], "store")).resolve() if "store" in data else None
    )
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        raise check.error("defaults", f"expected a mapping, got {_shown(defaults)}")
    check.keys(defaults, DEFAULT_KEYS, "defaults")
    items = data.get("briefings")
    if not isinstance(items, list) or not items:
        raise check.error("briefings", f"expected a non-empty list, got {_shown(items)}")
    specs: list[BriefingSpec] = []
    for index, item in enumerate(items, start=1):
        check.where = f"briefing {index}"
        if not isinstance(item, dict):
            raise check.error("briefings", f"item {index}: expected a mapping, got {_shown(item)}")
        if isinstance(item.get("name"), str):
            check.where = f"briefing {item['name']!r}"
        specs.append(_briefing(item, defaults, folder, check))
    _check_unique(specs, check)
    return Config(file, store, tuple(specs))


def _briefing(
    item: dict[Any, Any], defaults: dict[Any, Any], folder: Path, check: _Checker
) -> BriefingSpec:
    check.keys(item, BRIEFING_KEYS, "a briefing")
    for key in ("name", "sources"):
        if key not in item:
            raise check.error(key, "missing (every briefing needs a name and its sources)")
    name = _key(check.text(item["name"], "name"), "name", check)
    sources = [
        s if _is_url(s, f"sources[{i}]", check) else str(folder / s)
        for i, s in enumerate(check.texts(item["sources"], "sources", "[page.txt]"))
        if check.path_text(s, f"sources[{i}]")
    ]
    page_key = _key(check.text(item.get("page_key", name), "page_key"), "page_key", check)
    merged = {**defaults, **item}
    notebook = _notebook(merged.get("notebook"), folder, check)
    declared = _declared(notebook, check)
    params = dict(defaults.get("parameters") or {}) if _is_map(defaults, "parameters") else None
    if params is None:
        raise check.error("defaults.parameters", "expected a mapping of name: value")
    if not _is_map(item, "parameters"):
        raise check.error("parameters", "expected a mapping of name: value")
    params.update(item.get("parameters") or {})
    for key, value in params.items():
        _parameter(str(key), value, declared, notebook, check)
    formats = check.texts(merged.get("formats", list(DEFAULT_FORMATS)), "formats", "[html, pdf]")
    _formats(formats, check)
    output = check.path_text(merged.get("output", DEFAULT_OUTPUT), "output").replace("{name}", name)
    if is_remote(output):
        _remote_output(output, check)
    engine = check.text(merged.get("pdf_engine", "weasyprint"), "pdf_engine")
    _engine(engine, check)
    return BriefingSpec(
        name,
        tuple(sources),
        page_key,
        notebook,
        {str(k): v for k, v in params.items()},
        tuple(formats),
        output if is_remote(output) else (folder / output.removeprefix("file://")).resolve(),
        engine,
        declared,
    )


def _remote_output(url: str, check: _Checker) -> None:
    # Find a missing file system package (s3fs, ...) now, not after rendering every briefing.
    try:
        filesystem(url)
    except OutputError as exc:
        raise check.error("output", str(exc).removeprefix(f"{url}: ")) from None


def _is_map(mapping: dict[Any, Any], key: str) -> bool:
    return mapping.get(key) is None or isinstance(mapping[key], dict)


def _is_url(text: str, key: str, check: _Checker) -> bool:
    from livebrief.fetch import check_url, is_url

    if not is_url(text):
        return False
    try:
        check_url(text)
    except FetchError as exc:
        raise check.error(key, str(exc)) from None
    except ValueError as exc:  # urlsplit: a malformed address, such as "http://["
        raise check.error(key, f"{text!r} is not a valid URL ({exc})") from None
    return True


def _key(text: str, key: str, check: _Checker) -> str:
    if not _NAME.fullmatch(text):
        raise check.error(
            key,
            f"{text!r} has to be letters, digits, '.', '_' and '-', starting with a letter or "
            "digit (it names the page in the store and the output folder)",
        )
    if is_reserved(text):  # as `ingest --page-key` refuses it: the name of a folder
        raise check.error(
            key,
            f"{text!r} is a name Windows keeps for a device, and it names the page in the "
            f"store and the output folder: choose another (e.g. {unreserved(text)!r})",
        )
    return text


def _notebook(value: Any, folder: Path, check: _Checker) -> Path:
    from livebrief.render import default_notebook

    if value is None:
        return default_notebook()
    path = (folder / check.path_text(value, "notebook")).resolve()
    try:
        found = path.is_file()
    except OSError as exc:  # a name too long, say
        raise check.error("notebook", f"{path}: {exc.strerror}") from None
    if not found:
        raise check.error("notebook", f"no such notebook: {path}")
    return path


def _declared(notebook: Path, check: _Checker) -> dict[str, str]:
    from livebrief.render import notebook_parameters

    try:
        declared = notebook_parameters(notebook)
    except InputError as exc:
        raise check.error("notebook", str(exc)) from None
    missing = [p for p in REQUIRED_PARAMETERS if p not in declared]
    if missing:
        raise check.error(
            "notebook",
            f"{notebook.name} declares no {' or '.join(missing)} parameter: a scheduled "
            "notebook reads its page from the store (see notebooks/briefing.ipynb)",
        )
    return declared


def _parameter(
    key: str, value: Any, declared: dict[str, str], notebook: Path, check: _Checker
) -> None:
    where = f"parameters.{key}"
    if key in RESERVED:
        raise check.error(where, "set by livebrief run itself (give sources and page_key instead)")
    if key not in declared:
        known = ", ".join(n for n in declared if n not in RESERVED)
        raise check.error(where, f"{notebook.name} declares no such parameter (it has: {known})")
    kind = declared[key]
    ok = {
        "str": isinstance(value, str),
        "int": isinstance(value, int) and not isinstance(value, bool),
        "float": isinstance(value, int | float) and not isinstance(value, bool),
        "bool": isinstance(value, bool),
    }.get(kind, True)
    if not ok:
        scalar = value is not None and not isinstance(value, list | dict)  # lists: unbounded
        hint = f" (quote it: '{value}')" if kind == "str" and scalar else ""
        raise check.error(where, f"expected {kind}, got {_shown(value)}{hint}")
    if key == "date" and value:
        try:
            Date.fromisoformat(value)
        except ValueError:
            raise check.error(where, f"{value!r} is not a date in the form YYYY-MM-DD") from None
    if key == "tz" and value:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise check.error(where, f"{value!r} is not an IANA time zone") from None


def _formats(formats: list[str], check: _Checker) -> None:
    from livebrief.render import FORMATS

    for fmt in formats:
        if fmt not in FORMATS:
            raise check.error(
                "formats", f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})"
            )


def _engine(engine: str, check: _Checker) -> None:
    from livebrief.render.pdf import engines

    if engine not in engines():
        raise check.error("pdf_engine", f"unknown PDF engine {engine!r} ({', '.join(engines())})")


def _check_unique(specs: list[BriefingSpec], check: _Checker) -> None:
    names: dict[str, BriefingSpec] = {}
    outputs: dict[Path | str, BriefingSpec] = {}
    for spec in specs:
        check.where = f"briefing {spec.name!r}"
        if spec.name in names:
            raise check.error("name", "another briefing has the same name")
        if spec.output in outputs:
            other = outputs[spec.output].name
            raise check.error("output", f"{spec.output} is also the output of {other!r}")
        names[spec.name] = outputs[spec.output] = spec

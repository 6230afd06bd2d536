"""The tables a build reads, loaded once per build, and the fingerprint of everything that decides its results.

`load_tables` reads the actors registry and the gazetteer once and builds
them from the bytes it read; the fingerprint hashes those same bytes, so the
cache can never hold results made with other tables than its name says. It
also covers the rule tables as this process loaded them, all of the package's
own source as this process imported it (every file, not a hand-kept list),
and the versions of Python and of the libraries that change results.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .actors import Registry, load_registry, registry_from_bytes, registry_path
from .extract.places import Gazetteer, places_path
from .extract.places_file import read_places_bytes
from .model import Problem
from .rules import languages, rules_for

PACKAGE = Path(__file__).resolve().parent
# dateparser and what it parses with: a new version may read a date differently
LIBRARIES = ("dateparser", "regex", "python-dateutil", "pytz", "tzlocal", "PyYAML")


@dataclass(frozen=True)
class BuildTables:
    registry: Registry
    table_problems: tuple[Problem, ...]  # what is wrong in actors.yml and places.yml
    gazetteer: Gazetteer
    fingerprint: str


def package_source_digest(package: Path = PACKAGE) -> str:
    """Every file of the package (code and rule tables), by relative path and bytes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        data = path.read_bytes()
        digest.update(f"{path.relative_to(package).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def library_versions() -> str:
    found = [f"python {sys.version} {sys.implementation.cache_tag}"]
    for name in LIBRARIES:
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} absent")
    return "\n".join(found)


# Once per process, when the package is imported: the code that runs is the code this process loaded,
# so editing a file under `timeline serve` changes nothing until a restart, and neither does the fingerprint.
SOURCE_DIGEST = package_source_digest()
VERSIONS = library_versions()


def rules_digest() -> str:
    """The rule tables as this process loaded them (they are compiled once per process)."""
    return "\n".join(f"{language} {rules_for(language).digest}" for language in languages())


def code_digest() -> str:
    """What a worker process must share with the build that starts it: source, rules and versions."""
    return hashlib.sha256(f"{SOURCE_DIGEST}\n{rules_digest()}\n{VERSIONS}".encode()).hexdigest()


def load_tables(content_dirs: list[Path], last: BuildTables | None = None) -> BuildTables:
    """The registry and gazetteer for this build, each read once, and the fingerprint of the build's inputs;
    `last` (the previous build's, in a serve session), or else the last this process compiled, is this build's
    when the files read the same."""
    registry_file, places_file = registry_path(content_dirs), places_path(content_dirs)
    registry_bytes, places_bytes = _read(registry_file), _read(places_file) or b""
    digest = hashlib.sha256(code_digest().encode())
    for name, data in (("actors", registry_bytes or b""), ("places", places_bytes)):
        digest.update(f"\0{name}\0{len(data)}\0".encode())
        digest.update(data)
    fingerprint = digest.hexdigest()[:16]
    files = (str(registry_file), str(places_file))  # a problem in a table names its file
    last = last or _compiled_last.get(files)
    if last is not None and registry_bytes is not None and last.fingerprint == fingerprint:
        return last
    if registry_bytes is None:
        registry, problems = load_registry(content_dirs)  # it names the reason the file cannot be read
    else:
        registry, problems = registry_from_bytes(registry_bytes, str(registry_file))
    gazetteer, place_problems = read_places_bytes(places_bytes, str(places_file))
    tables = BuildTables(registry, tuple(problems + place_problems), gazetteer, fingerprint)
    _compiled_last.clear()
    if registry_bytes is not None:
        _compiled_last[files] = tables
    return tables


# The tables this process compiled last: its next build of the same files (the fingerprint hashes their bytes)
# takes them as they are, as a serve session's `KeptCaches` does; compiling them took 0.1-0.8 s.
_compiled_last: dict[tuple[str, str], BuildTables] = {}


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None

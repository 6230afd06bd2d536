"""Two builds of the same content give the same site, byte for byte, whatever the process, hash seed or cache."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWEST_SEED_DATE = "2023-01-02"


def copy_project(target: Path) -> Path:
    """The project's site configuration and content, in a folder of its own (with its own build cache)."""
    target.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", target)
    for folder in ("content", "seeds", "theme"):
        shutil.copytree(ROOT / folder, target / folder)
    return target


def build_in_a_process(project: Path, site: Path, hash_seed: str, **env: str) -> None:
    clean = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "PYTHONHASHSEED")}
    clean.update(PYTHONHASHSEED=hash_seed, SITE_URL="https://example.org/REPO/", **env)
    command = [sys.executable, "-m", "generator", "build", "--site-dir", str(site)]
    done = subprocess.run(command, cwd=project, env=clean, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]


def files_of(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_builds_in_two_processes_with_other_hash_seeds_and_caches_are_byte_identical(tmp_path):
    project = copy_project(tmp_path / "project")
    build_in_a_process(project, tmp_path / "one", "1")  # a cold cache; the sitemap's date comes from the content
    assert (project / ".timeline-cache").is_dir()
    epoch = int(datetime.fromisoformat(NEWEST_SEED_DATE).replace(tzinfo=UTC).timestamp())
    build_in_a_process(project, tmp_path / "two", "987654321", SOURCE_DATE_EPOCH=str(epoch + 3600))  # warm cache
    one, two = files_of(tmp_path / "one"), files_of(tmp_path / "two")
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    assert f"<lastmod>{NEWEST_SEED_DATE}</lastmod>" in one["sitemap.xml"].decode()
    assert "https://example.org/REPO/events/" in one["sitemap.xml"].decode()

"""Shared fixtures: the project's actors registry and gazetteer."""

from __future__ import annotations

import pytest
from stage_helpers import ROOT

from generator.actors import load_registry
from generator.extract.places_file import load_gazetteer


@pytest.fixture(scope="session")
def registry():
    found, problems = load_registry([ROOT / "content"])
    assert problems == []
    return found


@pytest.fixture(scope="session")
def gazetteer():
    return load_gazetteer([ROOT / "content"])

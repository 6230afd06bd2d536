"""A maintainer's correction on the site: the checked mark and the "Report a problem" link on the Makiivka page.

Built from a copy of content/ and seeds/ with a `corrections.yml`, and from a copy of mkdocs.yml with a
`repo_url`, so the report link is drawn; the page still makes no request to any host but this one.
"""

from __future__ import annotations

import json
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import ROOT, serve

from generator.site import build_site

pytestmark = pytest.mark.browser
REPO = "https://github.com/example/war-timeline"
MAKIIVKA_ARTICLE = "000_89fa540bf2fc3d56"
CORRECTION = (
    "corrections:\n"
    f"  - article: {MAKIIVKA_ARTICLE}\n"
    "    quote: Russia's Defense Ministry said 63 of its servicemen were killed\n"
    "    checked: true\n"
)


@pytest.fixture(scope="module")
def corrected_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corrected")
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    (folder / "content" / "corrections.yml").write_text(CORRECTION, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("docs_dir: content/pages", f"docs_dir: {ROOT / 'content' / 'pages'}")
    config = config.replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
    assert str(ROOT / "theme") in config
    (folder / "mkdocs.yml").write_text(f"repo_url: {REPO}\n" + config, encoding="utf-8")
    site = folder / "site"
    assert build_site([folder / "content", folder / "seeds"], site, folder / "mkdocs.yml") == 0
    timeline = json.loads((site / "data" / "timeline.json").read_text(encoding="utf-8"))
    event = next(e for e in timeline["events"] if MAKIIVKA_ARTICLE in e["main_articles"])
    server = serve(site)
    yield f"http://127.0.0.1:{server.server_port}/", event
    server.shutdown()


def test_the_checked_figure_shows_its_mark_with_text_and_tooltip(browser, corrected_site):
    base, event = corrected_site
    page = browser.new_page()
    page.goto(base + event["page"])
    mark = page.locator("table.tl-compare .tl-review.tl-checked")
    assert mark.count() == 1 and mark.is_visible()
    assert mark.get_attribute("role") == "img"
    assert mark.get_attribute("aria-label") == mark.get_attribute("title") == "checked by a maintainer"
    row = mark.locator("xpath=ancestor::tr")
    assert "63" in row.inner_text() and "Russia" in row.inner_text()
    figures = sum(len(c["figures"]) for c in event["claims"])
    assert f"1 of {figures} figures checked by a maintainer" in page.locator(".tl-review-count").inner_text()
    page.close()


def test_the_report_link_opens_a_prefilled_issue_without_javascript(browser, corrected_site):
    base, event = corrected_site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + event["page"])
    link = page.get_by_role("link", name="Report a problem", exact=True)
    assert link.count() == 1 and link.is_visible()
    form = urlsplit(link.get_attribute("href"))
    assert f"{form.scheme}://{form.netloc}{form.path}" == f"{REPO}/issues/new"
    fields = parse_qs(form.query)
    assert event["title"] in fields["title"][0] and f"Address: {event['page']}" in fields["body"][0]
    context.close()


def test_a_repo_url_makes_no_request_leave_this_host(browser, corrected_site):
    base, event = corrected_site
    page = browser.new_page()
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname))
    page.goto(base + event["page"])
    page.wait_for_load_state("networkidle")
    assert page.locator("a.md-source").count() >= 1  # Material's repository link is drawn
    page.close()
    assert hosts == {"127.0.0.1"}, hosts

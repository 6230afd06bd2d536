"""The theme's light pages still behave as Material's on a phone: the palette kept from page to page, the drawer,
back to top, Material's settings, and no script error (theme/assets/preferences.js and theme/partials)."""

from __future__ import annotations

import pytest
from stage_helpers import ROOT

from generator.site import read_project_config

pytestmark = pytest.mark.browser
MAKIIVKA = "events/2023-01-02-makiivka-attack/"
SCHEME = "document.body.getAttribute('data-md-color-scheme')"


def features() -> list[str]:
    return read_project_config(ROOT / "mkdocs.yml")["theme"]["features"]


@pytest.fixture
def watched(browser):
    """A 390 px page, with every script error and every failed request it meets."""
    context = browser.new_context(viewport={"width": 390, "height": 700})
    page = context.new_page()
    page.errors, page.failed = [], []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("response", lambda response: response.status >= 400 and page.failed.append(response.url))
    yield page
    context.close()


def test_the_palette_chosen_on_one_page_is_kept_on_the_next(watched, base_url):
    watched.goto(base_url)
    assert watched.evaluate(SCHEME) == "default"
    watched.locator("label.md-header__button[for^='__palette']:visible").click()
    assert watched.evaluate(SCHEME) == "slate"
    held = []  # Material's script held back: what follows is the page before it runs
    watched.route("**/assets/javascripts/bundle.*.min.js", lambda route: held.append(route))
    watched.goto(base_url + MAKIIVKA, wait_until="commit")  # a full load
    watched.wait_for_selector("article", state="attached")
    assert watched.evaluate(SCHEME) == "slate"  # the stored choice is on the page before it is drawn
    assert len(held) == 1
    held[0].continue_()
    watched.wait_for_load_state()
    toggle = watched.locator("label.md-header__button[for^='__palette']:visible")
    assert toggle.count() == 1 and toggle.get_attribute("title") == "Switch to light mode"
    toggle.click()
    assert watched.evaluate(SCHEME) == "default"
    assert watched.errors == []


def test_the_menu_icon_opens_the_drawer_with_the_navigation(watched, base_url):
    watched.goto(base_url + MAKIIVKA)
    menu = watched.locator("label.md-header__button[for='__drawer']")
    icon = menu.evaluate("m => { const s = getComputedStyle(m, '::before'); return [s.width, s.maskImage]; }")
    assert icon[0] == "24px" and icon[1].startswith("url(")  # drawn by CSS, at Material's icon size
    about = watched.locator(".md-nav--primary a.md-nav__link", has_text="About")
    assert about.bounding_box()["x"] < 0  # the drawer waits off the screen's left edge
    menu.click()
    watched.wait_for_function("document.getElementById('__drawer').checked")
    watched.wait_for_timeout(400)  # the drawer slides in
    assert 0 <= about.bounding_box()["x"] < 390
    about.click()
    watched.wait_for_url("**/about/")
    assert watched.errors == []


def test_back_to_top_appears_when_scrolling_up_and_goes_to_the_top(watched, base_url):
    watched.goto(base_url + MAKIIVKA)
    watched.mouse.wheel(0, 1500)
    watched.wait_for_timeout(300)
    watched.mouse.wheel(0, -200)
    top = watched.locator("button.md-top")
    top.wait_for(state="visible")
    assert top.inner_text().strip() == "Back to top"
    top.click()
    watched.wait_for_function("window.scrollY === 0")


@pytest.mark.parametrize("path", ["", MAKIIVKA, "404.html"])
def test_material_reads_its_settings_with_the_site_root_as_base(watched, base_url, path):
    watched.goto(base_url + path)
    settings = watched.evaluate("JSON.parse(document.getElementById('__config').textContent)")
    assert settings["base"] == base_url and settings["features"] == features()
    assert watched.evaluate("new URL('.', __md_scope).href") == base_url  # where stored choices are kept
    assert watched.errors == []
    # every request of the page is answered (the feed's link is "alternate feed", which Material's language
    # switch does not follow to ask data/ for a sitemap)
    assert watched.failed == []

"""The web front end in a real browser: Debian's Chromium driven by Playwright, against `iackg serve` on
loopback. Screenshots of the main pages go to test-artifacts/."""

import re
from pathlib import Path

import pytest
from conftest import ROOT

playwright = pytest.importorskip("playwright.sync_api", reason="installed by make test")
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM.exists(), "make test installs Debian's chromium"
    with playwright.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, base_url=live_server)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda message: page.problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("dialog", lambda dialog: page.problems.append(f"dialog: {dialog.message}"))
    page.on("request", lambda request: None if request.url.startswith((live_server, "data:")) else page.problems.append(f"outside request: {request.url}"))
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    assert page.problems == [], page.problems  # no console errors, no script dialogs, nothing fetched from elsewhere
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_home_then_search_then_facet(page):
    page.goto("/")
    assert "50" in page.locator(".counts").inner_text()
    assert page.locator("figure.timeline rect").count() > 10 and page.locator("figure.map g.country").count() > 10
    shot(page, "home")
    page.fill("#q", "tailings safety")
    page.keyboard.press("Enter")
    page.wait_for_selector("li.result")
    before = page.locator("li.result").count()
    page.locator("a.facet[data-facet=country]").first.click()
    page.wait_for_url(re.compile(r"country="))
    assert 0 < page.locator("li.result").count() <= before
    shot(page, "search")


def test_tmf_question_with_map_and_sparql(page):
    page.goto("/")
    page.fill("#q", "Which countries had TMF training?")
    page.keyboard.press("Enter")
    page.wait_for_selector("pre.sparql")
    on_map = page.locator("figure.map g.country").evaluate_all("gs => gs.map(g => g.dataset.iso3)")
    assert {"KAZ", "TJK"} <= set(on_map)
    # no training session on tailings in the corpus: every kind of activity on tailings, and the page says so
    assert "countries-by-topic-and-kind" in page.inner_text("main") and "Kazakhstan" in page.inner_text("table.answer")
    assert "No training session on tailings" in page.inner_text("p.notice")
    where_when = page.inner_text("table.where-when")
    assert "Almaty" in where_when and "2019-11-20" in where_when  # where and when, without leaving the page
    shot(page, "answer")
    page.click("#open-in-editor")
    page.wait_for_selector(".yasqe")
    assert "tailings-management-facilities" in page.locator(".CodeMirror").first.inner_text()


def test_editor_runs_a_query(page):
    page.goto("/editor")
    page.wait_for_selector(".yasqe")
    assert page.locator(".tabsList .tab").count() >= 9  # the saved queries as tabs
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table tbody tr")
    assert page.locator(".yasr table tbody tr").count() >= 10
    shot(page, "editor")


def test_entity_page_and_its_turtle_twin(page):
    page.goto("/id/country/KGZ")
    assert page.inner_text("h1") == "Kyrgyzstan"
    assert "Kyrgyz Republic" in page.inner_text("main")
    shot(page, "entity")
    turtle = page.request.get("/id/country/KGZ", headers={"Accept": "text/turtle"})
    assert turtle.headers["content-type"].startswith("text/turtle") and "iac:iso3" in turtle.text()


def test_document_view_highlights_the_quote(page):
    page.goto("/id/activity/2012-10-22-trainingsession-08cd288dab")
    page.locator("ul.quotes a").first.click()
    page.wait_for_selector("mark#focus")
    quote = "".join(page.locator("mark.focus").all_inner_texts()).lower()
    assert "training session" in quote
    assert page.locator("pre.document span.m-country").count() > 10  # mentions highlighted by kind
    shot(page, "document")


def test_ontology_term_page(page):
    page.goto("/ontology/TableTopExercise")
    assert page.inner_text("h1") == "Table-top exercise"
    assert "subClassOf" in page.inner_text("main")


def test_script_in_the_search_box_is_shown_as_text(page):
    page.goto("/")
    page.fill("#q", "<script>alert('x')</script>")
    page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    assert page.input_value("#q") == "<script>alert('x')</script>"
    assert page.locator("main script").count() == 0


@pytest.mark.parametrize("path", ["/", "/search?q=tailings+safety", "/id/country/KGZ", "/search?q=Which+countries+had+TMF+training%3F"])
def test_readable_on_a_phone(browser, live_server, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=live_server, is_mobile=True)
    page = context.new_page()
    page.goto(path)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 1, f"{path} scrolls sideways by {overflow}px on a phone"


def test_usable_by_keyboard(page):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"
    page.focus("#q")
    page.keyboard.type("What activities took place in Serbia?")
    page.keyboard.press("Enter")
    page.wait_for_selector("table.answer")
    assert "Belgrade" in page.inner_text("table.answer")

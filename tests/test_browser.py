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
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
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
    page.on(
        "request",
        lambda request: None if request.url.startswith((live_server, "data:")) else page.problems.append(f"outside request: {request.url}"),
    )
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
    assert page.locator("figure.timeline rect").count() > 10 and page.locator("figure.map a[data-iso3]:not([data-count='0'])").count() > 10
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
    on_map = page.locator("figure.map a[data-iso3]:not([data-count='0'])").evaluate_all("gs => gs.map(g => g.dataset.iso3)")
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
    assert page.locator(".tabsList .tab").count() == 1 and page.locator("#saved-queries button").count() >= 9  # (a side list)
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table tbody tr")
    assert page.locator(".yasr table tbody tr").count() >= 10
    shot(page, "editor")


def test_editor_results_as_a_map_and_a_chart(page):
    page.goto("/editor")
    page.wait_for_selector(".yasqe")
    page.locator("#saved-queries button", has_text="Number of activities per country").click()
    page.locator(".yasqe_queryButton:visible").click()
    page.wait_for_selector(".yasr table tbody tr >> visible=true")
    assert "^^" not in page.locator(".yasr table:visible").first.inner_text()  # (values, not "7"^^<…#integer>)
    page.locator(".yasr .select_map:visible").click()
    page.wait_for_selector(".yasr figure.map a[data-iso3=KAZ] >> visible=true")
    assert page.locator(".yasr figure.map a[data-iso3]:not([data-count='0']):visible").count() >= 10
    shot(page, "editor-map")
    page.locator("#saved-queries button", has_text="How many activities each year").click()
    page.locator(".yasqe_queryButton:visible").click()
    page.locator(".yasr .select_chart:visible").click()
    page.wait_for_selector(".yasr svg[role=img] >> visible=true")
    assert "2021" in page.locator(".yasr svg[role=img]:visible").get_attribute("aria-label")
    shot(page, "editor-chart")


def test_our_iris_in_editor_results_open_their_hubs_here(page):
    page.goto("/editor")
    page.wait_for_selector(".yasqe")
    page.evaluate(
        "() => window.iackgEditor.getTab().getYasqe().setValue("
        "'SELECT ?c WHERE { ?c a <https://w3id.org/iac/ontology#Country> ; <https://w3id.org/iac/ontology#iso3> \"KAZ\" }')"
    )
    page.locator(".yasqe_queryButton:visible").click()
    page.wait_for_selector(".yasr table a.iri >> visible=true")
    link = page.locator(".yasr table a.iri:visible").first
    assert link.get_attribute("href").endswith("/id/country/KAZ") and link.get_attribute("target") == "_self"


def test_the_editor_completes_by_name_shares_short_links_keeps_tabs_and_marks_errors(page):
    page.goto("/editor")
    page.wait_for_selector(".yasqe")
    assert page.evaluate("document.activeElement === document.body")  # (no focus grab: Tab goes through the page)
    page.locator("#saved-queries button", has_text="Country profile").click()
    assert page.locator(".tabsList .tab").count() == 2
    # completion by name, any case, from our own data
    page.evaluate("""() => { const y = window.iackgEditor.getTab().getYasqe(); y.setValue('SELECT * WHERE { ?a ?b country:ka'); y.focus();
                             y.getDoc().setCursor({line: 0, ch: 34}); }""")
    page.keyboard.press("Control+Space")
    page.wait_for_selector(".CodeMirror-hint")
    assert "country:KAZ" in page.inner_text(".CodeMirror-hints") and "Kazakhstan" in page.inner_text(".CodeMirror-hints")
    page.keyboard.press("Escape")
    # a short link served by us, which opens the same query
    page.evaluate(
        "() => window.iackgEditor.getTab().getYasqe().setValue('SELECT ?s WHERE { ?s a <https://w3id.org/iac/ontology#Region> }')"
    )
    page.click("#share")
    page.wait_for_selector("#share-link:not([hidden])")
    link = page.input_value("#share-link")
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/s/[0-9a-f]{12}", link) and page.locator("#copy-link").is_visible()
    page.goto(link)
    page.wait_for_selector(".yasqe")
    assert "ontology#Region" in page.locator(".CodeMirror").first.inner_text()
    # the tabs of the earlier visit are kept (the shared query is already in one: it is selected, not opened again)
    assert "Country profile" in page.inner_text(".tabsList") and page.locator(".tabsList .tab").count() == 2
    # a syntax error: said in words, and marked where it is
    page.evaluate("() => window.iackgEditor.getTab().getYasqe().setValue('SELECT * WHERE {\\n  ?s ?p }')")
    page.click(".yasqe_queryButton")
    page.wait_for_selector("#query-error:not([hidden])")
    assert "syntax error" in page.inner_text("#query-error") and page.locator(".query-error-line").count() == 1
    page.problems = [p for p in page.problems if "400" not in p and "Bad Request" not in p and "Error" not in p]  # (YASGUI logs the 400)
    shot(page, "editor-error")


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
    assert page.locator("pre.document a.m-country[href^='/id/country/']").count() > 10  # mentions by kind, linked to their hubs
    shot(page, "document")


def test_ontology_term_page(page):
    page.goto("/ontology/TableTopExercise")
    assert page.inner_text("h1") == "Table-top exercise"
    assert "Kind of\nExercise" in page.inner_text("dl.facts")  # (its hub: what it is, in words)


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


AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"


def axe_violations(page) -> list[str]:
    """The critical and serious accessibility violations axe-core (vendored, injected here) finds on the page."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => ['critical', 'serious'].includes(v.impact))"
        ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"
    )
    return found


def test_a_newcomer_goes_from_the_map_to_a_country_its_topic_and_the_sparql_behind_it(page):
    """Home map → Kazakhstan (its activities over time, its own and through Central Asia, with evidence) → the
    tailings topic → the SPARQL behind it, without typing a URL and without meeting a code or an IRI."""
    page.goto("/")
    page.locator("figure.map a[data-iso3=KAZ]").click()
    page.wait_for_url(re.compile(r"/id/country/KAZ$"))
    assert page.inner_text("h1") == "Kazakhstan"
    main = page.inner_text("main")
    assert "Казахстан" in main and "Q232" in main and "through Central Asia" in main
    assert page.locator("figure.timeline a").count() >= 10 and page.locator("li.activity blockquote").count() > 5
    assert not re.search(r"https?://|\b[a-z]+:[A-Z]\w+|topic/|country/", main.split("All facts about")[0])  # no IRI, no code
    shot(page, "hub-country")
    page.locator("li.activity a.topic", has_text="tailings management facilities").first.click()
    page.wait_for_url(re.compile(r"/id/topic/tailings-management-facilities$"))
    assert "хвостохранилища" in page.inner_text("main") and page.locator("figure.map a[data-iso3=TJK]").count() == 1
    shot(page, "hub-topic")
    page.get_by_text("See the SPARQL behind this list").click()
    page.wait_for_selector(".yasqe")
    assert "tailings-management-facilities" in page.locator(".CodeMirror").first.inner_text()


def test_a_timeline_year_filters_the_hubs_list(page):
    page.goto("/id/country/KAZ")
    assert page.locator("figure.timeline text.empty-year").count() >= 1  # (years without activity are shown)
    assert "Workshop" in page.inner_text("figure.timeline figcaption") and "Through a region" in page.inner_text(
        "figure.timeline figcaption"
    )  # (a legend in words)
    page.locator("figure.timeline a[aria-label^='2019 ']").click()
    page.wait_for_url(re.compile(r"year=2019"))
    assert "Activities in 2019" in page.inner_text("#activities")
    assert all(t.startswith("2019") for t in page.locator("li.activity time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))"))
    assert "November 2019" in page.inner_text("ol.activities")  # (dates in words)


@pytest.mark.parametrize("width", [1200, 390])
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/search?q=tailings+safety",
        "/search?q=Which+countries+had+TMF+training%3F",
        "/id/country/KAZ",
        "/id/region/central-asia",
        "/id/topic/land-use-planning",
        "/ontology/Workshop",
        "/year/2019",
        "/id/place/almaty-kz",
        "/queries/",
        "/editor",
        "/queries/activities-by-country?country=KAZ",
        "/id/activity/2012-10-22-trainingsession-08cd288dab",
        "/id/doc/almaty-tailings-workshop-2019.md",
        "/id/org/foen",
        "/sparql",
        "/id/country/NOWHERE",
    ],
)
def test_no_critical_or_serious_accessibility_violations(browser, live_server, path, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, base_url=live_server, is_mobile=width < 500)
    page = context.new_page()
    page.goto(path)
    found = axe_violations(page)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    if width < 500:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"phone{path.replace('/', '_').replace('?', '_')[:60]}.png"), full_page=True)
    context.close()
    assert found == [], found
    assert overflow <= 1, f"{path} scrolls sideways by {overflow}px at {width}px"


def test_the_map_and_the_facets_work_by_keyboard(page):
    """Tab reaches each country of the home map (a link with its name and count) and Enter opens its hub; a facet
    is reached and followed the same way."""
    page.goto("/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset && document.activeElement.dataset.iso3") == "KAZ":
            break
    else:
        raise AssertionError("Tab never reached Kazakhstan on the map")
    assert "Kazakhstan" in page.evaluate("document.activeElement.getAttribute('aria-label')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/id/country/KAZ$"))
    page.goto("/search?q=tailings+safety")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('facet')"):
            break
    else:
        raise AssertionError("Tab never reached a facet")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"country=|year=|type=|topic="))

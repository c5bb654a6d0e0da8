// The SPARQL editor: YASGUI on our endpoint, with our prefixes; completion of our classes, properties and
// entities by name (any case, any accents, English, Russian or French) from /api/complete; the saved queries in
// a side list; the user's own tabs kept between visits; short share links from /api/share; syntax errors marked
// at their place in the query. Nothing is fetched from elsewhere, and the page does not take the keyboard focus.
(function () {
  const config = JSON.parse(document.getElementById("editor-config").textContent);
  const Yasqe = Yasgui.Yasqe;
  const labels = {};
  const KEYWORDS = /^(select|where|prefix|filter|optional|union|graph|order|group|limit|offset|distinct|construct|describe|ask|bind|values|minus|service|having|as|by|desc|asc|from|named|not|exists|in|a)$/i;
  Yasqe.registerAutocompleter({
    name: "iackg",
    bulk: false,
    autoShow: true,
    persistenceId: null,
    get: function (yasqe, token) {
      const typed = (token && token.string) || "";
      return fetch(config.complete + "?" + new URLSearchParams({ q: typed }))
        .then((r) => r.json())
        .then((d) => d.terms.map(function (t) { labels[t.name] = t.label; return t.name; }));
    },
    isValidCompletionPosition: function (yasqe) {
      const typed = yasqe.getCompleteToken().string || "";
      return /^[A-Za-z][\w-]*:[^\s]*$/.test(typed) || (/^[^\s?$<>"'{}().;,:]{3,}$/.test(typed) && !KEYWORDS.test(typed));
    },
    preProcessToken: function (yasqe, token) { return token; },
    postProcessSuggestion: function (yasqe, token, suggestion) { return suggestion; },
    postprocessHints: function (yasqe, hints) {
      hints.forEach(function (h) { if (labels[h.text]) h.displayText = h.text + "  ·  " + labels[h.text]; });
      return hints;
    },
  });
  Yasqe.defaults.autocompleters = ["variables", "iackg"];

  // results as a map (a column of countries: their IRIs, or ISO 3-letter codes) and as a chart (a column of years,
  // or of words, against a column of counts), besides YASGUI's table
  const COUNTRY = "https://w3id.org/iac/id/country/";
  function columns(yasr) {
    const bindings = (yasr.results && yasr.results.getBindings && yasr.results.getBindings()) || [];
    const vars = (yasr.results && yasr.results.getVariables && yasr.results.getVariables()) || [];
    const values = (v) => bindings.map((b) => (b[v] ? b[v].value : ""));
    const numeric = vars.find((v) => bindings.length && values(v).every((x) => x !== "" && !isNaN(Number(x))) && !/year/i.test(v));
    return { bindings: bindings, vars: vars, values: values, numeric: numeric };
  }
  function countryOf(value, name) {
    if (value.startsWith(COUNTRY)) return value;
    if (/iso3|country/i.test(name) && /^[A-Z]{3}$/.test(value)) return COUNTRY + value;
    return null;
  }
  function icon(d) {  // a plugin's icon: a line drawing, hidden from screen readers (its label names it)
    const ns = "http://www.w3.org/2000/svg", svg = document.createElementNS(ns, "svg"), path = document.createElementNS(ns, "path");
    svg.setAttribute("viewBox", "0 0 20 20"); svg.setAttribute("width", "16"); svg.setAttribute("height", "16"); svg.setAttribute("aria-hidden", "true");
    path.setAttribute("d", d); path.setAttribute("fill", "none"); path.setAttribute("stroke", "currentColor"); path.setAttribute("stroke-width", "1.6");
    svg.appendChild(path);
    return svg;
  }
  class MapPlugin {
    constructor(yasr) { this.yasr = yasr; this.priority = 4; this.label = "Map"; }
    counts() {
      const c = columns(this.yasr), out = {};
      c.bindings.forEach(function (b) {
        c.vars.forEach(function (v) {
          const country = b[v] && countryOf(b[v].value, v);
          if (country) out[country] = (out[country] || 0) + (c.numeric ? Number(b[c.numeric].value) : 1);
        });
      });
      return out;
    }
    canHandleResults() { return Object.keys(this.counts()).length > 0; }
    getIcon() { return icon("M2 4l5-2 6 2 5-2v14l-5 2-6-2-5 2z"); }
    draw() {
      const el = this.yasr.resultsEl;
      return fetch(config.map, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ counts: this.counts() }) })
        .then((r) => r.text()).then(function (html) { el.innerHTML = html; });
    }
  }
  class ChartPlugin {
    constructor(yasr) { this.yasr = yasr; this.priority = 3; this.label = "Chart"; }
    series() {
      const c = columns(this.yasr);
      const year = c.vars.find((v) => c.bindings.length && c.values(v).every((x) => /^\d{4}/.test(x)));
      const key = year || c.vars.find((v) => v !== c.numeric && c.bindings.length);
      if (!key || (!c.numeric && !year)) return null;
      const out = new Map();
      c.bindings.forEach(function (b) {
        const k = b[key] ? (year ? b[key].value.slice(0, 4) : b[key].value.replace(/^.*[\/#]/, "")) : "";
        out.set(k, (out.get(k) || 0) + (c.numeric ? Number(b[c.numeric].value) : 1));
      });
      let entries = [...out.entries()];
      if (year) {  // every year in range, empty ones too
        const ys = entries.map((e) => Number(e[0])).filter((y) => !isNaN(y));
        const filled = [];
        for (let y = Math.min(...ys); y <= Math.max(...ys); y++) filled.push([String(y), out.get(String(y)) || 0]);
        entries = filled;
      }
      return { key: key, value: c.numeric || "rows", entries: entries.slice(0, 60) };
    }
    canHandleResults() { const s = this.series(); return !!s && s.entries.length > 1; }
    getIcon() { return icon("M2 17h16M4 15V9h3v6M9 15V4h3v11M14 15v-8h3v8"); }
    draw() {
      const s = this.series(), step = 34, top = Math.max(1, ...s.entries.map((e) => e[1]));
      const ns = "http://www.w3.org/2000/svg", svg = document.createElementNS(ns, "svg");
      svg.setAttribute("viewBox", "0 0 " + (40 + s.entries.length * step) + " 200"); svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", s.value + " by " + s.key + ": " + s.entries.map((e) => e[0] + " " + e[1]).join(", "));
      svg.style.maxWidth = "100%";
      s.entries.forEach(function (e, i) {
        const h = (e[1] / top) * 140, x = 30 + i * step;
        const rect = document.createElementNS(ns, "rect");
        Object.entries({ x: x, y: 160 - h, width: step - 10, height: h, fill: "#1c7ed6" }).forEach(([k, v]) => rect.setAttribute(k, v));
        const label = document.createElementNS(ns, "text"), value = document.createElementNS(ns, "text");
        Object.entries({ x: x + (step - 10) / 2, y: 176, "font-size": 10, "text-anchor": "middle" }).forEach(([k, v]) => label.setAttribute(k, v));
        Object.entries({ x: x + (step - 10) / 2, y: 156 - h, "font-size": 9, "text-anchor": "middle" }).forEach(([k, v]) => value.setAttribute(k, v));
        label.textContent = e[0].slice(0, 8); value.textContent = e[1];
        svg.append(rect, label, value);
      });
      this.yasr.resultsEl.innerHTML = "";
      this.yasr.resultsEl.appendChild(svg);
    }
  }
  // the table in its simple view (values, not "7"^^<…#integer>), unless the user switches it
  const Table = Yasgui.Yasr.plugins && Yasgui.Yasr.plugins.table;
  if (Table && Table.prototype.draw) {
    const draw = Table.prototype.draw;
    Table.prototype.draw = function (settings) { return draw.call(this, Object.assign({ compact: true }, settings)); };
  }
  Yasgui.Yasr.registerPlugin("map", MapPlugin);
  Yasgui.Yasr.registerPlugin("chart", ChartPlugin);
  Yasqe.defaults.autofocus = false;
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    persistenceId: "iackg-editor",  // the user's tabs, kept in this browser between visits
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: config.endpoint }]; } },
    yasqe: { value: config.defaultQuery },
  });

  function openQuery(text, name) {  // in the tab that holds it already, or in a new one
    for (const id of yasgui.persistentConfig.getTabs()) {
      const kept = yasgui.persistentConfig.getTab(id);  // (what is kept of it: a tab not shown yet has no editor)
      if (kept && kept.yasqe && kept.yasqe.value === text) { yasgui.selectTabId(id); return; }
    }
    yasgui.addTab(true, { name: name || "Query", yasqe: { value: text } });
  }
  if (config.initial) openQuery(config.initial, config.initialName);

  document.querySelectorAll("#saved-queries button[data-name]").forEach(function (button) {
    button.addEventListener("click", function () {
      const q = config.saved.find((s) => s.name === button.dataset.name);
      if (q) openQuery(q.sparql, q.title);
    });
  });

  // share: a short link served by us, with a copy button
  const shareButton = document.getElementById("share");
  const shareOut = document.getElementById("share-link");
  const copyButton = document.getElementById("copy-link");
  shareButton.addEventListener("click", function () {
    fetch(config.share, { method: "POST", headers: { "Content-Type": "application/json" },
                          body: JSON.stringify({ query: yasgui.getTab().getQuery() }) })
      .then((r) => r.json())
      .then(function (d) {
        if (!d.link) throw new Error((d.error && d.error.message) || "could not share");
        shareOut.value = d.link; shareOut.hidden = false; copyButton.hidden = false; shareOut.select();
      })
      .catch(function (e) { showError(String(e.message || e)); });
  });
  copyButton.addEventListener("click", function () {
    shareOut.select();
    (navigator.clipboard ? navigator.clipboard.writeText(shareOut.value) : Promise.reject()).then(
      function () { copyButton.textContent = "Copied"; },
      function () { document.execCommand("copy"); copyButton.textContent = "Copied"; });
  });

  // a syntax error: said under the editor in words, and its place marked in the query
  const errorBox = document.getElementById("query-error");
  let marked = null;
  function showError(message, yasqe) {
    errorBox.textContent = message; errorBox.hidden = false;
    const at = /at (\d+):(\d+)/.exec(message);
    if (yasqe && at) {
      const line = Number(at[1]) - 1, ch = Math.max(0, Number(at[2]) - 1);
      if (marked) marked.clear();
      marked = yasqe.getDoc().markText({ line: line, ch: ch }, { line: line, ch: ch + 1 },
                                        { className: "query-error-at", attributes: { title: message } });
      yasqe.addLineClass(line, "background", "query-error-line");
      yasqe.getDoc().setCursor({ line: line, ch: ch });
    }
  }
  function errorMessage(e) {  // our endpoint's JSON error ({"error": {"message": …}}), or the response's text
    const response = (e && e.response) || {};
    let body = response.body && response.body.error ? response.body : null;
    if (!body && typeof response.text === "string") {
      try { body = JSON.parse(response.text); } catch (_) { return response.text || String((e && e.message) || e); }
    }
    return (body && body.error && (body.error.message || body.error)) || String((e && e.message) || e);
  }
  function clearError(yasqe) {
    errorBox.hidden = true; errorBox.textContent = "";
    if (marked) { marked.clear(); marked = null; }
    if (yasqe) for (let i = 0; i < yasqe.getDoc().lineCount(); i++) yasqe.removeLineClass(i, "background", "query-error-line");
  }
  function watch(tab) {
    const yasqe = tab.getYasqe();
    if (!yasqe || yasqe.iackgWatched) return;
    yasqe.iackgWatched = true;
    yasqe.on("query", function () { clearError(yasqe); });
    yasqe.on("error", function (instance, e) {  // (CodeMirror's events pass the editor first)
      showError(errorMessage(e), yasqe);
    });
  }
  watch(yasgui.getTab());
  yasgui.on("tabSelect", function () { setTimeout(function () { watch(yasgui.getTab()); }, 0); });
  yasgui.on("tabAdd", function () { setTimeout(function () { watch(yasgui.getTab()); }, 0); });

  // YASGUI's markup, made accessible (and again whenever it redraws): names for its fields, the add-tab button
  // a tab of the tab list (which holds tabs only), the query's scrolling box reachable by keyboard
  function accessible() {
    document.querySelectorAll("#yasgui input.autocomplete:not([aria-label])").forEach((e) => e.setAttribute("aria-label", "SPARQL endpoint"));
    document.querySelectorAll("#yasgui .CodeMirror textarea:not([aria-label])").forEach((e) => e.setAttribute("aria-label", "SPARQL query"));
    document.querySelectorAll("#yasgui .tabsList input:not([aria-label])").forEach((e) => e.setAttribute("aria-label", "Tab name"));
    document.querySelectorAll("#yasgui .CodeMirror-scroll:not([tabindex='0'])").forEach(function (e) {
      e.setAttribute("tabindex", "0"); e.setAttribute("aria-label", "SPARQL query, scrolling");
    });
    // our IRIs in results open their pages here (hubs), not w3id.org
    document.querySelectorAll("#yasgui a.iri[href^='https://w3id.org/iac/']").forEach(function (a) {
      a.href = a.href.replace("https://w3id.org/iac/id/", "/id/").replace("https://w3id.org/iac/ontology#", "/ontology/");
      a.target = "_self"; a.removeAttribute("rel"); a.removeAttribute("ref");
    });
    document.querySelectorAll("#yasgui .tabsList button.addTab:not([role])").forEach(function (e) {
      e.setAttribute("role", "tab"); e.setAttribute("aria-selected", "false");
    });
  }
  accessible();
  new MutationObserver(accessible).observe(document.getElementById("yasgui"), { childList: true, subtree: true });

  // no focus grab: Tab from the top of the page goes through the page, not into the query
  setTimeout(function () {
    const box = document.getElementById("yasgui");
    if (box.contains(document.activeElement)) document.activeElement.blur();
  }, 0);
  window.iackgEditor = yasgui;
})();

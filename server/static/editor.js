// The SPARQL editor: YASGUI on our endpoint, with our prefixes, our saved queries as tabs, and
// autocompletion of our classes, properties and entities from /api/vocabulary (no outside service).
(function () {
  const config = JSON.parse(document.getElementById("editor-config").textContent);
  const Yasqe = Yasgui.Yasqe;
  let vocabulary = null;
  Yasqe.registerAutocompleter({
    name: "iackg",
    bulk: true,
    autoShow: true,
    persistenceId: null,
    get: function () {
      if (!vocabulary) vocabulary = fetch(config.vocabulary).then((r) => r.json()).then((d) => d.terms);
      return vocabulary;
    },
    isValidCompletionPosition: function (yasqe) {
      const token = yasqe.getCompleteToken();
      return /^[A-Za-z][\w-]*:[\w.-]*$/.test(token.string || "");
    },
    preProcessToken: function (yasqe, token) { return token; },
    postProcessSuggestion: function (yasqe, token, suggestion) { return suggestion; },
  });
  Yasqe.defaults.autocompleters = ["variables", "iackg"];
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: config.endpoint }]; } },
    yasqe: { value: config.defaultQuery },
  });
  const fromUrl = new URLSearchParams(location.search).get("query");
  if (fromUrl) {
    yasgui.getTab().setQuery(fromUrl);
  }
  config.saved.forEach(function (q) {
    yasgui.addTab(false, { name: q.title, yasqe: { value: q.sparql } }, { avoidDuplicateTabs: true });
  });
  window.iackgEditor = yasgui;
})();

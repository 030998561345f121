// ctkg's query page: YASGUI on ctkg's own endpoint, with ctkg's prefixes and example questions.
// Nothing is fetched from anywhere but this server (no endpoint catalogue, no remote autocompletion);
// the editor completes ctkg's classes and properties (data/vocabulary.json) and resources by label
// (data/complete, the full-text index). A link (#q=query&view=View) reopens a query and its view.
(function () {
  "use strict";
  var endpoint = new URL("../ctkg/sparql", window.location.href).href;
  var prefixes = [
    "PREFIX ctkg: <https://w3id.org/ctkg/ontology#>",
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>",
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>",
    "PREFIX dcterms: <http://purl.org/dc/terms/>",
    "PREFIX prov: <http://www.w3.org/ns/prov#>",
    "PREFIX org: <http://www.w3.org/ns/org#>",
    "PREFIX schema: <https://schema.org/>",
    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>"
  ].join("\n");
  var startQuery = prefixes + "\n\nSELECT ?recommendation ?addressedTo WHERE {\n" +
    "  ?r a ctkg:Recommendation ; rdfs:label ?recommendation ; ctkg:addressedTo/rdfs:label ?addressedTo .\n}\n";

  // Read before YASGUI starts: it empties the URL's fragment when it looks for a link of its own.
  var link = new URLSearchParams(window.location.hash.slice(1));
  Yasgui.Yasqe.defaults.value = startQuery;
  Yasgui.Yasqe.defaults.autocompleters = ["variables", "prefixes"];
  registerCompleters(Yasgui.Yasqe);
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: "ctkg-query-ui"
  });

  var views = window.ctkgViews;
  views.query = function () { return yasgui.getTab().getQuery(); };
  // Before YASR draws an answer: show the view the link or the query asks for (#defaultView:Map), else the table or the reader's choice.
  yasgui.on("queryResponse", function (instance, tab) {
    var view = views.requested || askedFor(tab.getQuery());
    if (view === "Table") tab.getYasr().selectPlugin("table");
    else if (view) tab.getYasr().selectPlugin("ctkgViews");
  });

  /** Opens a link's query (#q=…) in its view (&view=…): at load, and when a link followed on this page changes only the fragment. */
  function openLink(params) {
    if (!params.get("q")) return;
    views.requested = params.get("view");
    var tab = yasgui.getTab();
    tab.setQuery(params.get("q"));
    tab.query();
  }
  openLink(link);
  window.addEventListener("hashchange", function () { openLink(new URLSearchParams(window.location.hash.slice(1))); });

  var permalink = document.getElementById("permalink"), permalinkUrl = document.getElementById("permalink-url");
  permalink.addEventListener("click", function () {
    var tab = yasgui.getTab(), yasr = tab.getYasr();
    var view = yasr && yasr.getSelectedPluginName() === "ctkgViews" && views.shown ? views.shown : "Table";
    var params = new URLSearchParams();
    params.set("q", tab.getQuery());
    params.set("view", view);
    permalinkUrl.value = window.location.origin + window.location.pathname + "#" + params.toString();
    permalinkUrl.hidden = false;
    permalinkUrl.select();
  });

  var shortLink = document.getElementById("short-link");
  var select = document.getElementById("examples");
  fetch("examples.json").then(function (r) { return r.json(); }).then(function (examples) {
    examples.forEach(function (ex, i) {
      var option = document.createElement("option");
      option.value = String(i);
      option.textContent = ex.title;
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      if (select.value === "") return;
      var tab = yasgui.getTab(), example = examples[Number(select.value)];
      views.requested = null;
      shortLink.href = "../q/" + encodeURIComponent(example.name);
      shortLink.textContent = "/q/" + example.name;
      shortLink.parentElement.hidden = false;
      tab.setQuery(example.query);
      tab.query();
    });
  });

  /** The view a query asks for in a comment, as in Wikidata Query Service: #defaultView:Map. */
  function askedFor(query) {
    var m = /^\s*#\s*defaultView:\s*(\w+)/m.exec(query || "");
    return m ? m[1] : null;
  }

  /** The editor's completions from this server: ctkg's classes after "a", its properties, and resources by label. */
  function registerCompleters(Yasqe) {
    var vocabulary = null, labels = {}, pending = null;
    function terms(kind) {
      vocabulary = vocabulary || fetch("data/vocabulary.json").then(function (r) { return r.json(); }).then(function (j) { return j.terms; });
      return vocabulary.then(function (all) { return all.filter(function (t) { return t.kind === kind; }); });
    }
    function word(token) { return (token.string || "").replace(/^<|>$/g, "").replace(/^[\w-]*:/, "").toLowerCase(); }
    function local(iri) { return iri.replace(/^.*[\/#]/, ""); }
    function matching(list, w) {
      return list.filter(function (t) { return local(t.iri).toLowerCase().indexOf(w) === 0 || t.label.toLowerCase().indexOf(w) >= 0; })
        .sort(function (a, b) { return (local(b.iri).toLowerCase().indexOf(w) === 0) - (local(a.iri).toLowerCase().indexOf(w) === 0); })
        .slice(0, 40);
    }
    function written(yasqe, iri, label) {
      var prefixes = yasqe.getPrefixesFromQuery(), text = "<" + iri + ">";
      for (var p in prefixes) if (prefixes[p] && iri.indexOf(prefixes[p]) === 0 && /^[\w-]+$/.test(iri.substring(prefixes[p].length)))
        text = p + ":" + iri.substring(prefixes[p].length);
      labels[text] = label;
      return text;
    }
    function shown(yasqe, hints) {
      hints.forEach(function (h) { if (labels[h.text]) h.displayText = labels[h.text] + "  " + h.text; });
      return hints;
    }
    function notVariable(token) { return token.string[0] !== "?" && token.string[0] !== "$"; }
    function afterA(yasqe) {
      var token = yasqe.getCompleteToken(), previous = yasqe.getPreviousNonWsToken(yasqe.getDoc().getCursor().line, token);
      return notVariable(token) && !!previous && (previous.state.lastProperty === "a" || previous.state.lastProperty === "rdf:type");
    }
    function propertyPlace(yasqe) {
      var token = yasqe.getCompleteToken();
      return token.string.length > 0 && notVariable(token) && token.state.possibleCurrent.indexOf("a") >= 0;
    }
    function vocabularyCompleter(name, kind, valid) {
      Yasqe.registerAutocompleter({
        name: name, bulk: false, autoShow: true, isValidCompletionPosition: valid,
        get: function (yasqe, token) {
          return terms(kind).then(function (list) { return matching(list, word(token)).map(function (t) { return t.iri + "\n" + t.label; }); });
        },
        postProcessSuggestion: function (yasqe, token, s) { var p = s.split("\n"); return written(yasqe, p[0], p[1]); },
        postprocessHints: shown
      });
    }
    vocabularyCompleter("ctkgClasses", "class", afterA);
    vocabularyCompleter("ctkgProperties", "property", function (yasqe) { return !afterA(yasqe) && propertyPlace(yasqe); });
    Yasqe.registerAutocompleter({
      name: "ctkgResources", bulk: false, autoShow: true,
      isValidCompletionPosition: function (yasqe) {
        var token = yasqe.getCompleteToken(), cursor = yasqe.getDoc().getCursor();
        var before = yasqe.getRange({ line: 0, ch: 0 }, cursor);
        return /^[A-Za-z][\w-]{2,}$/.test(token.string) && token.string !== token.string.toUpperCase() && !afterA(yasqe) && !propertyPlace(yasqe)
          && (before.match(/\{/g) || []).length > (before.match(/\}/g) || []).length;
      },
      // One request at a time, once typing pauses: the server refuses a client's fifth concurrent query (429).
      get: function (yasqe, token) {
        if (pending) { clearTimeout(pending.timer); pending.controller.abort(); pending.resolve([]); }
        return new Promise(function (resolve) {
          var p = pending = { resolve: resolve, controller: new AbortController() };
          p.timer = setTimeout(function () {
            fetch("data/complete?q=" + encodeURIComponent(token.string), { signal: p.controller.signal })
              .then(function (r) { return r.ok ? r.json() : { hits: [] }; })
              .then(function (j) { resolve(j.hits.map(function (h) { return h.iri + "\n" + h.label; })); }, function () { resolve([]); });
          }, 150);
        });
      },
      postProcessSuggestion: function (yasqe, token, s) { var p = s.split("\n"); return written(yasqe, p[0], p[1]); },
      postprocessHints: shown
    });
  }
})();

// ctkg's query page: YASGUI on ctkg's own endpoint, with ctkg's prefixes and example questions.
// Nothing is fetched from anywhere but this server (no endpoint catalogue, no remote autocompletion).
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

  Yasgui.Yasqe.defaults.value = startQuery;
  Yasgui.Yasqe.defaults.autocompleters = ["variables", "prefixes"];
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: "ctkg-query-ui"
  });

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
      var tab = yasgui.getTab();
      tab.setQuery(examples[Number(select.value)].query);
      tab.query();
    });
  });
})();

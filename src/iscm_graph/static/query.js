// Start YASGUI on this service's endpoint with the project's named queries.
// No persistence (the named queries always show as shipped) and no
// autocompleter that would call another host.
(function () {
  "use strict";
  var endpoint = document.currentScript.dataset.endpoint;
  var named = JSON.parse(document.getElementById("named-queries").textContent);
  var given = JSON.parse(document.getElementById("given-query").textContent);
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    populateFromUrl: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    yasqe: { autocompleters: ["variables"] },
  });
  // The first tab holds the query given in the address (?query=), else the
  // first named query; every other named query gets a tab of its own.
  var first = yasgui.getTab();
  var rest = named;
  if (given) {
    first.setQuery(given);
  } else if (named.length) {
    first.setQuery(named[0].query);
    first.setName(named[0].title);
    rest = named.slice(1);
  }
  rest.forEach(function (query) {
    yasgui.addTab(false, { name: query.title, yasqe: { value: query.query } });
  });
})();

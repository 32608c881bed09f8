// Suggestions for the filters that take a name: as the reader types in a field with a
// data-suggest address, ask the site for matching entries and offer them in a <datalist>.
// Without this script the field is a plain text field, and the server matches what is typed.
(function () {
  "use strict";

  var DELAY_MS = 150;

  function attach(input) {
    var list = document.createElement("datalist");
    list.id = input.id + "-suggestions";
    input.insertAdjacentElement("afterend", list);
    input.setAttribute("list", list.id);

    var timer = null;
    var asked = "";
    var request = null;

    function fill(results) {
      list.replaceChildren.apply(
        list,
        results.map(function (result) {
          var option = document.createElement("option");
          option.value = result.value;
          option.label = result.label;
          return option;
        })
      );
    }

    function ask() {
      var text = input.value.trim();
      if (text === asked) return;
      asked = text;
      if (request) request.abort();
      if (text.length < 2) {
        fill([]);
        return;
      }
      request = new AbortController();
      fetch(input.dataset.suggest + "?q=" + encodeURIComponent(text), {
        headers: { Accept: "application/json" },
        signal: request.signal,
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (body) {
          fill(body.results || []);
        })
        .catch(function () {});
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, DELAY_MS);
    });
  }

  document.querySelectorAll("input[data-suggest]").forEach(attach);
})();

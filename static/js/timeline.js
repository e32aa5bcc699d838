// The timeline's small enhancements on top of htmx: readable URLs, radio lists the arrow keys move
// through without applying, and a form that follows the filters the chips take off.
// Everything here is optional: without it the forms and links work as plain HTML.
"use strict";

// Leave empty fields out of htmx requests, so the pushed URL reads "?country=RU", not "?q=&from=&country=RU".
document.addEventListener("htmx:configRequest", function (event) {
  const data = event.detail.formData;
  if (!data) return;
  for (const name of Array.from(new Set(data.keys()))) {
    const values = data.getAll(name).filter(function (value) { return value !== ""; });
    data.delete(name);
    values.forEach(function (value) { data.append(name, value); });
  }
});

// The search box sends its words as they are typed (after a pause); the change event it fires on
// leaving would only send the same request again.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-sent-as-typed]").forEach(function (box) {
    box.addEventListener("change", function (event) { event.stopPropagation(); });
  });
});

// "Find a person" asks the server for the people whose names or aliases hold its words (htmx, on
// the box's own attributes); Enter searches at once rather than sending the whole form.
document.addEventListener("keydown", function (event) {
  const box = event.target;
  if (box.id !== "id_who" || event.key !== "Enter") return;
  event.preventDefault();
  box.dispatchEvent(new Event("search"));
});

// Arrow keys move through a radio group and check each radio on the way; applying each would load
// the results at every step (and announce them). A radio checked with an arrow key waits for Enter
// or Space (or the "Show events" button); one checked by a click or a tap applies at once.
let arrowed = null;
document.addEventListener("keydown", function (event) {
  const radio = event.target;
  if (radio.type !== "radio" || !radio.closest("[data-apply-on-confirm]")) return;
  if (event.key.startsWith("Arrow")) {
    arrowed = radio.name;
  } else if (event.key === "Enter" || (event.key === " " && radio.checked)) {
    event.preventDefault();
    radio.form.requestSubmit();
  }
});
document.addEventListener("keyup", function () { arrowed = null; });
document.addEventListener("change", function (event) {
  const radio = event.target;
  if (radio.type === "radio" && radio.name === arrowed) event.stopPropagation();
}, true);

// A radio whose count went to 0 is disabled, as the server writes it (unless it is the one chosen).
function disableEmptyChoices(root) {
  root.querySelectorAll("[data-apply-on-confirm] .option").forEach(function (option) {
    const input = option.querySelector("input"), count = option.querySelector(".n");
    if (input && count) input.disabled = !input.checked && count.classList.contains("zero");
  });
}

// A link that changes the filters from outside the form (a chip taking one off, "Clear all") leaves
// the form showing what the new address says, and the keyboard on the new count of events.
function showFiltersOf(form, address) {
  const params = new URL(address, document.baseURI).searchParams;
  Array.from(form.elements).forEach(function (input) {
    if (!input.name || input.type === "submit") return;
    if (input.type === "checkbox" || input.type === "radio") {
      input.checked = input.value === "" ? !params.get(input.name) : params.getAll(input.name).includes(input.value);
    } else {
      input.value = params.get(input.name) || "";
    }
  });
}

document.addEventListener("htmx:afterSettle", function (event) {
  const form = document.getElementById("filters");
  if (!form) return;
  const source = event.detail.requestConfig && event.detail.requestConfig.elt;
  if (source && source.matches("[data-sync-filters]")) {
    showFiltersOf(form, event.detail.pathInfo.requestPath);
    const count = document.getElementById("results-count");
    if (count) count.focus();
  }
  disableEmptyChoices(form);
});

document.addEventListener("DOMContentLoaded", function () {
  // On a phone the filters start folded, so the results are the first thing seen.
  if (window.matchMedia("(max-width: 55.99rem)").matches) {
    document.querySelectorAll("details[data-close-when-narrow]").forEach(function (panel) { panel.open = false; });
  }
});

// The timeline's small enhancements on top of htmx: readable URLs and searchable option lists.
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

// A search box above a long list of options hides the options whose label does not contain its text.
function enableOptionSearch(box) {
  const list = document.getElementById(box.dataset.optionSearch);
  if (!list) return;
  box.hidden = false;
  box.addEventListener("input", function () {
    const words = box.value.trim().toLocaleLowerCase();
    list.querySelectorAll(".option").forEach(function (option) {
      const checked = option.querySelector("input").checked;
      option.hidden = words !== "" && !checked && !option.textContent.toLocaleLowerCase().includes(words);
    });
  });
  // The box is not a filter: its typing must not send the form.
  box.addEventListener("change", function (event) { event.stopPropagation(); });
  box.addEventListener("keydown", function (event) {
    if (event.key === "Enter") event.preventDefault();
  });
}

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-option-search]").forEach(enableOptionSearch);
  // On a phone the filters start folded, so the results are the first thing seen.
  if (window.matchMedia("(max-width: 55.99rem)").matches) {
    document.querySelectorAll("details[data-close-when-narrow]").forEach(function (panel) { panel.open = false; });
  }
});

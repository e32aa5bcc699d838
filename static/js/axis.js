// The time axis's wheel, pinch, dragging and keys. Without this script every control is a link and
// the page works as it is. With it, a step fetches the axis alone (the server draws it) and swaps it
// in; the address follows, a new history entry per step (pushState) and the same entry replaced
// while a drag or a turn of the wheel goes on (replaceState), so Back brings the last window back.
"use strict";
(function () {
  const DAY = 86400000;
  const NARROW = 700; // below this width the page asks for an axis drawn for its own width
  const KEYS = {"+": "+", "=": "+", "-": "-", "_": "-", "ArrowLeft": "ArrowLeft", "ArrowRight": "ArrowRight"};
  let controller = null; // the request in flight
  let steps = Promise.resolve(); // discrete steps, one after another
  let wanted = null; // the window a gesture last asked for, [start, stop) in days since 1970
  let gesture = null; // while the wheel turns, a drag or a pinch goes on
  let drag = null;
  let pinch = null;
  let swallowClick = false;
  const pointers = new Map();

  function axis() { return document.getElementById("axis"); }
  function frame() { const a = axis(); return a && a.querySelector(".axis-frame"); }
  function day(iso) { const [y, m, d] = iso.split("-").map(Number); return Date.UTC(y, m - 1, d) / DAY; }
  function iso(days) { return new Date(Math.round(days) * DAY).toISOString().slice(0, 10); }

  function shown() {
    const a = axis();
    return {start: day(a.dataset.start), stop: day(a.dataset.end) + 1};
  }

  function limited(start, days) {
    const a = axis();
    days = Math.min(Math.max(days, Number(a.dataset.minDays)), Number(a.dataset.maxDays));
    return {start: Math.round(start), stop: Math.round(start) + Math.round(days)};
  }

  function address(w) {
    const url = new URL(location.href);
    url.hash = "";
    url.searchParams.set("start", iso(w.start));
    url.searchParams.set("end", iso(w.stop - 1));
    return url;
  }

  function announce(text) {
    const status = document.getElementById("axis-status");
    if (status) status.textContent = text;
  }

  // Fetch the axis for `url` and show it; `history` is "push", "replace" or null (Back, Forward).
  function load(url, history) {
    const target = new URL(url, location.href);
    const chosen = new URL(location.href).searchParams.get("event");
    if (chosen && !target.searchParams.has("event")) target.searchParams.set("event", chosen);
    target.hash = "";
    if (history === "push") window.history.pushState({axis: true}, "", target);
    if (history === "replace") window.history.replaceState({axis: true}, "", target);
    const fetched = new URL(target);
    const f = frame();
    if (f) fetched.searchParams.set("px", Math.round(f.clientWidth));
    if (controller) controller.abort();
    controller = new AbortController();
    if (f) f.classList.add("loading");
    const started = performance.now();
    return fetch(fetched, {headers: {"HX-Request": "true"}, signal: controller.signal})
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(function (html) { swap(html, started); })
      .catch(function (error) { if (error.name !== "AbortError") location.assign(target); });
  }

  function swap(html, started) {
    const old = axis();
    if (!old) return;
    const active = document.activeElement;
    const hadFocus = old.contains(active);
    const key = hadFocus && active.getAttribute("data-focus");
    const template = document.createElement("template");
    template.innerHTML = html.trim();
    const fresh = template.content.getElementById("axis");
    if (!fresh) return;
    old.replaceWith(fresh);
    if (window.htmx) window.htmx.process(fresh);
    preview();
    if (hadFocus) {
      const again = key && fresh.querySelector('[data-focus="' + CSS.escape(key) + '"]');
      (again || fresh.querySelector(".axis-frame")).focus({preventScroll: true});
    }
    announce(fresh.dataset.announce);
    document.dispatchEvent(new CustomEvent("axis:shown", {detail: {ms: performance.now() - started}}));
  }

  // While a drag goes on, the drawing is moved by as much as the window asked for is ahead of it.
  function preview() {
    const a = axis();
    const moving = a && a.querySelector(".axis-moving");
    if (!moving) return;
    const s = shown();
    if (!wanted || wanted.stop - wanted.start !== s.stop - s.start) {
      moving.removeAttribute("transform");
      return;
    }
    const px = (s.start - wanted.start) / (s.stop - s.start) * frame().clientWidth;
    moving.setAttribute("transform", "translate(" + px.toFixed(1) + " 0)");
  }

  // One step of a gesture: the first adds a history entry, the later ones replace it; the window
  // is fetched at most every 50 ms, and the gesture ends 400 ms after its last step.
  function continuous(w) {
    wanted = w;
    preview();
    if (!gesture) gesture = {pushed: false, timer: null, end: null};
    clearTimeout(gesture.end);
    const g = gesture;
    g.end = setTimeout(function () { if (gesture === g && !drag && !pinch) { gesture = null; wanted = null; } }, 400);
    if (g.timer) return;
    g.timer = setTimeout(function () {
      g.timer = null;
      load(address(wanted || w), g.pushed ? "replace" : "push");
      g.pushed = true;
    }, 50);
  }

  function zoomAt(at, factor, from) {
    const w = from || wanted || shown();
    const days = w.stop - w.start;
    const moment = w.start + at * days;
    const next = limited(moment - at * days * factor, days * factor);
    const span = next.stop - next.start;
    next.start = Math.round(moment - at * span);
    next.stop = next.start + span;
    continuous(next);
  }

  function step(key) {
    steps = steps.then(function () {
      const a = axis();
      const link = a && a.querySelector('[data-key="' + key + '"]');
      return link ? load(link.getAttribute("href"), "push") : null;
    });
  }

  document.addEventListener("keydown", function (event) {
    const a = axis();
    if (!a || !a.contains(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
    const key = KEYS[event.key];
    if (!key) return;
    event.preventDefault();
    step(key);
  });

  // Before htmx's own click handling, so a drag that ends on an event does not also choose it.
  document.addEventListener("click", function (event) {
    if (swallowClick) {
      swallowClick = false;
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    const link = event.target.closest && event.target.closest("[data-axis-go]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const a = axis();
    if (!a || !a.contains(link)) return;
    event.preventDefault();
    steps = steps.then(function () { return load(link.getAttribute("href"), "push"); });
  }, true);

  document.addEventListener("wheel", function (event) {
    const f = frame();
    if (!f || !f.contains(event.target)) return;
    event.preventDefault();
    const rect = f.getBoundingClientRect();
    const delta = event.deltaMode === 1 ? event.deltaY * 33 : event.deltaMode === 2 ? event.deltaY * 400 : event.deltaY;
    // A pinch on a touchpad arrives as the wheel with ctrlKey, in small steps.
    zoomAt((event.clientX - rect.left) / rect.width, Math.pow(2, delta / (event.ctrlKey ? 60 : 300)));
  }, {passive: false});

  document.addEventListener("pointerdown", function (event) {
    const f = frame();
    if (!f || !f.contains(event.target) || (event.pointerType === "mouse" && event.button !== 0)) return;
    pointers.set(event.pointerId, event.clientX);
    const rect = f.getBoundingClientRect();
    if (pointers.size === 1) {
      drag = {id: event.pointerId, x: event.clientX, from: wanted || shown(), width: rect.width, moved: false};
    } else if (pointers.size === 2) {
      const [a, b] = Array.from(pointers.values());
      drag = null;
      pinch = {distance: Math.max(Math.abs(a - b), 10), middle: ((a + b) / 2 - rect.left) / rect.width,
        from: wanted || shown()};
    }
  });

  document.addEventListener("pointermove", function (event) {
    if (!pointers.has(event.pointerId)) return;
    pointers.set(event.pointerId, event.clientX);
    if (pinch && pointers.size === 2) {
      const [a, b] = Array.from(pointers.values());
      zoomAt(pinch.middle, pinch.distance / Math.max(Math.abs(a - b), 10), pinch.from);
      return;
    }
    if (!drag || event.pointerId !== drag.id) return;
    const dx = event.clientX - drag.x;
    if (!drag.moved) {
      if (Math.abs(dx) < 4) return;
      drag.moved = true;
      frame().setPointerCapture(event.pointerId);
      frame().classList.add("dragging");
    }
    const days = drag.from.stop - drag.from.start;
    const shift = Math.round(-dx / drag.width * days);
    continuous({start: drag.from.start + shift, stop: drag.from.stop + shift});
  });

  function release(event) {
    if (!pointers.delete(event.pointerId)) return;
    if (drag && drag.id === event.pointerId) {
      if (drag.moved) swallowClick = event.type === "pointerup";
      const f = frame();
      if (f) f.classList.remove("dragging");
      drag = null;
    }
    if (pointers.size < 2) pinch = null;
    if (gesture && !pointers.size) {
      const g = gesture;
      clearTimeout(g.end);
      g.end = setTimeout(function () { if (gesture === g) { gesture = null; wanted = null; } }, 400);
    }
    setTimeout(function () { swallowClick = false; }, 0);
  }
  document.addEventListener("pointerup", release);
  document.addEventListener("pointercancel", release);
  // A link dragged would be the browser's drag and drop, not a move of the axis.
  document.addEventListener("dragstart", function (event) {
    const f = frame();
    if (f && f.contains(event.target)) event.preventDefault();
  });

  // Choosing an event: htmx puts its card in the panel; the address and the drawing follow.
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target.id !== "event-panel") return;
    const elt = event.detail.requestConfig && event.detail.requestConfig.elt;
    const pk = elt && elt.getAttribute("data-event");
    if (!pk) return;
    const url = new URL(location.href);
    url.searchParams.set("event", pk);
    url.hash = "";
    window.history.replaceState({axis: true}, "", url);
    document.querySelectorAll(".axis-svg .item.chosen").forEach(function (item) { item.classList.remove("chosen"); });
    document.querySelectorAll('.axis-svg .item[data-event="' + CSS.escape(pk) + '"]').forEach(function (item) {
      item.classList.add("chosen");
    });
    const title = event.detail.target.querySelector(".event-title");
    if (title) announce("Shown after the axis: " + title.textContent.trim());
  });

  window.addEventListener("popstate", function (event) {
    if (!axis() || (event.state && event.state.htmx)) return;
    wanted = null;
    gesture = null;
    load(location.href, null);
  });

  function start() {
    const f = frame();
    if (!f) return;
    window.history.replaceState({axis: true}, "", location.href);
    // Drawn for a wider screen than this one: ask for the axis at this width.
    if (f.clientWidth < NARROW && f.querySelector(".axis-svg.nominal")) load(location.href, null);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

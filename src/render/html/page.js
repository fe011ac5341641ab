// The interactive page's script: cards, search and filters, zoom and pan, the conflict list.
// Plain JavaScript with no framework; every text shown is set as text, never as markup.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("ger-page").textContent);
  const missions = new Map(data.missions.map((m) => [m.id, m]));
  const chart = document.getElementById("chart");
  const svg = chart.querySelector("svg");
  const card = document.getElementById("card");
  const bars = Array.from(svg.querySelectorAll("[data-mission]"));
  const arrows = Array.from(svg.querySelectorAll(".arrow[data-from]"));
  const rows = Array.from(document.querySelectorAll("#missions tbody tr"));
  const search = document.getElementById("search");
  const agency = document.getElementById("agency");
  const destination = document.getElementById("destination");
  const count = document.getElementById("count");
  const pageWidth = Number(svg.getAttribute("width"));
  const pageHeight = Number(svg.getAttribute("height"));

  // Zoom and pan: the picture is scaled and moved as a whole.
  const view = { scale: 1, x: 0, y: 0 };
  const MIN_SCALE = 0.05;
  const MAX_SCALE = 20;

  function show() {
    svg.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
  }

  function fit() {
    const scale = Math.min(chart.clientWidth / pageWidth, chart.clientHeight / pageHeight);
    view.scale = Math.min(Math.max(scale, MIN_SCALE), MAX_SCALE);
    view.x = (chart.clientWidth - pageWidth * view.scale) / 2;
    view.y = 0;
    show();
  }

  // Zooms by `factor` keeping the point (x, y) of the chart box where it is.
  function zoomAt(factor, x, y) {
    const scale = Math.min(Math.max(view.scale * factor, MIN_SCALE), MAX_SCALE);
    const kept = scale / view.scale;
    view.x = x - (x - view.x) * kept;
    view.y = y - (y - view.y) * kept;
    view.scale = scale;
    show();
  }

  function zoomCentre(factor) {
    zoomAt(factor, chart.clientWidth / 2, chart.clientHeight / 2);
  }

  function pan(dx, dy) {
    view.x += dx;
    view.y += dy;
    show();
  }

  // Pans just enough to bring `element` into the chart box.
  function reveal(element) {
    const box = chart.getBoundingClientRect();
    const r = element.getBoundingClientRect();
    const margin = 24;
    let dx = 0;
    let dy = 0;
    if (r.left < box.left + margin) dx = box.left + margin - r.left;
    else if (r.right > box.right - margin) dx = Math.max(box.right - margin - r.right, box.left + margin - r.left);
    if (r.top < box.top + margin) dy = box.top + margin - r.top;
    else if (r.bottom > box.bottom - margin) dy = Math.max(box.bottom - margin - r.bottom, box.top + margin - r.top);
    if (dx || dy) pan(dx, dy);
  }

  // The card of a mission: shown on hover or focus, pinned by a click.
  let pinned = null;

  function field(list, term, value) {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return;
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    if (Array.isArray(value)) {
      const ul = document.createElement("ul");
      for (const item of value) {
        const li = document.createElement("li");
        li.textContent = item;
        ul.append(li);
      }
      dd.append(ul);
    } else {
      dd.textContent = value;
    }
    list.append(dt, dd);
  }

  function fillCard(m) {
    card.replaceChildren();
    const title = document.createElement("h3");
    title.textContent = m.name;
    card.append(title);
    if (pinned) {
      const close = document.createElement("button");
      close.type = "button";
      close.className = "close";
      close.setAttribute("aria-label", "Close the card");
      close.textContent = "×";
      close.addEventListener("click", unpin);
      card.append(close);
    }
    const list = document.createElement("dl");
    field(list, "Dates", m.start === m.end ? m.start : `${m.start} to ${m.end}`);
    field(list, "Destination", m.destination);
    field(list, "Status", m.status);
    field(list, "Outcome", m.outcome);
    field(list, "Lead", m.lead);
    field(list, "Contributors", m.contributors);
    field(list, "Depends on", m.depends_on);
    field(list, "Conflicts", m.conflicts.map((k) => `${data.conflicts[k].severity}: ${data.conflicts[k].message}`));
    field(list, "Notes", m.notes);
    field(list, "Source", m.source);
    card.append(list);
  }

  function place(element) {
    const r = element.getBoundingClientRect();
    card.style.left = "0px";
    card.style.top = "0px";
    const w = card.offsetWidth;
    const h = card.offsetHeight;
    let left = r.right + 12;
    if (left + w > window.innerWidth - 8) left = Math.max(8, r.left - w - 12);
    let top = Math.min(Math.max(8, r.top), Math.max(8, window.innerHeight - h - 8));
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
  }

  function showCard(element) {
    const m = missions.get(element.dataset.mission);
    if (!m) return;
    card.hidden = false;
    fillCard(m);
    place(element);
  }

  function hideCard() {
    if (!pinned) card.hidden = true;
  }

  function pin(element) {
    if (pinned) pinned.removeAttribute("aria-pressed");
    pinned = element;
    element.setAttribute("aria-pressed", "true");
    showCard(element);
  }

  function unpin() {
    if (pinned) pinned.removeAttribute("aria-pressed");
    const was = pinned;
    pinned = null;
    card.hidden = true;
    if (was) was.focus({ preventScroll: true });
  }

  const barOf = (target) => (target instanceof Element ? target.closest("[data-mission]") : null);

  svg.addEventListener("pointerover", (event) => {
    const bar = barOf(event.target);
    if (bar && !pinned) showCard(bar);
  });
  svg.addEventListener("pointerout", (event) => {
    const bar = barOf(event.target);
    if (bar && !bar.contains(event.relatedTarget)) hideCard();
  });
  svg.addEventListener("focusin", (event) => {
    const bar = barOf(event.target);
    if (!bar) return;
    bar.setAttribute("aria-describedby", "card");
    reveal(bar);
    if (!pinned) showCard(bar);
  });
  svg.addEventListener("focusout", () => hideCard());

  // Dragging pans; a press that does not move is a click, which pins the bar under it.
  let drag = null;
  chart.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, moved: false, id: event.pointerId };
  });
  chart.addEventListener("pointermove", (event) => {
    if (!drag || drag.id !== event.pointerId) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) {
      drag.moved = true;
      chart.setPointerCapture(event.pointerId);
      chart.classList.add("panning");
    }
    drag.x = event.clientX;
    drag.y = event.clientY;
    pan(dx, dy);
  });
  function endDrag(event) {
    if (!drag || drag.id !== event.pointerId) return;
    const clicked = !drag.moved;
    drag = null;
    chart.classList.remove("panning");
    if (!clicked || event.type !== "pointerup") return;
    const bar = barOf(event.target);
    if (bar) {
      if (pinned === bar) unpin();
      else pin(bar);
    } else if (pinned) {
      unpin();
    }
  }
  chart.addEventListener("pointerup", endDrag);
  chart.addEventListener("pointercancel", endDrag);

  chart.addEventListener("wheel", (event) => {
    event.preventDefault();
    const box = chart.getBoundingClientRect();
    const lines = event.deltaMode === 1 ? 16 : 1;
    zoomAt(Math.exp(-event.deltaY * lines * 0.0015), event.clientX - box.left, event.clientY - box.top);
  }, { passive: false });

  const PAN_STEP = 60;
  chart.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const bar = barOf(event.target);
    const keys = {
      ArrowLeft: () => pan(PAN_STEP, 0),
      ArrowRight: () => pan(-PAN_STEP, 0),
      ArrowUp: () => pan(0, PAN_STEP),
      ArrowDown: () => pan(0, -PAN_STEP),
      "+": () => zoomCentre(1.25),
      "=": () => zoomCentre(1.25),
      "-": () => zoomCentre(0.8),
      "0": fit,
      Enter: () => bar && (pinned === bar ? unpin() : pin(bar)),
      " ": () => bar && (pinned === bar ? unpin() : pin(bar)),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    if (pinned) unpin();
    else pick(null);
  });
  document.getElementById("zoom-in").addEventListener("click", () => zoomCentre(1.25));
  document.getElementById("zoom-out").addEventListener("click", () => zoomCentre(0.8));
  document.getElementById("fit").addEventListener("click", fit);

  // Search and filters: the missions that match stay, the others leave the chart and the table.
  function admits(m) {
    const needle = search.value.trim().toLowerCase();
    const text = !needle || m.name.toLowerCase().includes(needle) || m.notes.toLowerCase().includes(needle);
    return text && (!agency.value || m.agencies.includes(agency.value)) &&
      (!destination.value || m.destination_id === destination.value);
  }

  function filter() {
    const kept = new Set();
    for (const m of data.missions) if (admits(m)) kept.add(m.id);
    for (const bar of bars) bar.classList.toggle("filtered-out", !kept.has(bar.dataset.mission));
    for (const arrow of arrows) {
      arrow.classList.toggle("filtered-out", !kept.has(arrow.dataset.from) || !kept.has(arrow.dataset.to));
    }
    for (const row of rows) row.hidden = !kept.has(row.dataset.for);
    const all = data.missions.length;
    count.textContent = kept.size === all ? `${all} missions shown` : `${kept.size} of ${all} missions shown`;
  }
  search.addEventListener("input", filter);
  agency.addEventListener("change", filter);
  destination.addEventListener("change", filter);

  // The conflict list: choosing a conflict marks its missions and dims the rest.
  let picked = null;
  function pick(button) {
    const chosen = button && button !== picked ? button : null;
    if (picked) picked.setAttribute("aria-pressed", "false");
    picked = chosen;
    const ids = new Set(chosen ? data.conflicts[Number(chosen.dataset.conflict)].missions : []);
    for (const bar of bars) {
      bar.classList.toggle("picked", ids.has(bar.dataset.mission));
      bar.classList.toggle("dimmed", ids.size > 0 && !ids.has(bar.dataset.mission));
    }
    for (const arrow of arrows) {
      arrow.classList.toggle("dimmed", ids.size > 0 && !(ids.has(arrow.dataset.from) && ids.has(arrow.dataset.to)));
    }
    for (const row of rows) row.classList.toggle("picked", ids.has(row.dataset.for));
    if (!chosen) return;
    chosen.setAttribute("aria-pressed", "true");
    const first = bars.find((bar) => ids.has(bar.dataset.mission) && !bar.classList.contains("filtered-out"));
    if (first) {
      reveal(first);
      chart.scrollIntoView({ block: "nearest" });
      pin(first);
    }
  }
  for (const button of document.querySelectorAll("#conflicts button[data-conflict]")) {
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", () => pick(button));
  }

  // The chart's box: as tall as the whole picture at the width it has, at most 70 % of the
  // window; on a resize, the picture is fitted again.
  function frame() {
    const scale = Math.min(1, chart.clientWidth / pageWidth);
    chart.style.height = `${Math.min(window.innerHeight * 0.7, pageHeight * scale + 2)}px`;
    fit();
  }
  window.addEventListener("resize", frame);
  frame();
})();

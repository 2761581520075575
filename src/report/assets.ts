/**
 * The report's inline style sheet and script. They are plain strings so that the report stays one
 * self-contained file; the page's Content-Security-Policy allows exactly these two by hash.
 */

export const STYLE = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --paper: #fff; --page: #f6f8fa; --focus: #0b57d0;
  --c1: #fff3b0; --c1-line: #9a6700; --c2: #ffd8a8; --c2-line: #bc4c00; --c3: #ffc1c1; --c3-line: #b42318;
  --fix: #c7f0d2; --fix-line: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: var(--page);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", sans-serif; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; z-index: 5; background: var(--paper); padding: .25rem .5rem; }
header { position: sticky; top: 0; z-index: 2; background: var(--paper); border-bottom: 1px solid var(--line);
  padding: .75rem 1.5rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; }
h1 { font-size: 1.2rem; margin: 0; overflow-wrap: anywhere; }
h2 { font-size: 1rem; margin: 0 0 .5rem; }
.stats { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; color: var(--muted); }
.stats b { color: var(--ink); }
.verdict { font-weight: 700; text-transform: uppercase; letter-spacing: .04em; padding: 0 .5rem; border-radius: 999px; }
.verdict.spun { background: var(--c3); color: #7a1212; }
.verdict.clean { background: var(--fix); color: #0f5323; }
.bar { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; margin-left: auto; }
.toggle { display: inline-flex; border: 1px solid var(--line); border-radius: 6px; overflow: hidden; }
.toggle button { font: inherit; border: 0; background: var(--paper); color: var(--ink); padding: .3rem .8rem; cursor: pointer; }
.toggle button[aria-pressed="true"] { background: var(--ink); color: var(--paper); }
button:focus-visible, a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.legend { display: flex; gap: .75rem; margin: 0; padding: 0; list-style: none; color: var(--muted); font-size: .85rem; }
.swatch.c1 { background: var(--c1); } .swatch.c2 { background: var(--c2); } .swatch.c3 { background: var(--c3); }
.swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px; vertical-align: -.1em; margin-right: .3em; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 23rem; gap: 1.5rem; padding: 1.5rem; max-width: 84rem; margin: 0 auto; }
.doc { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; background: var(--paper); border: 1px solid var(--line);
  border-radius: 6px; padding: 1.5rem 2rem; font: 1.05rem/1.8 Georgia, "Liberation Serif", "DejaVu Serif", serif; }
.doc [data-i], .doc ins { color: inherit; text-decoration: none; border-radius: 3px; padding: 0 .08em; }
.doc [data-i] { cursor: pointer; }
mark.c1 { background: var(--c1); box-shadow: inset 0 -2px var(--c1-line); }
mark.c2 { background: var(--c2); box-shadow: inset 0 -2px var(--c2-line); }
mark.c3 { background: var(--c3); box-shadow: inset 0 -2px var(--c3-line); }
ins { background: var(--fix); box-shadow: inset 0 -2px var(--fix-line); }
.doc [data-i]:focus-visible { outline: 3px solid var(--focus); outline-offset: 1px; }
.doc [data-i].active { outline: 2px solid var(--ink); outline-offset: 1px; }
aside { display: flex; flex-direction: column; gap: 1rem; }
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 1rem; }
#details { position: sticky; top: 6rem; }
#details:focus { outline: none; }
.hint { color: var(--muted); margin: 0; }
.big { font-size: 1.1rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
.meta { color: var(--muted); font-size: .85rem; margin: .5rem 0 0; overflow-wrap: anywhere; }
ol.alts { margin: .5rem 0 0; padding-left: 1.4rem; }
ol.alts li { overflow-wrap: anywhere; }
.conf { color: var(--muted); font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .25rem .4rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
th { white-space: nowrap; overflow-wrap: normal; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
#tip { position: absolute; z-index: 4; max-width: 22rem; background: var(--ink); color: var(--paper); padding: .4rem .65rem;
  border-radius: 6px; font-size: .875rem; pointer-events: none; box-shadow: 0 4px 14px rgba(0,0,0,.25); overflow-wrap: anywhere; }
#tip .alt { opacity: .8; }
@media (max-width: 60rem) { .layout { grid-template-columns: minmax(0, 1fr); } #details { position: static; } }
@media print {
  @page { margin: 18mm; }
  body { background: none; font-size: 10pt; }
  header { position: static; border: 0; padding: 0 0 8pt; }
  .toggle, .skip, #tip, #details, .hint { display: none !important; }
  .layout { display: block; padding: 0; max-width: none; }
  .doc { border: 0; padding: 0; font-size: 11pt; line-height: 1.6; }
  mark, ins { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .doc mark[data-r]::after { content: " [\\2192\\00a0" attr(data-r) "]"; font-style: italic; font-size: .85em; }
  .panel { border: 0; padding: 12pt 0 0; }
  tr { break-inside: avoid; }
}
`;

/**
 * One delegated handler for every highlighted span, whatever the document's length: hover or focus shows
 * the restorations in a tooltip; a click, Enter or Space pins them in the details panel.
 */
export const SCRIPT = `
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("unspin-data").textContent);
  var root = document.getElementById("views");
  var tip = document.getElementById("tip");
  var body = document.getElementById("details-body");
  var active = null;

  function pct(value) { return Math.round(value * 100) + "%"; }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function spanOf(target) {
    var span = target && target.closest ? target.closest("[data-i]") : null;
    return span && root.contains(span) ? span : null;
  }

  function showTip(span) {
    var f = data[span.getAttribute("data-i")];
    tip.replaceChildren(el("div", "", "\\u2192 " + f.r[0][0] + " (" + pct(f.r[0][1]) + ")"));
    if (f.r.length > 1) tip.appendChild(el("div", "alt", "also: " + f.r.slice(1).map(function (r) { return r[0]; }).join(", ")));
    tip.hidden = false;
    var box = span.getBoundingClientRect();
    var left = Math.min(box.left, document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(8, left) + window.scrollX + "px";
    tip.style.top = box.bottom + window.scrollY + 6 + "px";
    span.setAttribute("aria-describedby", "tip");
  }
  function hideTip(span) {
    tip.hidden = true;
    if (span) span.removeAttribute("aria-describedby");
  }

  function select(span) {
    var f = data[span.getAttribute("data-i")];
    if (active) { active.classList.remove("active"); active.setAttribute("aria-expanded", "false"); }
    active = span;
    span.classList.add("active");
    span.setAttribute("aria-expanded", "true");
    var list = el("ol", "alts");
    f.r.forEach(function (r) {
      var item = el("li", "", r[0] + " ");
      item.appendChild(el("span", "conf", "(" + pct(r[1]) + ")"));
      list.appendChild(item);
    });
    body.replaceChildren(
      el("p", "big", "\\u201c" + f.t + "\\u201d \\u2192 \\u201c" + f.r[0][0] + "\\u201d"),
      el("p", "conf", "spun with " + pct(f.c) + " confidence; restorations, best first:"),
      list,
      el("p", "meta", "source: " + f.s));
  }

  function onEvent(event) {
    var span = spanOf(event.target);
    if (!span) return;
    if (event.type === "mouseover" || event.type === "focusin") showTip(span);
    else if (event.type === "mouseout" || event.type === "focusout") hideTip(span);
    else if (event.type === "click") select(span);
    else if (event.key === "Enter" || event.key === " ") { event.preventDefault(); select(span); }
    else if (event.key === "Escape") hideTip(span);
  }
  ["mouseover", "mouseout", "focusin", "focusout", "click", "keydown"].forEach(function (type) {
    root.addEventListener(type, onEvent);
  });

  var buttons = document.querySelectorAll(".toggle button");
  function showView(name) {
    buttons.forEach(function (button) {
      var on = button.getAttribute("data-view") === name;
      button.setAttribute("aria-pressed", String(on));
      document.getElementById("view-" + button.getAttribute("data-view")).hidden = !on;
    });
    hideTip(null);
  }
  buttons.forEach(function (button) {
    button.addEventListener("click", function () { showView(button.getAttribute("data-view")); });
  });
})();
`;

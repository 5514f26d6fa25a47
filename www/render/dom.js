// DOM helpers for the generic form pages and the outcome panel. Text always goes in through textContent, never as
// HTML; SVG is built with createElementNS. Nothing here sets inline styles (the CSP forbids them).

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Create an HTML element with classes, text and attributes (false / null / undefined attributes are skipped). */
export function el(tag, { className, text, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  setAttrs(node, attrs);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** Create an SVG element. */
export function svg(tag, attrs = {}, children = []) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** An SVG <text> element holding `text` as a text node. */
export function svgText(text, attrs = {}) {
  const node = svg('text', attrs);
  node.textContent = String(text);
  return node;
}

function setAttrs(node, attrs) {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === undefined || v === null) continue;
    node.setAttribute(k, v === true ? '' : String(v));
  }
}

/** A GOV.UK warning text block ("!" icon), e.g. for "Checks unavailable". */
export function warningText(text) {
  return el('div', { className: 'govuk-warning-text' }, [
    el('span', { className: 'govuk-warning-text__icon', text: '!', attrs: { 'aria-hidden': 'true' } }),
    el('strong', { className: 'govuk-warning-text__text' }, [
      el('span', { className: 'govuk-visually-hidden', text: 'Warning' }),
      document.createTextNode(text),
    ]),
  ]);
}

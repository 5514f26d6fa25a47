// Shared by the demo pages: GOV.UK Frontend set-up and loading the checks module from /pkg/.
// No inline script or style anywhere: the server's Content-Security-Policy forbids both.

export const PAGES = {
  'sf-referral': '/www/referral.html',
  'case-audit': '/www/case-audit.html',
  'casework-supervision': '/www/casework-supervision.html',
  'family-programme': '/www/family-programme.html',
  'group-supervision': '/www/group-supervision.html',
  'safety-plan': '/www/safety-plan.html',
};

/** Mark the page as JavaScript-enabled the way govuk-frontend's template does, then start its components. */
export async function startGovukFrontend() {
  document.body.classList.add('js-enabled', 'govuk-frontend-supported');
  try {
    const govuk = await import('/govuk/govuk-frontend.min.js');
    govuk.initAll();
  } catch (err) {
    // The page works without the components (skip link, navigation toggle); say so quietly.
    document.body.dataset.govukFrontend = 'unavailable';
  }
}

/**
 * Load and initialise the WebAssembly checks. Resolves to the module's exports, or throws.
 * The module is imported dynamically so that a missing or broken package cannot stop the page from rendering.
 */
export async function loadChecks() {
  const mod = await import('/pkg/index.js');
  await mod.default();
  return mod;
}

/** Create an element with classes and text (text always via textContent). */
export function el(tag, { className, text, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === false || v === undefined || v === null) continue;
      node.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

// Shared by the demo pages: GOV.UK Frontend set-up and loading the checks module from /pkg/ (each form's page its
// own module).
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
 * The package entry a page for `formId` loads: the form's own module (`safeguarding-forms/forms/<form-id>`, under half
 * of the all-forms module's size, with its own catalogue) when the package has one, as its package.json's `exports`
 * say; else, and for a page of every form (no `formId`), the all-forms module. Reading the manifest instead of trying
 * the form's module means an id the package does not have (the generic page's `?form=`) costs no failed request: the
 * all-forms module then says the form does not exist.
 */
export async function packageEntry(formId) {
  if (!formId) return '/pkg/index.js';
  try {
    const manifest = await (await fetch('/pkg/package.json')).json();
    if (Object.hasOwn(manifest.exports ?? {}, `./forms/${formId}`)) return `/pkg/forms/${encodeURIComponent(formId)}/index.js`;
  } catch {
    // No manifest to read: the all-forms module has every form.
  }
  return '/pkg/index.js';
}

/**
 * Load and initialise the WebAssembly checks for the page's form (every form without one; see packageEntry).
 * Resolves to the module's exports, or throws. The module is imported dynamically so that a missing or broken
 * package cannot stop the page from rendering.
 */
export async function loadChecks(formId) {
  const mod = await import(await packageEntry(formId));
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

// "Council profile": lets a person load their council's profile file (JSON: one version, or a list of versions with
// effectiveFrom) and see the page's checks change. The file is read in the browser (File.text()) and never sent
// anywhere. A file that is not JSON or not a valid profile is named at its first problems; the checks stay as they
// were. Mounted by the live form (www/live-form.js) before the form on every page.

import { el } from '/www/render/dom.js';

/**
 * @param {object} live     the live form (its `setOptions`)
 * @param {object} checks   the package (checkProfile, profiles)
 * @param {HTMLElement} before  the element the control goes before (the form)
 */
export function mountProfileLoader(live, checks, before) {
  // The profile the page already runs under (a built-in id from the page's `?profile=`), else `default`.
  const current = live.options?.('draft')?.profile;
  const currentId = typeof current === 'string' ? current : 'default';
  let currentTitle = currentId;
  try {
    currentTitle = checks.profiles?.().find((p) => p.id === currentId)?.title ?? currentId;
  } catch { /* the id stands for itself */ }
  const summaryText = el('span', { className: 'govuk-details__summary-text', text: `Council profile: ${currentId === 'default' ? 'default' : currentTitle}` });
  // Attached only while there is a problem to show (a page counts its error messages).
  const error = el('p', { className: 'govuk-error-message', attrs: { id: 'sf-profile-error' } });
  const input = el('input', {
    className: 'govuk-file-upload',
    attrs: { id: 'sf-profile-file', type: 'file', accept: '.json,application/json', 'aria-describedby': 'sf-profile-hint' },
  });
  const group = el('div', { className: 'govuk-form-group' }, [
    el('label', { className: 'govuk-label', text: 'Profile file (JSON)', attrs: { for: 'sf-profile-file' } }),
    el('div', {
      className: 'govuk-hint',
      attrs: { id: 'sf-profile-hint' },
      text: 'Your council’s localities, timescales and rules, as a profile file. It is read on this page and never sent anywhere.',
    }),
    input,
  ]);
  const status = el('div', { attrs: { id: 'sf-profile-status', role: 'status' } });
  const reset = el('button', {
    className: 'govuk-button govuk-button--secondary',
    text: 'Use the default profile',
    attrs: { type: 'button', id: 'sf-profile-default', hidden: currentId === 'default' },
  });
  const box = el('details', { className: 'govuk-details', attrs: { id: 'sf-profile', 'data-profile': currentId } }, [
    el('summary', { className: 'govuk-details__summary' }, [summaryText]),
    el('div', { className: 'govuk-details__text' }, [group, status, reset]),
  ]);
  before.before(box);

  function showError(text) {
    group.classList.add('govuk-form-group--error');
    input.classList.add('govuk-file-upload--error');
    error.replaceChildren(el('span', { className: 'govuk-visually-hidden', text: 'Error:' }), ` ${text}`);
    if (!error.isConnected) input.before(error);
  }

  function clearError() {
    group.classList.remove('govuk-form-group--error');
    input.classList.remove('govuk-file-upload--error');
    error.remove();
  }

  function use(profile, title, lines) {
    live.setOptions({ profile });
    summaryText.textContent = `Council profile: ${title}`;
    box.dataset.profile = profile === undefined ? 'default' : typeof profile === 'string' ? profile : 'file';
    reset.hidden = profile === undefined;
    status.replaceChildren(...(lines.length ? [
      el('p', { className: 'govuk-body', text: `Checking with ${title}. What it changes:` }),
      el('ul', { className: 'govuk-list govuk-list--bullet' }, lines.slice(0, 12).map((l) => el('li', { text: l }))),
    ] : []));
  }

  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    let doc;
    try {
      doc = JSON.parse(await file.text());
    } catch {
      showError('The file is not a profile: it is not JSON');
      return;
    }
    const result = checks.checkProfile(doc);
    if (!result.valid) {
      const first = result.problems.slice(0, 3).map((p) => `${p.path || 'the file'}: ${p.message}`).join('; ');
      showError(`The profile has ${result.problems.length === 1 ? 'a problem' : `${result.problems.length} problems`}: ${first}`);
      return;
    }
    clearError();
    const versions = Array.isArray(doc) ? doc : [doc];
    const inForce = versionInForce(doc, live.today ?? new Date().toISOString().slice(0, 10));
    const title = inForce?.title ?? `${versions[0]?.title ?? 'your council'} (not in force yet: the default applies)`;
    const lines = (inForce ? [inForce] : []).flatMap((v) => [
      ...Object.keys(v.values ?? {}).map((k) => `${k}: ${typeof v.values[k] === 'object' ? v.values[k].value : v.values[k]}`),
      ...Object.entries(v.options ?? {}).flatMap(([form, fields]) => Object.entries(fields).map(([p, list]) => `${form} ${p}: ${list.join(', ')}`)),
      ...Object.entries(v.rules ?? {}).map(([code, r]) => `${code}: ${r.enabled === false ? 'switched off' : r.severity}`),
    ]);
    use(doc, title, [...new Set(lines)]);
  });

  reset.addEventListener('click', () => {
    clearError();
    input.value = '';
    use(undefined, 'default', []);
  });
  return box;
}

/** The version of a profile document (or list of versions) in force on `today`, as the engine picks it: the latest
 *  that has taken effect; undefined before the first. */
export function versionInForce(doc, today) {
  const versions = Array.isArray(doc) ? doc : [doc];
  return versions.filter((v) => v && typeof v === 'object' && (!v.effectiveFrom || v.effectiveFrom <= today))
    .sort((a, b) => String(a.effectiveFrom ?? '').localeCompare(String(b.effectiveFrom ?? ''))).pop();
}

/** A profile title's council name: up to its first parenthesis or colon ("Telford & Wrekin (Strengthening Families
 *  Reference Manual, 2020)" → "Telford & Wrekin"), as the engine reads it (src/engine/profile.rs `council_name`). */
export function councilName(title) {
  return String(title ?? '').split(/[(:]/)[0].trim();
}

/**
 * The name of the council whose profile a page runs under (`options.profile`: a built-in id, a document or a list of
 * versions), or null under `default`. A built-in's title comes from the package's `profiles()`; a document's from
 * the version in force on `today` (before the first, the profile it extends).
 */
export function councilOf(checks, profile, today) {
  if (profile === undefined || profile === null || profile === 'default') return null;
  let title;
  if (typeof profile === 'string') {
    try {
      title = checks?.profiles().find((p) => p.id === profile)?.title;
    } catch {
      title = undefined;
    }
  } else {
    const version = versionInForce(profile, today);
    if (!version) {
      const first = (Array.isArray(profile) ? profile : [profile])[0];
      return councilOf(checks, typeof first?.extends === 'string' ? first.extends : undefined, today);
    }
    title = version.title;
  }
  return councilName(title) || null;
}

// What every bundler app does once the package is loaded: one known good and one known bad referral through the
// engine, the reports written into the page for the test to read (and for a person to see).
const good = {
  referralDate: '2025-05-20', receivedOn: '2025-05-21', route: 'social-work-assessment', service: 'whole-family-working',
  referrer: { name: 'A Referrer', agency: 'social-care', email: 'a.referrer@example.gov.uk', phone: '01952 387183' },
  address: { line1: '1 Pool Farm Avenue', town: 'Telford', postcode: 'TF1 6FR' },
  assessment: { type: 'social-work-assessment', date: '2025-05-01', open: true },
  plan: { type: 'child-in-need-plan', date: '2025-05-10', open: true },
  consent: { given: true, date: '2025-05-01', by: 'Parent' },
  locality: 'hadley-castle',
  children: [{ name: 'C', dateOfBirth: '2012-01-15' }],
  adults: [{ name: 'P', relationship: 'mother' }],
  criteria: ['youth-offending', 'asb-level-2', 'adult-offending', 'homelessness-risk', 'physical-chastisement'].map((id) => ({ id })),
};
const { assessment: _dropped, ...bad } = good;

export function show(sf, bundler) {
  const options = { today: '2025-06-02', stage: 'submit' };
  const summary = (r) => ({ valid: r.valid, findings: r.diagnostics.map((d) => `${d.code} ${d.path}`) });
  const result = {
    bundler,
    good: summary(sf.validate('sf-referral', good, options)),
    bad: summary(sf.validate('sf-referral', bad, options)),
  };
  const out = document.getElementById('report');
  out.textContent = JSON.stringify(result, null, 2);
  document.body.dataset.checks = 'ready';
}

export function fail(error) {
  document.getElementById('report').textContent = `failed: ${error}`;
  document.body.dataset.checks = 'failed';
}

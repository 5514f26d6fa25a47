// Loads the built package the way a host does: pkg/package.json's entry, then initSync with the .wasm bytes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkgDir = path.join(root, 'pkg');
if (!fs.existsSync(path.join(pkgDir, 'package.json'))) {
  throw new Error('pkg/ is missing: run `npm run build` first');
}
const pj = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
export const sf = await import(pathToFileURL(path.join(pkgDir, pj.module)).href);
export const wasmBytes = fs.readFileSync(path.join(pkgDir, 'safeguarding_forms_bg.wasm'));
sf.initSync({ module: wasmBytes });

export const opts = { today: '2025-06-02', stage: 'submit' };

export function eligibleReferral() {
  return {
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
}

// Compiled (not run) by tests/node/types.test.mjs with `tsc --noEmit --strict`: the package's types let a vendor's
// editor complete field names and catch mistakes. Lines marked @ts-expect-error must fail to compile.
import init, { validate, FormSession, rules, type Report, type SfReferral, type FormData, type CaseAudit } from '../../pkg/index.js';

await init();

const referral: SfReferral = {
  referralDate: { day: '20', month: 'May', year: '2025' },
  route: 'social-work-assessment',
  children: [{ name: 'C', dateOfBirth: '2012-01-15', send: false }],
  criteria: [{ id: 'youth-offending' }],
};
const report = validate('sf-referral', referral, { today: '2025-06-02', stage: 'submit' });
const eligible: boolean | undefined = report.outcome?.eligible;
const firstPath: string | undefined = report.diagnostics[0]?.path;

const audit: FormData['case-audit'] = { auditDate: '2025-06-02', answers: { 'basic.demographics': 2 } };
const auditReport: Report = validate('case-audit', audit);
const a: CaseAudit = audit;

const session = new FormSession('sf-referral', { stage: 'draft' });
session.set('/referralDate', '2025-05-20');
session.free();
rules('sf-referral', { profile: 'walsall' }).map((r) => r.citation.fidelity);

// @ts-expect-error: not one of the routes
const badRoute: SfReferral = { route: 'by-pigeon' };
// @ts-expect-error: no such field on the referral
const badField: SfReferral = { referallDate: '2025-05-20' };
// @ts-expect-error: stage is draft or submit
validate('sf-referral', {}, { stage: 'final' });

export { eligible, firstPath, auditReport, a, badRoute, badField };

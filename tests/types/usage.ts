// Compiled (not run) by tests/node/types.test.mjs with `tsc --noEmit --strict`: the package's types let a vendor's
// editor complete field names and catch mistakes. Lines marked @ts-expect-error must fail to compile (an unexpected
// compile fails the test); tests/types/reject/ holds the same mistakes one per file, each checked for its own error.
import init, {
  validate, FormSession, rules, schema, uiSchema, outcomeSchema, carryForward,
  type Report, type SfReferral, type FormData, type FormId, type CaseAudit, type SfReferralOutcome, type Diagnostic,
} from '../../pkg/index.js';

await init();

const referral: SfReferral = {
  referralDate: { day: '20', month: 'May', year: '2025' },
  route: 'social-work-assessment',
  children: [{ name: 'C', dateOfBirth: '2012-01-15', send: false }],
  criteria: [{ id: 'youth-offending' }],
};
const report = validate('sf-referral', referral, { today: '2025-06-02', stage: 'submit' });
const eligible: boolean | undefined = report.outcome?.eligible;
const needed: number | undefined = report.outcome?.domainsNeeded;
const typed: Report<'sf-referral'> = report;
const outcome: SfReferralOutcome | null = report.outcome;
const firstPath: string | undefined = report.diagnostics[0]?.path;
const messageId: string | undefined = report.diagnostics[0]?.messageId;
const d: Diagnostic | undefined = report.diagnostics[0];
const param: string | number | undefined = d?.params?.label;

// each form's own outcome
const audit: FormData['case-audit'] = { auditDate: '2025-06-02', answers: { 'basic.demographics': 2 } };
const auditReport = validate('case-audit', audit);
const grade: number | null | undefined = auditReport.outcome?.suggestedOverall;
const sectionTitles: string[] | undefined = auditReport.outcome?.sections.map((s) => s.title);
const a: CaseAudit = audit;
const gap: number | null | undefined = validate('supervision-log', {}).outcome?.longestGapDays;
const due: string | null | undefined = validate('return-home-interview', {}).outcome?.interviewDue;
const status: 'met' | 'met-late' | 'due' | 'due-soon' | 'overdue' | 'not-applicable' | undefined =
  validate('safety-plan', {}).outcome?.reviewStatus;

// an id only known at run time: the general overload, every form's report
const someId: string = 'case-closure';
const general: Report = validate(someId, {});
const anyOutcome = general.outcome;
const known: FormId = 'sf-allocation';
const union = validate(known, {});

// sessions, schemas, rules, carry forward
const session = new FormSession('sf-referral', { stage: 'draft' });
const r1: Report<'sf-referral'> = session.set('/referralDate', '2025-05-20');
const r1eligible: boolean | undefined = r1.outcome?.eligible;
const sessionData: SfReferral = session.data();
session.load({ route: 'health' });
session.free();
const generalSession = new FormSession(someId);
generalSession.free();
const s = schema('sf-referral', { dialect: 'draft-07' });
const routeTitle: string | undefined = s.properties.route.title;
const os = outcomeSchema('supervision-log');
const unit: string | undefined = os.properties.longestGapDays['x-unit'];
const ui: Record<string, unknown> = uiSchema('sf-referral', { library: 'jsonforms' });
rules('sf-referral', { profile: 'walsall' }).map((r) => r.citation.fidelity);
const ruleForm: 'sf-referral' | '*' | undefined = rules('sf-referral')[0]?.form;
const next: FormData['family-programme'] = carryForward('family-programme', {});

// @ts-expect-error: not one of the routes
const badRoute: SfReferral = { route: 'by-pigeon' };
// @ts-expect-error: no such field on the referral
const badField: SfReferral = { referallDate: '2025-05-20' };
// @ts-expect-error: stage is draft or submit
validate('sf-referral', {}, { stage: 'final' });
// @ts-expect-error: a misspelt field in a call
validate('sf-referral', { referalDate: '2025-05-20' });
// @ts-expect-error: a wrong choice value in a call
validate('sf-referral', { route: 'nonsense' });
// @ts-expect-error: no such form
validate('sf-referal', {});
// @ts-expect-error: the referral's outcome has no completeness
validate('sf-referral', {}).outcome?.completeness;
// @ts-expect-error: no such form for a session
new FormSession('sf-referal');
// @ts-expect-error: the referral does not carry forward
carryForward('sf-referral', {});
// @ts-expect-error: no such dialect
schema('sf-referral', { dialect: 'draft-04' });

export {
  eligible, needed, typed, outcome, firstPath, messageId, param, grade, sectionTitles, auditReport, a, gap, due, status,
  anyOutcome, union, r1eligible, sessionData, routeTitle, unit, ui, ruleForm, next, badRoute, badField,
};

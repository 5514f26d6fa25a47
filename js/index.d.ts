// Types of the safeguarding-forms package (see spec/api.md).

export type Severity = 'error' | 'warning' | 'info';

export interface Options {
  /** "YYYY-MM-DD"; default: the current date in Europe/London. */
  today?: string;
  /** "draft" (default) reports a missing required field as info; "submit" as error. */
  stage?: 'draft' | 'submit';
  /**
   * The council's profile: a built-in id ("default", "telford-wrekin", "west-sussex", "walsall", "south-glos"), one
   * profile document, or a list of versions of one council's profile (the latest whose effectiveFrom is on or before
   * today applies). An invalid profile throws a TypeError naming its first problem (see checkProfile).
   */
  profile?: string | Profile | Profile[];
  /** Extra non-working days (local authority closure days), "YYYY-MM-DD". */
  closures?: string[];
}

/** A rule's severity or switch as a profile sets it. */
export interface RuleSetting { severity?: Severity; enabled?: boolean; reason?: string }

/** A council's configuration as data (JSON Schema: profileSchema()). */
export interface Profile {
  $schema?: string;
  id: string;
  title: string;
  /** "default" or a built-in profile id. */
  extends?: string;
  /** "YYYY-MM-DD": with a list of versions, the latest on or before today applies. */
  effectiveFrom?: string;
  /** The council's own policy document. */
  source?: string;
  /** Sentences that profiles() shows. */
  notes?: string[];
  /** Parameter key (as rules() shows it) → value. */
  values?: Record<string, number | { value: number; source?: string }>;
  /** Form id → JSON Pointer of a choice field or local list (`*` for any row) → allowed values. */
  options?: Record<string, Record<string, string[]>>;
  /** Rule code → its severity or switch. */
  rules?: Record<string, RuleSetting>;
  /** Days the council's offices are closed, "YYYY-MM-DD". */
  closures?: string[];
  /** Extra bank holidays, or moved ones ({ date, replaces }). */
  bankHolidays?: (string | { date: string; replaces?: string })[];
}

export interface ProfileProblem { path: string; message: string }
export interface ProfileCheck { valid: boolean; problems: ProfileProblem[] }

/** Where a profile's setting comes from. */
export interface Origin { profile: string; source?: string }

export interface FormInfo { id: string; title: string; source: string; fields: number; rules: number }
export interface ProfileInfo { id: string; title: string; changes: string[] }

export interface Citation {
  document: string;
  title: string;
  section: string;
  fidelity: 'same' | 'interpreted';
}

export interface RuleInfo {
  code: string;
  /** The form id, or "*" for the input rules every form shares. */
  form: string;
  name: string;
  severity: Severity;
  /** True when the severity is info in draft and error at submit (a missing required field). */
  stageDependent?: boolean;
  /** False when the selected profile switches the rule off. */
  enabled: boolean;
  paths: string[];
  summary: string;
  citation: Citation;
  quote?: string;
  /** The thresholds the rule reads, as the selected profile sets them. */
  parameters?: ParameterInfo[];
  /** The rule's severity without a profile, when the profile changes it. */
  defaultSeverity?: Severity;
  /** Where the profile's change to this rule comes from. */
  setBy?: Origin;
}

export interface ParameterInfo {
  key: string;
  value: number;
  default: number;
  unit: string;
  /** The smallest and largest values a profile may set. */
  min: number;
  max: number;
  setBy?: Origin;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  /** JSON Pointer to the field ("" for the whole form). */
  path: string;
  /** GOV.UK style; never contains the user's input. */
  message: string;
  related?: string[];
  /** For timescale rules: the deadline ("YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"). */
  due?: string;
}

export interface Report<Outcome = Record<string, unknown>> {
  form: string;
  valid: boolean;
  diagnostics: Diagnostic[];
  outcome: Outcome | null;
  /**
   * Present (and true) only when the checks could not run for this call: the module trapped and has been
   * re-instantiated. `valid` is then false, the one diagnostic is SYS-001 ("Checks are unavailable for a moment;
   * your answers are kept. Try again.") at path "", and `outcome` is null. The next call is checked as usual; a
   * `FormSession` keeps its data.
   */
  unavailable?: true;
}

import type { FormData, FormId as KnownFormId, DateInput } from './forms.js';
export type { DateInput, FormData } from './forms.js';
export * from './forms.js';

export interface ReferralOutcome {
  eligible: boolean;
  domainsMet: string[];
  subcategoriesMet: string[];
  domainsNeeded: number;
  subcategoriesNeeded: number;
  suggested: string[];
  assessmentAndPlanOpen: boolean;
  routeAllowed: boolean;
}

/** Outcomes typed so far; every other form's outcome is a plain object (see docs/forms/<id>.md). */
export interface FormOutcome { 'sf-referral': ReferralOutcome }
/** A known form id, or any string (an unknown id throws). */
export type FormId = KnownFormId | (string & {});

export default function init(input?: unknown): Promise<unknown>;
export function initSync(input: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module): unknown;
export function forms(): FormInfo[];
export function rules(formId?: string, options?: Options): RuleInfo[];
export function profiles(): ProfileInfo[];
export function schema(formId: string, options?: Options): object;
/** Checks any value as a council profile; never throws. */
export function checkProfile(profile: unknown): ProfileCheck;
/** The JSON Schema of a council profile document. */
export function profileSchema(): object;
export function validate<F extends keyof FormOutcome>(formId: F, data: FormData[F], options?: Options): Report<FormOutcome[F]>;
export function validate<F extends keyof FormData>(formId: F, data: FormData[F], options?: Options): Report;
export function validate(formId: string, data: object, options?: Options): Report;
export function carryForward(formId: string, data: object): object;
export function workingDays(from: string, to: string, options?: Options): number;
export function addWorkingDays(from: string, days: number, options?: Options): string;

/** Test hooks, not part of the API and not covered by semver. */
export const __testing: {
  /** Only in the test build (pkg/test-hooks.js), never in the package: the next `n` calls into wasm throw
   * `WebAssembly.RuntimeError`, as a trap would. */
  trapNext?(n?: number): void;
  /** Calls into wasm so far. */
  readonly rawCalls: number;
  /** Re-instantiations so far. */
  readonly heals: number;
  readonly generation: number;
  /** The current instance's linear memory, in bytes. */
  memoryBytes(): number;
};

/**
 * Live validation while a person types. Its reports are frozen (deeply): unchanged diagnostics and outcomes are shared
 * between successive reports, so a report is read-only; copy one (`structuredClone`) to change it.
 */
export class FormSession {
  constructor(formId: string, options?: Options);
  /** Replaces the whole form. Any object but an array is read by its own enumerable fields, as JSON.stringify reads
   * it. Data over the engine's 64 MB: the "too large" report (INP-017), as `validate` gives it; the session keeps it. */
  load(data: object): Report;
  /** Changes one field (RFC 6901 pointer). What is missing on the way is created (a new list row at the end: the
   * list's length or `-`). A list index is `0` or a number without leading zeros: anything else into a list (`-1`,
   * `abc`, `1.5`, `01`) or beyond its end throws an Error, the form unchanged. */
  set(pointer: string, value: unknown): Report;
  /** Deletes a field or a list row. Removing what is not there (a row past the end, anything under it) changes
   * nothing and returns the report; a malformed list index throws, as for `set`. */
  remove(pointer: string): Report;
  report(): Report;
  data(): object;
  free(): void;
}

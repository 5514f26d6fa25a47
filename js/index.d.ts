// Types of the safeguarding-forms package (see spec/api.md).

export type Severity = 'error' | 'warning' | 'info';

export interface Options {
  /** "YYYY-MM-DD"; default: the current date in Europe/London. */
  today?: string;
  /** "draft" (default) reports a missing required field as info; "submit" as error. */
  stage?: 'draft' | 'submit';
  /** A local authority profile; default "default". */
  profile?: string;
  /** Extra non-working days (local authority closure days), "YYYY-MM-DD". */
  closures?: string[];
}

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
export function schema(formId: string): object;
export function validate<F extends keyof FormOutcome>(formId: F, data: FormData[F], options?: Options): Report<FormOutcome[F]>;
export function validate<F extends keyof FormData>(formId: F, data: FormData[F], options?: Options): Report;
export function validate(formId: string, data: object, options?: Options): Report;
export function carryForward(formId: string, data: object): object;
export function workingDays(from: string, to: string, options?: Options): number;
export function addWorkingDays(from: string, days: number, options?: Options): string;

/** Test hooks, not part of the API and not covered by semver. */
export const __testing: {
  /** The next `n` calls into wasm throw `WebAssembly.RuntimeError`, as a trap would. */
  trapNext(n?: number): void;
  /** Calls into wasm so far. */
  readonly rawCalls: number;
  /** Re-instantiations so far. */
  readonly heals: number;
  readonly generation: number;
  /** The current instance's linear memory, in bytes. */
  memoryBytes(): number;
};

export class FormSession {
  constructor(formId: string, options?: Options);
  load(data: object): Report;
  set(pointer: string, value: unknown): Report;
  remove(pointer: string): Report;
  report(): Report;
  data(): object;
  free(): void;
}

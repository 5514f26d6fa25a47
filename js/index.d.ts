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
  /** Message templates by messageId replacing the English (`{param}` placeholders, as `messages()` lists them). */
  messages?: Record<string, string>;
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

export interface FormInfo<F extends FormId = FormId> { id: F; title: string; source: string; fields: number; rules: number }

export interface MessageInfo { id: string; template: string; params: string[] }
export interface ProfileInfo { id: string; title: string; changes: string[] }

export interface Citation {
  document: string;
  title: string;
  section: string;
  fidelity: 'same' | 'interpreted';
}

export interface RuleInfo<F extends FormId = FormId> {
  code: string;
  /** The form id, or "*" for the input rules every form shares. */
  form: F | '*';
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
  /** A stable id of the message's wording, for a host's own message table (translation, local wording). */
  messageId: string;
  /** The values the message is built from (labels, dates, numbers; never text the user typed). */
  params?: Record<string, string | number>;
  related?: string[];
  /** For timescale rules: the deadline ("YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"). */
  due?: string;
}

/** The report of one form: `outcome` is that form's own outcome type (see `FormOutcome`). */
export interface Report<F extends FormId = FormId> {
  form: F;
  valid: boolean;
  diagnostics: Diagnostic[];
  outcome: FormOutcome[F] | null;
  /**
   * Present (and true) only when the checks could not run for this call: the module trapped and has been
   * re-instantiated. `valid` is then false, the one diagnostic is SYS-001 ("Checks are unavailable for a moment;
   * your answers are kept. Try again.") at path "", and `outcome` is null. The next call is checked as usual; a
   * `FormSession` keeps its data.
   */
  unavailable?: true;
}

import type { FormData, FormOutcome, FormId, CarryForwardFormId, SfReferralOutcome } from './forms.js';
export * from './forms.js';

/** The referral's outcome (the name earlier versions used). */
export type ReferralOutcome = SfReferralOutcome;

/**
 * An id given as a `string` variable: accepted by the general overloads (an unknown id throws at run time). A string
 * literal that is not a form id is a compile error.
 */
export type AnyFormId<S extends string> = string extends S ? S : never;

/** A JSON Schema object, as far as this package's schemas use it. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  /** The unit of a number in an outcome ("days", "weeks", "months", "percent", "fraction"). */
  'x-unit'?: string;
}

/** The JSON Schema of a form's data: one property per field of the form. */
export interface FormSchema<F extends FormId = FormId> extends JsonSchema {
  type: 'object' | ['object', 'null'];
  title: string;
  properties: { [K in keyof FormData[F]]-?: JsonSchema };
}

/** One key of an outcome schema: a label (`title`) for a page, a description, a unit where a number has one. */
export interface OutcomeKeySchema extends JsonSchema {
  title: string;
}

/** The JSON Schema of a form's outcome (2020-12), from its declared outcome model. */
export interface OutcomeSchema<F extends FormId = FormId> extends JsonSchema {
  type: 'object';
  title: string;
  properties: { [K in keyof FormOutcome[F]]-?: OutcomeKeySchema };
  required: string[];
}

/** `schema()`'s options: a dialect, and a council's `profile` (its local lists become choices of its values). */
export interface SchemaOptions extends Options {
  /**
   * "2020-12" (default): every form of a value the engine reads (GOV.UK date parts, "yes"/"no", numbers as text,
   * blanks and nulls). "draft-07": for form renderers (react-jsonschema-form, JSON Forms) with their default
   * validators: one type per field, dates as `format: "date"`, choices as `oneOf: [{ const, title }]`.
   */
  dialect?: '2020-12' | 'draft-07';
}

export interface UiSchemaOptions {
  /** "rjsf" (react-jsonschema-form's `uiSchema`) or "jsonforms" (JSON Forms' `uischema`). */
  library: 'rjsf' | 'jsonforms';
}

export default function init(input?: unknown): Promise<unknown>;
export function initSync(input: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module): unknown;
export function forms(): FormInfo[];
export function rules(formId?: undefined, options?: Options): RuleInfo[];
export function rules<S extends string>(formId: AnyFormId<S>, options?: Options): RuleInfo[];
export function rules<F extends FormId>(formId: F, options?: Options): RuleInfo<F>[];
export function profiles(): ProfileInfo[];
export function messages(): MessageInfo[];
export function schema<S extends string>(formId: AnyFormId<S>, options?: SchemaOptions): FormSchema;
export function schema<F extends FormId>(formId: F, options?: SchemaOptions): FormSchema<F>;
/** The UI schema that goes with `schema(formId, { dialect: 'draft-07' })` for a form library. */
export function uiSchema<S extends string>(formId: FormId | AnyFormId<S>, options: UiSchemaOptions): Record<string, unknown>;
/** The JSON Schema of a form's outcome: a `title` (label) per key, `x-unit` where a number has a unit. */
export function outcomeSchema<S extends string>(formId: AnyFormId<S>): OutcomeSchema;
export function outcomeSchema<F extends FormId>(formId: F): OutcomeSchema<F>;
export function validate<S extends string>(formId: AnyFormId<S>, data: object, options?: Options): Report;
export function validate<F extends FormId>(formId: F, data: FormData[F], options?: Options): Report<F>;
export function carryForward<S extends string>(formId: AnyFormId<S>, data: object): object;
export function carryForward<F extends CarryForwardFormId>(formId: F, data: FormData[F]): FormData[F];
/** Checks any value as a council profile; never throws. */
export function checkProfile(profile: unknown): ProfileCheck;
/** The JSON Schema of a council profile document. */
export function profileSchema(): object;
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
  /** The default `today` (the Europe/London date, YYYY-MM-DD) at `now`, milliseconds since 1970. */
  londonToday(now: number): string;
};

/**
/**
 * A live form: data held between edits, checked on each. `new FormSession('sf-referral')` is a
 * `FormSession<'sf-referral'>` whose reports carry the referral's outcome; an id in a `string` variable gives a
 * `FormSession<FormId>`. Its reports are frozen (deeply): unchanged diagnostics and outcomes are shared between
 * successive reports, so a report is read-only; copy one (`structuredClone`) to change it.
 */
export interface FormSession<F extends FormId = FormId> {
  /** Replaces the whole form. Any object but an array is read by its own enumerable fields, as JSON.stringify reads
   * it. Data over the engine's 64 MB: the "too large" report (INP-017), as `validate` gives it; the session keeps it. */
  load(data: FormData[F]): Report<F>;
  /** Changes one field (RFC 6901 pointer). What is missing on the way is created (a new list row at the end: the
   * list's length or `-`). A list index is `0` or a number without leading zeros: anything else into a list (`-1`,
   * `abc`, `1.5`, `01`) or beyond its end throws an Error, the form unchanged. */
  set(pointer: string, value: unknown): Report<F>;
  /** Deletes a field or a list row. Removing what is not there (a row past the end, anything under it) changes
   * nothing and returns the report; a malformed list index throws, as for `set`. */
  remove(pointer: string): Report<F>;
  report(): Report<F>;
  data(): FormData[F];
  free(): void;
}
/**
 * A live form: data held between edits, checked on each. `new FormSession('sf-referral')` is a
 * `FormSession<'sf-referral'>` whose reports carry the referral's outcome; an id in a `string` variable gives a
 * `FormSession<FormId>`; a string literal that is not a form id does not compile.
 */
export const FormSession: {
  new <S extends string>(formId: AnyFormId<S>, options?: Options): FormSession;
  new <F extends FormId>(formId: F, options?: Options): FormSession<F>;
  readonly prototype: FormSession;
};

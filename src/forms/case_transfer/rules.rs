//! The transfer rules: one declaration each, and the check functions.

use crate::engine::case;
use crate::engine::value::{Map, Value};
use chrono::NaiveDate;

use super::model;
use crate::engine::checks;
use crate::engine::context::Ctx;
use crate::engine::read;
use crate::engine::rule::{Cite, Rule, SEED_002};
use crate::msg;
use crate::rule;

const TRANSFER: &str = "TRANSFER";

rule!(REQUIRED, "TRF-001", "missing-required-field", Error, Required,
    ["/fromLocality", "/toLocality", "/outstandingTasks", "/formsUpToDate", "/practitionerContinuesUntilAllocated", "/authorisedBy", "/authorisedOn", "/allocatedOn", "/finalisedOn", "/receivingSeniorBsoOn", "/takenToApmOn"],
    Cite::interpreted(SEED_002, TRANSFER),
    "A field the transfer summary needs is missing: both localities, the outstanding tasks (an empty list when there are none), whether the forms are up to date, whether the practitioner continues until allocation; who authorised it and when, once it has been reassigned, allocated or finalised.",
    "Complete transfer summary form to be completed including outstanding tasks.");

rule!(
    SAME_LOCALITY,
    "TRF-002",
    "transfer-to-same-locality",
    Error,
    Check,
    ["/toLocality", "/fromLocality"],
    Cite::interpreted(SEED_002, TRANSFER),
    "The receiving locality is the one the family is leaving.",
    "Receiving Hub to: Update FST Overview"
);

rule!(
    FORMS_NOT_UP_TO_DATE,
    "TRF-003",
    "forms-not-up-to-date",
    Error,
    Check,
    ["/formsUpToDate"],
    Cite::same(SEED_002, TRANSFER),
    "The forms on Protocol are not up to date.",
    "All forms on Protocol to be up to date."
);

rule!(
    NOT_AUTHORISED_BY_SENIOR,
    "TRF-004",
    "transfer-not-authorised-by-senior-practitioner",
    Error,
    Check,
    ["/authorisedBy"],
    Cite::same(SEED_002, TRANSFER),
    "The transfer summary was authorised by someone other than a senior practitioner.",
    "Form to be sent for authorisation to Senior Practitioner."
);

rule!(
    PRACTITIONER_STOPS,
    "TRF-005",
    "practitioner-stops-before-allocation",
    Error,
    Check,
    ["/practitionerContinuesUntilAllocated", "/allocatedOn"],
    Cite::same(SEED_002, TRANSFER),
    "The practitioner is recorded as not continuing with the family, and the receiving hub has not allocated it.",
    "Practitioner to continue with family until allocation by receiving hub has been confirmed."
);

rule!(
    FINALISED_BEFORE_ALLOCATION,
    "TRF-006",
    "transfer-finalised-before-allocation",
    Error,
    Check,
    ["/finalisedOn", "/allocatedOn"],
    Cite::same(SEED_002, TRANSFER),
    "The transfer was finalised before the receiving hub allocated the family.",
    "Once allocated, transfer is completed and form finalised."
);

rule!(STEPS_OUT_OF_ORDER, "TRF-007", "transfer-steps-out-of-order", Error, Check,
    ["/receivingSeniorBsoOn", "/authorisedOn", "/takenToApmOn", "/allocatedOn"],
    Cite::interpreted(SEED_002, TRANSFER),
    "The form was reassigned to the receiving hub before it was authorised, or the receiving hub took it to the APM or allocated it before it was reassigned to them.",
    "Senior Practitioner to reassign form to Senior BSO in receiving hub.");

rule!(
    DATE_IN_FUTURE,
    "TRF-008",
    "date-in-future",
    Error,
    Check,
    ["/authorisedOn", "/receivingSeniorBsoOn", "/takenToApmOn", "/allocatedOn", "/finalisedOn"],
    Cite::interpreted(SEED_002, TRANSFER),
    "A date of something that has happened is after today.",
    ""
);

pub static RULES: &[&Rule] = &[
    &REQUIRED,
    &SAME_LOCALITY,
    &FORMS_NOT_UP_TO_DATE,
    &NOT_AUTHORISED_BY_SENIOR,
    &PRACTITIONER_STOPS,
    &FINALISED_BEFORE_ALLOCATION,
    &STEPS_OUT_OF_ORDER,
    &DATE_IN_FUTURE,
];

/// The steps' dates, read once.
pub struct Facts {
    pub authorised: Option<NaiveDate>,
    pub reassigned: Option<NaiveDate>,
    pub taken_to_apm: Option<NaiveDate>,
    pub allocated: Option<NaiveDate>,
    pub finalised: Option<NaiveDate>,
}

pub fn facts(data: &Map<String, Value>) -> Facts {
    Facts {
        authorised: read::date(data, "authorisedOn"),
        reassigned: read::date(data, "receivingSeniorBsoOn"),
        taken_to_apm: read::date(data, "takenToApmOn"),
        allocated: read::date(data, "allocatedOn"),
        finalised: read::date(data, "finalisedOn"),
    }
}

pub fn check(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    required(data, ctx);
    dates(data, ctx, f);
    localities(data, ctx);
    answers(data, ctx, f);
}

fn required(data: &Map<String, Value>, ctx: &mut Ctx) {
    // An empty list is an answer ("none"); only a missing one is not.
    if data.get("outstandingTasks").is_none_or(Value::is_null) {
        ctx.emit(&REQUIRED, "/outstandingTasks", &TRF001_ENTER_OUTSTANDING_TASKS_SAY);
    }
    let later = ["receivingSeniorBsoOn", "takenToApmOn", "allocatedOn", "finalisedOn"];
    let moved_on = later.iter().any(|k| !read::is_blank(data.get(k)));
    let has_by = !read::is_blank(data.get("authorisedBy"));
    let has_on = !read::is_blank(data.get("authorisedOn"));
    if !has_by && (moved_on || has_on) {
        ctx.emit(&REQUIRED, "/authorisedBy", &TRF001_SELECT_WHO_AUTHORISED_TRANSFER);
    }
    if !has_on && (moved_on || has_by) {
        ctx.emit(&REQUIRED, "/authorisedOn", &TRF001_ENTER_DATE_TRANSFER_AUTHORISED);
    }
}

fn dates(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    checks::dates_not_after_today(model::FIELDS, data, ctx, &DATE_IN_FUTURE);
    if let (Some(authorised), Some(reassigned)) = (f.authorised, f.reassigned) {
        if reassigned < authorised {
            ctx.emit(&STEPS_OUT_OF_ORDER, "/receivingSeniorBsoOn", &TRF007_FORM_REASSIGNED_RECEIVING_HUB)
                .related(["/authorisedOn"]);
        }
    }
    if let Some(reassigned) = f.reassigned {
        for (date, key, label) in [
            (f.taken_to_apm, "takenToApmOn", "Date the transfer was taken to the APM"),
            (f.allocated, "allocatedOn", "Date the receiving hub allocated the family"),
        ] {
            if date.is_some_and(|d| d < reassigned) {
                ctx.emit(
                    &STEPS_OUT_OF_ORDER,
                    crate::text!("/", key),
                    msg!(TRF007_LABEL_SAME_AFTER_DATE, label = label),
                )
                .related(["/receivingSeniorBsoOn"]);
            }
        }
    }
    match (f.finalised, f.allocated) {
        (Some(finalised), Some(allocated)) if finalised < allocated => {
            ctx.emit(&FINALISED_BEFORE_ALLOCATION, "/finalisedOn", &TRF006_DATE_TRANSFER_FINALISED_SAME)
                .related(["/allocatedOn"]);
        }
        (Some(_), None) => {
            ctx.emit(&FINALISED_BEFORE_ALLOCATION, "/finalisedOn", &TRF006_TRANSFER_FINALISED_ONLY_ONCE)
                .related(["/allocatedOn"]);
        }
        _ => {}
    }
}

fn localities(data: &Map<String, Value>, ctx: &mut Ctx) {
    // Localities are a council's own list, or open text where its profile lists none: the same name however it is
    // capitalised or spaced is the same locality.
    let key = |k| read::text(data, k).map(|t| case::lower_key(&t.split_whitespace().collect::<Vec<_>>().join(" ")));
    let (from, to) = (key("fromLocality"), key("toLocality"));
    if from.is_some() && from == to {
        ctx.emit(&SAME_LOCALITY, "/toLocality", &TRF002_RECEIVING_LOCALITY_DIFFERENT_LOCALITY)
            .related(["/fromLocality"]);
    }
}

fn answers(data: &Map<String, Value>, ctx: &mut Ctx, f: &Facts) {
    if read::boolean(data, "formsUpToDate") == Some(false) {
        ctx.emit(&FORMS_NOT_UP_TO_DATE, "/formsUpToDate", &TRF003_BRING_ALL_FORMS_PROTOCOL);
    }
    if read::choice(data, "authorisedBy", model::AUTHORISER_ROLES).is_some_and(|r| r != "senior-practitioner") {
        ctx.emit(&NOT_AUTHORISED_BY_SENIOR, "/authorisedBy", &TRF004_SENIOR_PRACTITIONER_AUTHORISES_TRANSFER);
    }
    if read::boolean(data, "practitionerContinuesUntilAllocated") == Some(false) && f.allocated.is_none() {
        ctx.emit(
            &PRACTITIONER_STOPS,
            "/practitionerContinuesUntilAllocated",
            &TRF005_PRACTITIONER_CONTINUES_FAMILY_UNTIL,
        )
        .related(["/allocatedOn"]);
    }
}

crate::messages! {
    TRF001_ENTER_OUTSTANDING_TASKS_SAY = "TRF-001.enter-outstanding-tasks-say": "Enter the outstanding tasks, or say there are none";
    TRF001_SELECT_WHO_AUTHORISED_TRANSFER = "TRF-001.select-who-authorised-transfer": "Select who authorised the transfer";
    TRF001_ENTER_DATE_TRANSFER_AUTHORISED = "TRF-001.enter-date-transfer-authorised": "Enter the date the transfer was authorised";
    TRF007_FORM_REASSIGNED_RECEIVING_HUB = "TRF-007.form-reassigned-receiving-hub": "The form is reassigned to the receiving hub only once the senior practitioner has authorised it";
    TRF007_LABEL_SAME_AFTER_DATE = "TRF-007.label-same-after-date": "{label} must be the same as or after the date the form was reassigned to the receiving hub";
    TRF006_DATE_TRANSFER_FINALISED_SAME = "TRF-006.date-transfer-finalised-same": "Date the transfer was finalised must be the same as or after the date the receiving hub allocated the family";
    TRF006_TRANSFER_FINALISED_ONLY_ONCE = "TRF-006.transfer-finalised-only-once": "The transfer is finalised only once the receiving hub has allocated the family";
    TRF002_RECEIVING_LOCALITY_DIFFERENT_LOCALITY = "TRF-002.receiving-locality-different-locality": "The receiving locality must be different from the locality the family is leaving";
    TRF003_BRING_ALL_FORMS_PROTOCOL = "TRF-003.bring-all-forms-protocol": "Bring all forms on Protocol up to date before the transfer";
    TRF004_SENIOR_PRACTITIONER_AUTHORISES_TRANSFER = "TRF-004.senior-practitioner-authorises-transfer": "A senior practitioner authorises the transfer summary";
    TRF005_PRACTITIONER_CONTINUES_FAMILY_UNTIL = "TRF-005.practitioner-continues-family-until": "The practitioner continues with the family until the receiving hub has confirmed the allocation";
}

//! Thresholds that one policy sets for several forms: a council's profile sets each once, by its own key, and every
//! form that applies the policy follows (`docs/configure-your-council.md` lists them with the forms that read them).

use crate::engine::profile::Param;

/// Personal supervision: how many weeks at most between sessions. The supervision contract's frequency, the
/// personal supervision record's next session and the supervision log's gaps all read it. Default: the policy's
/// "at least monthly" (002, "6. Supervision Framework, Frequency & Recording Guide").
pub static SUPERVISION_FREQUENCY_WEEKS: Param = Param { key: "supervision.frequencyWeeks", default: 4, unit: "weeks" };

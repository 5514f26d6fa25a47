// expect: 'completeness' does not exist on type 'SfReferralOutcome'
import { validate } from '../../../pkg/index.js';
// `completeness` is the case audit's; the referral's outcome does not have it.
const c: number | undefined = validate('sf-referral', {}).outcome?.completeness;
export { c };

// A Vite app of one form: the referral's own module (`safeguarding-forms/forms/sf-referral`), so the build emits that
// module's .wasm and not the all-forms one.
import init, * as sf from 'safeguarding-forms/forms/sf-referral';
import { show, fail } from '../shared/check.js';

init().then(() => show(sf, 'vite'), fail);

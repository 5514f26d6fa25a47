// expect: '"nonsense"' is not assignable
import { validate } from '../../../pkg/index.js';
validate('sf-referral', { route: 'nonsense' });

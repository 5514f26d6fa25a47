// expect: 'referalDate' does not exist in type 'SfReferral'
import { validate } from '../../../pkg/index.js';
validate('sf-referral', { referalDate: '2025-05-20' });

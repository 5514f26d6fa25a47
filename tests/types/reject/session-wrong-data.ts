// expect: 'referalDate' does not exist in type 'SfReferral'
import { FormSession } from '../../../pkg/index.js';
new FormSession('sf-referral').load({ referalDate: '2025-05-20' });

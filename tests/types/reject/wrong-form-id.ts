// expect: '"sf-referal"' is not assignable to parameter of type 'keyof FormData'
import { validate } from '../../../pkg/index.js';
validate('sf-referal', {});

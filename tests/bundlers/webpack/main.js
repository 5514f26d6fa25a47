// A webpack 5 app: the web entry as it is; webpack follows `new URL('…wasm', import.meta.url)` and emits the .wasm.
import init, * as sf from 'safeguarding-forms';
import { show, fail } from '../shared/check.js';

init().then(() => show(sf, 'webpack'), fail);

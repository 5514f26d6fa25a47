// A Vite app: the web entry as it is; `init()` fetches the .wasm that Vite emitted (build) or serves (dev server).
import init, * as sf from 'safeguarding-forms';
import { show, fail } from '../shared/check.js';

init().then(() => show(sf, 'vite'), fail);

// No bundler: the page imports the package's web entry from where its folder is served (here node_modules as it
// is); `init()` fetches the .wasm beside it.
import init, * as sf from '/node_modules/safeguarding-forms/index.js';
import { show, fail } from '../shared/check.js';

init().then(() => show(sf, 'none'), fail);

// An esbuild app. esbuild does not follow `new URL('…', import.meta.url)`, so the app imports the .wasm's URL (the
// `file` loader copies it to the output folder) and hands it to `init()`.
import init, * as sf from 'safeguarding-forms';
import wasmUrl from 'safeguarding-forms/safeguarding_forms_bg.wasm';
import { show, fail } from '../shared/check.js';

init(new URL(wasmUrl, import.meta.url)).then(() => show(sf, 'esbuild'), fail);

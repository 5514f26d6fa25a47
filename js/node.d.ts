// Types of the package's Node entry (node.js / node.cjs): everything of the web entry, with `init()` and
// `initSync()` taking no argument as well (they then read safeguarding_forms_bg.wasm from the package's folder).
import initWeb, { initSync as initSyncWeb } from './index.js';

export * from './index.js';

/** Loads the module; with no argument (or a path / file: URL) it reads the `.wasm` from disk. */
export default function init(input?: Parameters<typeof initWeb>[0] | string | URL): ReturnType<typeof initWeb>;
/** Loads the module synchronously; with no argument (or a path / file: URL) it reads the `.wasm` from disk. */
export function initSync(input?: Parameters<typeof initSyncWeb>[0] | string | URL): ReturnType<typeof initSyncWeb>;

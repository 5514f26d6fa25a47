// Vite 7 and older need one setting, for the dev server only (the package README says so): keep the package out of
// the dependency pre-bundling, or the pre-bundled copy's `new URL('safeguarding_forms_bg.wasm', import.meta.url)`
// points into node_modules/.vite/deps/, where there is no .wasm, and the dev server answers with index.html.
// Vite 8 (and `vite build` of any version) needs nothing: the test runs Vite 8 without this file.
export default {
  optimizeDeps: { exclude: ['safeguarding-forms'] },
};

// The one setting Vite needs (the package README says so): keep the package out of the dev server's dependency
// pre-bundling, or the glue's `new URL('safeguarding_forms_bg.wasm', import.meta.url)` points into
// node_modules/.vite/deps/, where there is no .wasm, and the dev server answers with index.html. `vite build` needs
// nothing.
export default {
  optimizeDeps: { exclude: ['safeguarding-forms'] },
};

// esbuild's options for the app (the package README names the one that matters: the `file` loader for .wasm).
// `outdir` is filled in by the test for its scratch folder.
export default {
  entryPoints: ['main.js'],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  minify: true,
  loader: { '.wasm': 'file' },
};

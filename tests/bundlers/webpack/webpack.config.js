// webpack 5 needs no setting for the package: `new URL('safeguarding_forms_bg.wasm', import.meta.url)` in the glue is
// an asset it emits. (`context` and `output.path` are filled in by the test for its scratch folder.)
export default {
  mode: 'production',
  entry: './main.js',
  output: { filename: 'main.js', clean: true },
  devtool: false,
};

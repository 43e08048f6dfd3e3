// The intranet build: webpack.config.js as it is, plus office.js from the pane's own host instead of Microsoft's
// CDN, for networks that cannot reach the CDN. Run it through `npm run build:intranet` (scripts/build-intranet.js),
// which also checks the result; TUIJIN_PUBLIC_URL (the https address dist/ will be served at) is required.
const path = require('path');
const { DefinePlugin, WebpackError } = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const base = require('./webpack.config.js');
const { OFFICE_DIR, OFFICE_DIST, isOfficeRuntimeFile, officeTarget, localiseHtml } = require('./scripts/intranet.js');

/** Points the pages at office-js/office.js and restricts their policy to this host. */
class LocalOfficeJs {
  apply(compiler) {
    compiler.hooks.compilation.tap('LocalOfficeJs', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap('LocalOfficeJs', (data) => {
        try {
          data.html = localiseHtml(data.html, data.outputName);
        } catch (e) {
          compilation.errors.push(new WebpackError(e.message));
        }
        return data;
      });
    });
  }
}

module.exports = (env, argv) => {
  if (!process.env.TUIJIN_PUBLIC_URL) {
    throw new Error('webpack.intranet.js: set TUIJIN_PUBLIC_URL to the https address dist/ will be served at');
  }
  const config = base(env, argv);
  const rel = (abs) => path.relative(OFFICE_DIST, abs).split(path.sep).join('/');
  config.plugins.push(
    // Read by src/apps/taskpane/officeSource.ts; relative, so it works under any path the site is served at.
    new DefinePlugin({ TUIJIN_OFFICE_JS_URL: JSON.stringify(`${OFFICE_DIR}/office.js`) }),
    new CopyWebpackPlugin({
      patterns: [
        {
          from: OFFICE_DIST,
          to: ({ absoluteFilename }) => officeTarget(rel(absoluteFilename)),
          filter: (abs) => isOfficeRuntimeFile(rel(abs)),
          // Microsoft's files ship as they are (its licence allows copies in their original form).
          info: { minimized: true },
        },
        { from: path.join(OFFICE_DIST, '..', 'LICENSE.md'), to: `${OFFICE_DIR}/LICENSE.md` },
      ],
    }),
    new LocalOfficeJs(),
  );
  return config;
};

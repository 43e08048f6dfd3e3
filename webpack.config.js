// Builds the task pane (and the ribbon's function file when present) into dist/.
// `webpack --mode production` for shipping; TUIJIN_PUBLIC_URL rewrites the dev URL in the manifest.
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DefinePlugin } = require('webpack');

const DEV_URL = 'https://localhost:3000';

/**
 * The JavaScript level of the oldest webview the manifest admits (ExcelApi 1.13: WebView2 on Windows,
 * Safari 14's WKWebView on Mac; README "Which Excel"). Everything we ship, dependencies included, is
 * compiled down to it, and test/taskpane/esLevel.test.ts parses every emitted script at this level.
 */
const ES_TARGET = 'es2020';

/** The one production-URL transform: every dev URL in the manifest becomes the public one. */
function publicUrl(content) {
  const target = process.env.TUIJIN_PUBLIC_URL;
  if (!target) return content;
  const text = content.toString('utf8');
  return text.split(DEV_URL).join(target.replace(/\/+$/, ''));
}

module.exports = (_env, argv) => {
  const production = argv.mode !== 'development';
  const here = (p) => path.resolve(__dirname, p);
  // The function file belongs to the Office helper; build it only once it exists.
  const hasCommands = fs.existsSync(here('src/apps/commands/commands.ts'));
  const hasCommandsHtml = fs.existsSync(here('src/apps/commands/commands.html'));

  const entry = { taskpane: './src/apps/taskpane/index.tsx' };
  if (hasCommands) entry.commands = './src/apps/commands/commands.ts';

  // The ES5 guard the pane's page loads first; copied as is, never bundled or transpiled.
  const copy = [{ from: 'src/apps/taskpane/legacy.js', to: 'legacy.js' }];
  if (fs.existsSync(here('manifest.xml'))) {
    copy.push({ from: 'manifest.xml', to: 'manifest.xml', transform: publicUrl });
  }
  if (fs.existsSync(here('assets')) && fs.readdirSync(here('assets')).length > 0) {
    copy.push({ from: 'assets', to: 'assets' });
  }

  return {
    mode: production ? 'production' : 'development',
    context: __dirname,
    entry,
    target: ['web', ES_TARGET],
    // eval-based maps would break the pane's CSP; production ships none.
    devtool: production && !process.env.WEBPACK_MAPS ? false : 'source-map',
    output: {
      path: here('dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
      // Chunks load relative to the page. (The default, 'auto', reads the script's own URL, which the one-file
      // page built by scripts/inline.js does not have.)
      publicPath: '',
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // The adapters import 'exceljs'; in the page that must be the prebuilt browser bundle
      // (the node entry needs fs and streams).
      alias: { exceljs$: here('node_modules/exceljs/dist/exceljs.bare.min.js') },
    },
    module: {
      // A prebuilt UMD bundle: nothing in it for webpack to resolve, and parsing it is slow.
      noParse: /(exceljs|jszip)[\\/]dist[\\/]/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Type errors are caught by `npm run typecheck`; here only transpile.
              transpileOnly: true,
              configFile: here('tsconfig.json'),
              // ES modules so webpack can tree-shake Fluent and split on import().
              compilerOptions: { module: 'esnext', target: ES_TARGET, sourceMap: !production },
            },
          },
        },
        // Dependencies ship newer syntax than the floor's webviews parse (class static blocks in tabster,
        // `?.` in zod): compile them down too. The prebuilt ExcelJS/JSZip bundles are ES2018 and ES5 already.
        {
          test: /\.[cm]?js$/,
          include: /node_modules/,
          exclude: /(exceljs|jszip)[\\/]dist[\\/]/,
          use: {
            loader: 'ts-loader',
            options: {
              instance: 'dependencies',
              transpileOnly: true,
              configFile: here('tsconfig.json'),
              compilerOptions: {
                allowJs: true,
                checkJs: false,
                alwaysStrict: false,
                module: 'esnext',
                target: ES_TARGET,
                sourceMap: false,
              },
            },
          },
        },
        // The bundled seed plan, as a string.
        { test: /[\\/]seeds[\\/].*\.txt$/, type: 'asset/source' },
      ],
    },
    plugins: [
      // Written into the workbook's meta sheet, as the CLI does.
      new DefinePlugin({ TUIJIN_VERSION: JSON.stringify(require('./package.json').version) }),
      new HtmlWebpackPlugin({
        template: './src/apps/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      ...(hasCommands && hasCommandsHtml
        ? [
            new HtmlWebpackPlugin({
              template: './src/apps/commands/commands.html',
              filename: 'commands.html',
              chunks: ['commands'],
            }),
          ]
        : []),
      new CopyWebpackPlugin({ patterns: copy }),
    ],
    // ExcelJS is ~250 KB gzipped by itself; it is lazy, and `npm run size` guards first paint.
    performance: { hints: false },
    optimization: {
      splitChunks: { chunks: 'async' },
    },
    stats: process.env.WEBPACK_STATS || (production ? 'errors-warnings' : 'minimal'),
  };
};

// For tests of the manifest transform.
module.exports.publicUrl = publicUrl;
module.exports.ES_TARGET = ES_TARGET;

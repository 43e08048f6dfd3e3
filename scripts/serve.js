#!/usr/bin/env node
'use strict';
// A tiny static server for dist/ on localhost, with the pane's content security policy.
// As a module: `const { url, close } = await start({ port, root })`. As a CLI: `node scripts/serve.js [--port N] [--root DIR]`.
const fs = require('fs');
const http = require('http');
const https = require('https');
const path = require('path');

/** Scripts only from this origin and Microsoft's office.js CDN; no eval, no plugins. */
const CSP = "script-src 'self' https://appsforoffice.microsoft.com; object-src 'none'; base-uri 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function send(res, status, body, type) {
  res.writeHead(status, { 'Content-Type': type || 'text/plain; charset=utf-8', 'Content-Security-Policy': CSP });
  res.end(body);
}

/** Longest request path answered; longer ones are refused before touching the file system. */
const MAX_PATH = 1024;

function handler(root) {
  const serve = (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
    const raw = req.url || '/';
    if (raw.length > MAX_PATH) return send(res, 400, 'bad request');
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(raw, 'http://localhost').pathname);
    } catch {
      return send(res, 400, 'bad request');
    }
    // NUL and other control characters are never part of a file we serve (fs throws on NUL).
    // eslint-disable-next-line no-control-regex -- control characters in a URL path are refused on purpose
    if (/[\u0000-\u001f\u007f]/.test(pathname) || pathname.includes('\\')) return send(res, 400, 'bad request');
    // A '..' that survives URL parsing was percent-encoded on purpose: malformed, not a file name.
    if (pathname.split('/').includes('..')) return send(res, 400, 'bad request');
    if (pathname === '/') {
      res.writeHead(302, { Location: '/taskpane.html', 'Content-Security-Policy': CSP });
      return res.end();
    }
    const file = path.resolve(root, '.' + pathname);
    // Nothing outside root, whatever the request path says.
    if (file !== root && !file.startsWith(root + path.sep)) return send(res, 403, 'forbidden');
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) return send(res, 404, 'not found');
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': st.size,
        // The one-file page (scripts/inline.js) carries a stricter policy of its own, which allows its inline scripts.
        ...(path.basename(file) === 'tuijin.html' ? {} : { 'Content-Security-Policy': CSP }),
        'X-Content-Type-Options': 'nosniff',
        // Hashed bundles never change; the HTML and manifest always revalidate.
        'Cache-Control': /\.[0-9a-f]{8}\.js$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      if (req.method === 'HEAD') return res.end();
      // A file that vanishes or can't be read after the headers went out ends this response only.
      fs.createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    });
  };
  // Whatever a request holds, it costs at most its own response, never the server.
  return (req, res) => {
    try {
      serve(req, res);
    } catch {
      if (!res.headersSent) send(res, 400, 'bad request');
      else res.destroy();
    }
  };
}

/**
 * Serves `root` (default dist/) on http://localhost:port (default env PORT, else 3000; 0 picks a free port).
 * With `https` (TLS options: { key, cert, ca }, e.g. from office-addin-dev-certs) it serves https instead,
 * as Excel desktop requires. Resolves once listening, to `{ url, port, close }`; close() resolves when stopped.
 */
function start(options = {}) {
  const root = path.resolve(options.root || path.join(__dirname, '..', 'dist'));
  const port = options.port ?? (process.env.PORT ? Number(process.env.PORT) : 3000);
  if (!fs.existsSync(path.join(root, 'taskpane.html'))) {
    return Promise.reject(new Error(`${root}/taskpane.html not found: run \`npm run build\` first`));
  }
  const server = options.https ? https.createServer(options.https, handler(root)) : http.createServer(handler(root));
  // Requests Node can't even parse (bad request line, huge headers) get a 400 and the socket is closed.
  server.on('clientError', (err, socket) => {
    if (socket.writable && !socket.writableEnded) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  const scheme = options.https ? 'https' : 'http';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', () => {
      const actual = server.address().port;
      resolve({
        url: `${scheme}://localhost:${actual}/taskpane.html`,
        port: actual,
        close: () =>
          new Promise((done) => {
            // Keep-alive connections would hold close() open.
            if (server.closeAllConnections) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

module.exports = { start, CSP };

if (require.main === module) {
  const argv = process.argv.slice(2);
  const opt = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const port = opt('--port');
  start({ port: port !== undefined ? Number(port) : undefined, root: opt('--root') }).then(
    ({ url }) => console.log(`推进表助手 serving on ${url}  (Ctrl+C to stop)`),
    (e) => {
      console.error(`serve: ${e.message}`);
      process.exitCode = 1;
    },
  );
}

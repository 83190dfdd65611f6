import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.map': 'application/json', '.txt': 'text/plain; charset=utf-8',
};

export const BLANK_PATH = '/__bench-blank';
/** papaparse's own build, for the bare-parse baseline of a TSV (the app's parser, outside the app). */
export const PAPA_PATH = '/bench-papaparse/papaparse.min.js';

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Maps a request path to a file under one of the mounts (longest prefix wins), never outside it. */
export function resolveRequest(pathname: string, mounts: Readonly<Record<string, string>>): string | null {
  const prefix = Object.keys(mounts).sort((a, b) => b.length - a.length).find((p) => pathname.startsWith(p));
  if (prefix === undefined) return null;
  const root = resolve(mounts[prefix]!);
  let rest: string;
  try {
    rest = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return null;
  }
  const file = resolve(root, normalize(rest || 'index.html').replace(/^([/\\])+/, ''));
  return file === root || file.startsWith(root + sep) ? file : null;
}

/** A tiny static server for the built app and the bench datasets on one origin (the app only opens same-origin data). */
export function startStaticServer(mounts: Readonly<Record<string, string>>): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // An empty same-origin page: the parse baseline runs here, before the app has filled the heap.
    if (url.pathname === BLANK_PATH) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>bench</title>');
    let file = resolveRequest(url.pathname, mounts);
    try {
      if (file && statSync(file).isDirectory()) file = join(file, 'index.html');
      const size = file ? statSync(file).size : 0;
      res.writeHead(200, { 'content-type': TYPES[extname(file!)] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-store' });
      createReadStream(file!).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((closed) => server.close(() => closed())) });
    });
  });
}

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveConsoleFiles } from './console-files.ts';

const indexHtml = '<!doctype html><title>Console</title><div id="root"></div>';
const appJs = `export const greeting = ${JSON.stringify('hello '.repeat(200))};`;
const assetPath = '/assets/app-abc123.js';

let webDist: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  webDist = await mkdtemp(join(tmpdir(), 'console-files-'));
  await mkdir(join(webDist, 'assets'));
  await writeFile(join(webDist, 'index.html'), indexHtml);
  await writeFile(join(webDist, assetPath), appJs);
  await writeFile(join(webDist, `${assetPath}.br`), brotliCompressSync(appJs));
  await writeFile(join(webDist, `${assetPath}.gz`), gzipSync(appJs));
  await writeFile(join(webDist, 'favicon.ico'), Buffer.from([0, 0, 1, 0, 0, 0]));

  const consoleFiles = serveConsoleFiles(webDist);
  server = createServer((req, res) => consoleFiles(req, res, () => void res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  await rm(webDist, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET that sends only the headers given and keeps the body as sent (fetch would decompress it). */
function getRaw(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    get(`${origin}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    }).on('error', reject);
  });
}

describe('the console files', () => {
  it('sends the brotli file to a client that accepts brotli', async () => {
    const response = await getRaw(assetPath, { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^text\/javascript/);
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(response.body).toString()).toBe(appJs);
  });

  it('sends the gzip file to a client that accepts only gzip', async () => {
    const response = await getRaw(assetPath, { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(response.body).toString()).toBe(appJs);
  });

  it('sends the file as it is to a client that accepts no compression', async () => {
    const response = await getRaw(assetPath);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(response.body.toString()).toBe(appJs);
  });

  it('lets hashed assets be cached for a year without asking again', async () => {
    const response = await getRaw(assetPath, { 'accept-encoding': 'br' });
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('has index.html checked on every visit', async () => {
    const response = await getRaw('/', { 'accept-encoding': 'br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body.toString()).toBe(indexHtml);
  });

  it('sends the icon as an image, checked on every visit', async () => {
    const response = await getRaw('/favicon.ico');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/x-icon');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('answers a console address with index.html, checked on every visit', async () => {
    const response = await getRaw('/profiles/0f8f3bb2-7c1e-4d2a-9a51-3f1f1f5d2a10/edit');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body.toString()).toBe(indexHtml);
  });

  it('answers 404 for an asset that is not there, not index.html', async () => {
    for (const path of ['/assets/app-old999.js', '/assets/app-old999']) {
      const response = await getRaw(path, { 'accept-encoding': 'br' });
      expect(response.status, path).toBe(404);
      expect(response.headers['cache-control'], path).toBeUndefined();
    }
  });
});

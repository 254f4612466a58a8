import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

export type ConsoleFilesHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const assetsPrefix = '/assets/';

/**
 * Serves the built console: the `.br` or `.gz` the build wrote beside a file to a browser that accepts
 * it, hashed assets cached for good, and `index.html` for every other path, checked on each visit so a
 * deploy shows at once.
 */
export function serveConsoleFiles(webDist: string): ConsoleFilesHandler {
  return sirv(webDist, {
    brotli: true,
    gzip: true,
    etag: true,
    single: true,
    // A missing asset answers 404: index.html under an asset's address would be cached for a year.
    ignores: [`^${assetsPrefix}`],
    setHeaders(res, pathname) {
      const isHashedAsset = pathname.startsWith(assetsPrefix);
      res.setHeader('Cache-Control', isHashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
      // sirv's table of types (mrmime) has none for icons, so it would send an empty Content-Type.
      if (pathname.endsWith('.ico')) res.setHeader('Content-Type', 'image/x-icon');
    },
  });
}

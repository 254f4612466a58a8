import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { sql } from 'kysely';
import type { TRPCError } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { Actor, AppDeps, RequestContext } from '../context.ts';
import { authenticate } from '../auth/auth.service.ts';
import { appRouter } from '../router.ts';
import { serveConsoleFiles } from './console-files.ts';
import { isJsonBody } from './media-type.ts';
import { createTrpcHandler } from './trpc-handler.ts';
import { fieldOfRequest, sourceRecordRoutes } from '../source-records/source-records.rest.ts';
import { maxInputDepth } from '../transformer.ts';
import { createRestHandler, send } from './rest-handler.ts';

/** The largest request body the API reads. */
export const maxBodyBytes = 1024 * 1024;
/** The most calls one batched request may hold. */
export const maxBatchSize = 50;

export interface HttpServerOptions {
  /** The built console to serve at `/`; without it only the API is served. */
  webDist?: string | undefined;
}

function requestIdOf(res: ServerResponse): string {
  const header = res.getHeader('x-request-id');
  return typeof header === 'string' ? header : randomUUID();
}

export function createRequestContext(
  deps: AppDeps,
  req: IncomingMessage,
  res: ServerResponse,
): RequestContext {
  // A session cookie rides along with any request the browser sends, even one a cross-site form
  // makes; such forms cannot send JSON, so a cookie counts only on reads and on JSON writes.
  const isCookieHonoured = req.method === 'GET' || isJsonBody(req.headers);
  let actor: Promise<Actor | null> | undefined;
  return {
    ...deps,
    requestId: requestIdOf(res),
    ip: req.socket.remoteAddress ?? null,
    findActor: () =>
      (actor ??= authenticate(deps, isCookieHonoured ? req.headers : { ...req.headers, cookie: undefined })),
    setCookie: (cookie) => res.appendHeader('set-cookie', cookie),
  };
}

async function health(deps: AppDeps, res: ServerResponse): Promise<void> {
  try {
    await sql`select 1`.execute(deps.db);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  } catch (error) {
    deps.log.error({ err: error }, 'health check failed');
    res.writeHead(503, { 'content-type': 'application/json' }).end('{"status":"database unreachable"}');
  }
}

/**
 * A request that no API route takes and that is not a page's GET: the API's error shape, never the
 * console's HTML, so that a client that mistyped a path or a method learns it at once.
 */
function refuseAsNotAPage(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  path: string,
  isPageAddress: boolean,
): void {
  if (isPageAddress) {
    res.setHeader('allow', 'GET, HEAD');
    const title = `${req.method ?? 'This method'} is not allowed on a page of the console`;
    return send(res, 405, { errors: [{ code: 'METHOD_NOT_SUPPORTED', id: requestId, title }] });
  }
  send(res, 404, { errors: [{ code: 'NOT_FOUND', id: requestId, title: `Nothing is at ${path}` }] });
}

/** The one HTTP server: the API at `/trpc`, the REST routes at `/api/v2`, `/healthz`, and the console. */
export function createHttpServer(deps: AppDeps, options: HttpServerOptions = {}): Server {
  const createContext = (req: IncomingMessage, res: ServerResponse) => createRequestContext(deps, req, res);
  const onError = ({
    error,
    path,
    ctx,
  }: {
    error: TRPCError;
    path: string | undefined;
    ctx?: RequestContext | undefined;
  }) => {
    const failure = { err: error.cause ?? error, path, requestId: ctx?.requestId };
    if (error.code === 'INTERNAL_SERVER_ERROR') deps.log.error(failure, 'procedure failed');
    else if (error.code === 'CLIENT_CLOSED_REQUEST') deps.log.debug(failure, 'the client closed the request');
  };
  const trpc = createTrpcHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodyBytes,
    maxBatchSize,
    createContext,
    onError,
    streaming: createHTTPHandler({
      router: appRouter,
      basePath: '/trpc/',
      maxBodySize: maxBodyBytes,
      maxBatchSize,
      createContext: ({ req, res }) => createContext(req, res),
      onError,
    }),
  });
  const restApi = createRestHandler({
    routes: sourceRecordRoutes,
    maxBodyBytes,
    maxDepth: maxInputDepth,
    createContext,
    fieldOf: fieldOfRequest,
    log: deps.log,
  });
  const consoleFiles = options.webDist ? serveConsoleFiles(options.webDist) : undefined;

  return createServer((req, res) => {
    const incoming = req.headers['x-request-id'];
    const requestId =
      typeof incoming === 'string' && /^[\w.-]{1,128}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', requestId);
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    if (path.startsWith('/trpc/')) return void trpc(req, res);
    if (path === '/api' || path.startsWith('/api/')) return void restApi(req, res);
    if (path === '/healthz') return void health(deps, res);
    const isPageAddress = consoleFiles !== undefined && path !== '/trpc';
    if (isPageAddress && (req.method === 'GET' || req.method === 'HEAD')) {
      return consoleFiles(req, res, () => void res.writeHead(404).end());
    }
    refuseAsNotAPage(req, res, requestId, path, isPageAddress);
  });
}

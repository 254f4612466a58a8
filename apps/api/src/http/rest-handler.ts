import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError } from '@tessera/domain';
import { getTRPCErrorFromUnknown, TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { ZodError } from 'zod';
import type { Logger } from 'pino';
import type { Actor, RequestContext } from '../context.ts';
import { authenticate, refuseReadOnlyWrite } from '../auth/auth.service.ts';
import { trpcCodeOf } from '../errors.ts';
import { fieldIssuesOf } from '../field-issues.ts';
import { createCaller } from '../router.ts';
import type { RestRoute } from '../rest-route.ts';

export interface RestHandlerOptions {
  routes: readonly RestRoute[];
  maxBodyBytes: number;
  /** Nesting deeper than this in a body is refused before the body is read further. */
  maxDepth: number;
  createContext(req: IncomingMessage, res: ServerResponse): RequestContext;
  /** Where a field of a procedure's input (`identifierQuery`, `identifiers.0.value`) was in the request. */
  fieldOf(path: string): string;
  log: Logger;
}

/**
 * The HTTP status of each refusal. Every refusal of what a request holds, a conflict with what is
 * stored included, is a 400, as the REST APIs these routes are compatible with answer it.
 */
const statusOf: Partial<Record<TRPC_ERROR_CODE_KEY, number>> = {
  PARSE_ERROR: 400,
  BAD_REQUEST: 400,
  CONFLICT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_SUPPORTED: 405,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
};

interface RestError {
  code: string;
  id: string;
  title: string;
}

export function send(res: ServerResponse, status: number, body: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    })
    .end(text);
}

function readBody(req: IncomingMessage, res: ServerResponse, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const refuse = () => {
      // The rest of the body stays unread: the connection cannot carry another request after it.
      res.setHeader('connection', 'close');
      req.pause();
      req.removeListener('data', onData);
      reject(new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: `The body is over ${maxBytes} bytes` }));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) refuse();
      else chunks.push(chunk);
    };
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
      refuse();
      return;
    }
    req
      .on('data', onData)
      .on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      .on('error', reject);
  });
}

/** How deeply a parsed JSON value nests, counted without recursion and given up past `max`. */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

async function bodyOf(
  req: IncomingMessage,
  res: ServerResponse,
  options: RestHandlerOptions,
): Promise<unknown> {
  if (req.method === 'GET' || req.method === 'DELETE') return undefined;
  const text = await readBody(req, res, options.maxBodyBytes);
  if (text.trim() === '') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new TRPCError({ code: 'PARSE_ERROR', message: 'The body is not valid JSON' });
  }
  if (nestsDeeperThan(body, options.maxDepth)) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `The body nests more than ${options.maxDepth} levels deep`,
    });
  }
  return body;
}

function decodedParams(match: RegExpExecArray): string[] {
  try {
    return match.slice(1).map((param) => decodeURIComponent(param ?? ''));
  } catch {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'The path has malformed percent-encoding' });
  }
}

/** The error body `{"errors": [{code, id, title}]}` and status of a failure; `id` is the request's id. */
function failure(error: unknown, requestId: string, options: RestHandlerOptions): [number, RestError[]] {
  const trpcError =
    error instanceof DomainError
      ? new TRPCError({ code: trpcCodeOf[error.code], message: error.message, cause: error })
      : getTRPCErrorFromUnknown(error);
  const status = statusOf[trpcError.code] ?? 500;
  const cause = trpcError.cause;
  const titled = (code: string, path: string | undefined, message: string) => ({
    code,
    id: requestId,
    title: path ? `${options.fieldOf(path)}: ${message}` : message,
  });
  if (cause instanceof ZodError) {
    return [status, fieldIssuesOf(cause).map((issue) => titled('INVALID_FIELD', issue.path, issue.message))];
  }
  if (cause instanceof DomainError) return [status, [titled(cause.code, cause.path, cause.message)]];
  if (status === 500) {
    options.log.error({ err: cause ?? trpcError, requestId }, 'REST request failed');
    return [
      status,
      [titled('INTERNAL_SERVER_ERROR', undefined, `Something went wrong on our side (request ${requestId})`)],
    ];
  }
  return [status, [titled(trpcError.code, undefined, trpcError.message)]];
}

/**
 * A REST API over the tRPC router: each route reads its request into a procedure's input and its
 * answer into the REST shape; validation, permissions and the use cases are the procedures'. Only
 * an API token (`Authorization: Bearer …`) signs a request in: a session cookie does not count.
 */
export function createRestHandler(options: RestHandlerOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const base = options.createContext(req, res);
    let actor: Promise<Actor | null> | undefined;
    const ctx: RequestContext = {
      ...base,
      findActor: () => (actor ??= authenticate(base, { authorization: req.headers.authorization })),
    };
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const matching = options.routes.filter((route) => route.path.test(url.pathname));
      const route = matching.find((candidate) => candidate.method === req.method);
      if (!route) {
        if (matching.length === 0) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such resource' });
        res.setHeader('allow', matching.map((candidate) => candidate.method).join(', '));
        throw new TRPCError({ code: 'METHOD_NOT_SUPPORTED', message: `${req.method} is not allowed here` });
      }
      const match = route.path.exec(url.pathname);
      if (!match) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such resource' });
      if (route.method !== 'GET') {
        // Refused before the body is read, so a read-only token learns nothing of what it sent.
        const signedIn = await ctx.findActor();
        if (signedIn) refuseReadOnlyWrite(signedIn);
      }
      const answer = await route.handle({
        params: decodedParams(match),
        query: url.searchParams,
        body: await bodyOf(req, res, options),
        caller: createCaller(ctx),
      });
      send(res, answer.status, answer.body);
    } catch (error) {
      const [status, errors] = failure(error, ctx.requestId, options);
      if (status === 401) res.setHeader('www-authenticate', 'Bearer');
      send(res, status, { errors });
    }
  };
}

import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { finished } from 'node:stream';
import {
  getErrorShape,
  getTRPCErrorFromUnknown,
  transformTRPCResponse,
  TRPCError,
  type AnyRouter,
  type inferRouterContext,
} from '@trpc/server';
import { getHTTPStatusCode } from '@trpc/server/http';
import {
  getProcedureAtPath,
  type AnyProcedure,
  type AnyRootTypes,
  type ProcedureType,
  type RootConfig,
  type TRPCErrorShape,
  type TRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';
import { mediaTypeOf } from './media-type.ts';

/**
 * tRPC's HTTP protocol served straight from `node:http`: GET queries and POST mutations, single
 * and batched, with the router's transformer, error formatter and HTTP statuses. tRPC's own
 * adapters build a Fetch `Request` and `Response` around every call, which costs more than the
 * database work of a lookup (README, Performance); this handler does the same work without them.
 * Subscriptions and streamed batches go to `streaming`, tRPC's own adapter.
 */
export interface TrpcHandlerOptions<TRouter extends AnyRouter> {
  router: TRouter;
  /** The path the API is served under, with its trailing slash: `/trpc/`. */
  basePath: string;
  maxBodyBytes: number;
  /** The most calls one batch may hold. */
  maxBatchSize: number;
  /** Should be cheap: it runs before a request is checked, so that every answer carries the request's id. */
  createContext(
    req: IncomingMessage,
    res: ServerResponse,
  ): inferRouterContext<TRouter> | Promise<inferRouterContext<TRouter>>;
  onError?(failure: {
    error: TRPCError;
    path: string | undefined;
    ctx: inferRouterContext<TRouter> | undefined;
  }): void;
  /** Serves subscriptions (server-sent events) and streamed (jsonl) batches. */
  streaming: RequestListener;
}

const acceptedMethod: Record<ProcedureType, string> = { query: 'GET', mutation: 'POST', subscription: 'GET' };
const allowedMethods = 'GET, POST';

interface Call {
  path: string;
  procedure: AnyProcedure | null;
}

/**
 * Reads a body of at most `maxBytes`; past that, the connection closes once the answer is sent,
 * unread. A client that hangs up before the end is no failure of ours: CLIENT_CLOSED_REQUEST.
 */
function readBody(req: IncomingMessage, res: ServerResponse, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => {
      res.setHeader('connection', 'close');
      reject(new TRPCError({ code: 'PAYLOAD_TOO_LARGE' }));
    };
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
      tooLarge();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.pause();
        tooLarge();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    // Also called when the request had already broken off before its body was asked for.
    finished(req, (error) => {
      if (error) {
        reject(new TRPCError({ code: 'CLIENT_CLOSED_REQUEST', message: 'The client closed the request' }));
      }
    });
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: cause instanceof Error ? cause.message : 'Malformed JSON',
      cause,
    });
  }
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch (cause) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `Invalid URL-encoding in path "${path}"`, cause });
  }
}

export function createTrpcHandler<TRouter extends AnyRouter>(
  options: TrpcHandlerOptions<TRouter>,
): RequestListener {
  const { router, basePath, maxBodyBytes, maxBatchSize, streaming } = options;
  const config = router._def._config as RootConfig<AnyRootTypes>;
  const deserialize = (value: unknown): unknown => config.transformer.input.deserialize(value) as unknown;
  const errorShape = (opts: Omit<Parameters<typeof getErrorShape>[0], 'config' | 'input'>): TRPCErrorShape =>
    getErrorShape({ config, input: undefined, ...opts }) as TRPCErrorShape;

  function send(res: ServerResponse, status: number, body: unknown) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      vary: 'trpc-accept, accept',
    });
    res.end(text);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const queryStart = url.indexOf('?');
    const search = new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1));
    const isBatch = search.get('batch') === '1';
    const ctx = await options.createContext(req, res);
    try {
      if (req.method !== 'GET' && req.method !== 'POST') {
        res.setHeader('allow', allowedMethods);
        throw new TRPCError({
          code: 'METHOD_NOT_SUPPORTED',
          message: `${req.method ?? 'This method'} is not supported: use ${allowedMethods}`,
        });
      }
      const pathText = decodePath(url.slice(basePath.length, queryStart === -1 ? undefined : queryStart));
      const paths = isBatch ? pathText.split(',') : [pathText];
      if (paths.length > maxBatchSize)
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'Batch call exceeds maximum size' });
      const calls: Call[] = await Promise.all(
        paths.map(async (path) => ({
          path,
          procedure: await getProcedureAtPath(router, path),
        })),
      );
      if (req.method === 'POST' && mediaTypeOf(req.headers) !== 'application/json') {
        const type = req.headers['content-type'];
        throw new TRPCError({
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: type === undefined ? 'Missing content-type header' : `Unsupported content-type "${type}"`,
        });
      }
      const isStreamed =
        req.headers['trpc-accept'] === 'application/jsonl' ||
        req.headers.accept === 'application/jsonl' ||
        calls.some((call) => call.procedure?._def.type === 'subscription');
      if (isStreamed) {
        // Refused here rather than by tRPC's adapter, which would answer before it has a context.
        const types = new Set(calls.flatMap((call) => (call.procedure ? [call.procedure._def.type] : [])));
        if (types.size > 1) {
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `Cannot mix procedure types in call: ${[...types].join(', ')}`,
          });
        }
        streaming(req, res);
        return;
      }

      // Each call's input is deserialized when the call asks for it, so one malformed input fails
      // its own call and not its whole batch.
      let inputs: Promise<Record<number, unknown>> | undefined;
      const readInputs = async (): Promise<Record<number, unknown>> => {
        const text = req.method === 'GET' ? search.get('input') : await readBody(req, res, maxBodyBytes);
        if (!text) return {};
        const raw = parseJson(text);
        if (!isBatch) return { 0: raw };
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: '"input" needs to be an object when doing a batch call',
          });
        }
        return raw as Record<number, unknown>;
      };
      const inputOf = async (index: number): Promise<unknown> => {
        const batch = await (inputs ??= readInputs());
        const raw = Object.hasOwn(batch, index) ? batch[index] : undefined;
        return raw === undefined ? undefined : deserialize(raw);
      };

      const responses: TRPCResponse[] = await Promise.all(
        calls.map(async ({ path, procedure }, index): Promise<TRPCResponse> => {
          try {
            if (!procedure)
              throw new TRPCError({ code: 'NOT_FOUND', message: `No procedure found on path "${path}"` });
            const type = procedure._def.type;
            if (acceptedMethod[type] !== req.method) {
              throw new TRPCError({
                code: 'METHOD_NOT_SUPPORTED',
                message: `Unsupported ${req.method}-request to ${type} procedure at path "${path}"`,
              });
            }
            const data: unknown = await procedure({
              path,
              ctx,
              type,
              signal: undefined,
              batchIndex: index,
              getRawInput: () => inputOf(index),
            });
            return { result: { data } };
          } catch (cause) {
            const error = getTRPCErrorFromUnknown(cause);
            options.onError?.({ error, path, ctx });
            const type = procedure?._def.type ?? 'unknown';
            return { error: errorShape({ ctx, error, path, type }) };
          }
        }),
      );
      const body = isBatch ? responses : responses[0];
      if (!body) throw new TRPCError({ code: 'BAD_REQUEST', message: 'No procedure was called' });
      send(res, getHTTPStatusCode(body), transformTRPCResponse(config, body));
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      options.onError?.({ error, path: undefined, ctx });
      const body = { error: errorShape({ ctx, error, path: undefined, type: 'unknown' }) };
      send(res, getHTTPStatusCode(body), transformTRPCResponse(config, body));
    }
  }

  return (req, res) => {
    handle(req, res).catch((cause: unknown) => {
      // Only a failure to write the answer itself lands here; the connection is all that is left to close.
      options.onError?.({ error: getTRPCErrorFromUnknown(cause), path: undefined, ctx: undefined });
      res.destroy();
    });
  };
}

import type { createCaller } from './router.ts';

/** What a route is given: the groups its path pattern captured, decoded, the query, the JSON body and a caller of the API. */
export interface RestRequest {
  params: string[];
  query: URLSearchParams;
  body: unknown;
  caller: ReturnType<typeof createCaller>;
}

export interface RestAnswer {
  status: number;
  /** Sent as JSON; none for 204. */
  body?: unknown;
}

export interface RestRoute {
  method: 'GET' | 'PUT' | 'PATCH' | 'DELETE';
  path: RegExp;
  handle(request: RestRequest): Promise<RestAnswer>;
}

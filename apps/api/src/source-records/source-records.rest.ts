import { DomainError, idSchema, sortableIdSchema, type SourceRecordView } from '@tessera/domain';
import { TRPCError } from '@trpc/server';
import type { RestAnswer, RestRequest, RestRoute } from '../rest-route.ts';
import { recordNotFound } from './source-records.service.ts';

// Reference 003's Profiles API, with Tessera's profiles as its users and source records as its
// profiles: the same paths under /api/v2 (with or without `.json`), bodies `{"profile": {…}}` in
// snake_case, `user_id` for the profile's id. Each route calls the `sourceRecords` procedure that
// does the same, and only translates.

/** A source record as the reference writes a profile. */
function referenceProfile(record: SourceRecordView) {
  return {
    id: record.id,
    name: record.name,
    source: record.source,
    type: record.type,
    identifiers: record.identifiers,
    attributes: record.attributes,
    user_id: record.profileId,
    created_at: record.createdAt.toISOString(),
    updated_at: record.updatedAt.toISOString(),
  };
}

const ok = (record: SourceRecordView): RestAnswer => ({
  status: 200,
  body: { profile: referenceProfile(record) },
});

/** Where each field of a procedure's input was in the request, for error titles. */
const requestFields: Record<string, string> = {
  identifierQuery: 'identifier',
  profileId: 'user_id',
  id: 'profile_id',
};

export function fieldOfRequest(path: string): string {
  const [head = ''] = path.split('.', 1);
  return requestFields[head] ?? (path === '' ? 'profile' : `profile.${path}`);
}

function identifierOf(query: URLSearchParams): string {
  const given = query.getAll('identifier');
  if (given.length !== 1) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'identifier: give one identifier query, source:type:identifier_type:identifier_value',
    });
  }
  return given[0] ?? '';
}

/** The writable fields of the body's `profile`, those it has; read-only ones (`id`, `user_id`, times) and `source` and `type` (the query's or the record's) are left aside. */
function profileOf(body: unknown): { name?: unknown; identifiers?: unknown; attributes?: unknown } {
  const profile =
    typeof body === 'object' && body !== null ? (body as { profile?: unknown }).profile : undefined;
  if (typeof profile !== 'object' || profile === null || Array.isArray(profile)) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'profile: the body must be {"profile": {…}}' });
  }
  const fields = profile as Record<string, unknown>;
  return Object.fromEntries(
    (['name', 'identifiers', 'attributes'] as const)
      .filter((key) => Object.hasOwn(fields, key))
      .map((key) => [key, fields[key]]),
  );
}

/** A path's id that cannot name anything is answered as one that names nothing. */
function pathId(
  schema: typeof idSchema | typeof sortableIdSchema,
  value: string,
  notFound: DomainError,
): string {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw notFound;
  return parsed.data;
}

const profileId = ({ params }: Pick<RestRequest, 'params'>) =>
  pathId(
    idSchema,
    params[0] ?? '',
    new DomainError('PROFILE_NOT_FOUND', 'No profile has this id', { path: 'profileId' }),
  );
const recordId = ({ params }: Pick<RestRequest, 'params'>) =>
  pathId(sortableIdSchema, params[0] ?? '', recordNotFound('id'));

// The procedures validate what they are given: the casts hand them the request's values as they came.
type Input<T extends (input: never) => unknown> = Parameters<T>[0];

const usersProfiles = /^\/api\/v2\/users\/([^/]+)\/profiles(?:\.json)?$/;
const userProfiles = /^\/api\/v2\/user_profiles(?:\.json)?$/;
const userProfile = /^\/api\/v2\/user_profiles\/([^/]+?)(?:\.json)?$/;

/** The request's `profile` with the record the path names. */
const byId = (request: Omit<RestRequest, 'caller'>) => ({
  ...profileOf(request.body),
  id: recordId(request),
});
/** The request's `profile` with the identifier query it names. */
const byQuery = (request: Omit<RestRequest, 'caller'>) => ({
  ...profileOf(request.body),
  identifierQuery: identifierOf(request.query),
});

export const sourceRecordRoutes: RestRoute[] = [
  {
    method: 'GET',
    path: usersProfiles,
    handle: async (request) => {
      const records = await request.caller.sourceRecords.list({ profileId: profileId(request) });
      return { status: 200, body: { profiles: records.map(referenceProfile) } };
    },
  },
  {
    method: 'PUT',
    path: usersProfiles,
    handle: async (request) => {
      const { sourceRecords } = request.caller;
      const input = { ...byQuery(request), profileId: profileId(request) };
      const { isCreated, ...record } = await sourceRecords.upsertForProfile(
        input as Input<typeof sourceRecords.upsertForProfile>,
      );
      return { ...ok(record), status: isCreated ? 201 : 200 };
    },
  },
  {
    method: 'GET',
    path: userProfiles,
    handle: async (request) =>
      ok(await request.caller.sourceRecords.getByQuery({ identifierQuery: identifierOf(request.query) })),
  },
  {
    method: 'PUT',
    path: userProfiles,
    handle: async (request) => {
      const { sourceRecords } = request.caller;
      const { isCreated, ...record } = await sourceRecords.upsert(
        byQuery(request) as Input<typeof sourceRecords.upsert>,
      );
      return { ...ok(record), status: isCreated ? 201 : 200 };
    },
  },
  {
    method: 'PATCH',
    path: userProfiles,
    handle: async ({ caller: { sourceRecords }, ...request }) =>
      ok(await sourceRecords.patchByQuery(byQuery(request) as Input<typeof sourceRecords.patchByQuery>)),
  },
  {
    method: 'GET',
    path: userProfile,
    handle: async (request) => ok(await request.caller.sourceRecords.get({ id: recordId(request) })),
  },
  {
    method: 'PUT',
    path: userProfile,
    handle: async ({ caller: { sourceRecords }, ...request }) =>
      ok(await sourceRecords.update(byId(request) as Input<typeof sourceRecords.update>)),
  },
  {
    method: 'PATCH',
    path: userProfile,
    handle: async ({ caller: { sourceRecords }, ...request }) =>
      ok(await sourceRecords.patch(byId(request) as Input<typeof sourceRecords.patch>)),
  },
  {
    method: 'DELETE',
    path: userProfile,
    handle: async (request) => {
      await request.caller.sourceRecords.delete({ id: recordId(request) });
      return { status: 204 };
    },
  },
];

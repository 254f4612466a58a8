import { standardIdentifierTypes } from '@tessera/domain';
import { sql } from 'kysely';

/** The standard identifier types as SQL literals, as the partial index of standard identities names them. */
export const standardTypesSql = sql.join(standardIdentifierTypes.map((type) => sql.lit(type)));

import { sql, type Kysely } from 'kysely';

// A presented session or token secret now names its workspace, so its hash need only be unique
// within that workspace: every unique key leads with workspace_id, as distributing tables by
// workspace requires. Secrets issued before carry no workspace and cannot be presented any more:
// their sessions end, and their tokens are marked revoked, so the token list shows which to issue again.
export async function up(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('sessions').execute();
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: sql`now()` })
    .where('revoked_at', 'is', null)
    .execute();
  for (const table of ['sessions', 'api_tokens']) {
    await db.schema.alterTable(table).dropConstraint(`${table}_token_hash_key`).execute();
    await db.schema
      .alterTable(table)
      .addUniqueConstraint(`${table}_workspace_token_hash_key`, ['workspace_id', 'token_hash'])
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['sessions', 'api_tokens']) {
    await db.schema.alterTable(table).dropConstraint(`${table}_workspace_token_hash_key`).execute();
    await db.schema
      .alterTable(table)
      .addUniqueConstraint(`${table}_token_hash_key`, ['token_hash'])
      .execute();
  }
}

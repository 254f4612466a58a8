import { sql, type Kysely } from 'kysely';

// Survey responses (reference 004: the profile header's survey responses): personal data that
// belongs to its profile and goes with it when the profile is purged or erased. Ids come from the
// sender, unique per workspace and compared byte by byte ("C"), so that a batch sent again stores
// nothing twice. A response carries an answer, a score, or both; a score lies between 0 and 100,
// which every common scale fits (NPS 0–10, CSAT 1–5, CES 1–7, percentages).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table survey_responses (
    workspace_id uuid not null,
    id text collate "C" not null,
    profile_id uuid not null,
    survey text not null,
    question text not null,
    answer text,
    score double precision,
    responded_at timestamptz not null,
    constraint survey_responses_pkey primary key (workspace_id, id),
    constraint survey_responses_profile_fkey foreign key (workspace_id, profile_id)
      references profiles (workspace_id, id) on delete cascade,
    constraint survey_responses_said_check check (answer is not null or score is not null),
    constraint survey_responses_score_check check (score between 0 and 100),
    constraint survey_responses_text_check check (
      char_length(id) between 1 and 128
      and char_length(survey) between 1 and 200
      and char_length(question) between 1 and 1000
      and char_length(answer) between 1 and 10000
    )
  )`.execute(db);
  // A profile's responses page newest first, (responded_at, id) read backwards; its latest score
  // of each survey reads the same rows, which one person's responses keep few.
  await sql`create index survey_responses_profile_idx
    on survey_responses (workspace_id, profile_id, responded_at, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_responses').execute();
}

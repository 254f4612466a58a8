import { sql, type Kysely, type RawBuilder } from 'kysely';

const objectKinds = sql`('contacts', 'organizations', 'users')`;

/**
 * The columns that tie a row to the record it is about, named by object kind and id: one
 * generated id column per kind whose records are stored, each a foreign key to its table (so the
 * row goes when the record does), and a check that the record is of such a kind. Organizations
 * plug in with an `organization_id` column beside these and a third name in the check.
 */
function recordColumns(table: string, prefix: string): RawBuilder<unknown> {
  const kind = sql.ref(`${prefix}${prefix ? 'kind' : 'object_kind'}`);
  const id = sql.ref(`${prefix}${prefix ? 'id' : 'record_id'}`);
  const profileId = sql.ref(`${prefix}profile_id`);
  const memberId = sql.ref(`${prefix}member_id`);
  const name = (suffix: string) => sql.ref(`${table}_${prefix}${suffix}`);
  return sql`
    ${profileId} uuid generated always as (case when ${kind} = 'contacts' then ${id} end) stored,
    ${memberId} uuid generated always as (case when ${kind} = 'users' then ${id} end) stored,
    constraint ${name('profile_fkey')} foreign key (workspace_id, ${profileId})
      references profiles (workspace_id, id) on delete cascade,
    constraint ${name('member_fkey')} foreign key (workspace_id, ${memberId})
      references members (workspace_id, id) on delete cascade,
    constraint ${name('record_check')} check (num_nonnulls(${profileId}, ${memberId}) = 1)`;
}

// Issue 8 (reference 000): attribute definitions per object kind; profile types that bundle them
// and that records adopt; the values records hold; workflows and where records are in them;
// relationship definitions and their links. A record is named by object kind and id everywhere,
// so that profiles, members and, later, organizations share every table.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table attribute_definitions (
    workspace_id uuid not null references workspaces (id) on delete cascade,
    id uuid not null,
    object_kind text not null,
    slug text not null,
    label text not null,
    description text,
    data_type text not null,
    is_required boolean not null default false,
    options jsonb not null default '[]'::jsonb,
    min double precision,
    max double precision,
    min_length integer,
    max_length integer,
    pattern text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint attribute_definitions_pkey primary key (workspace_id, id),
    constraint attribute_definitions_slug_key unique (workspace_id, object_kind, slug),
    constraint attribute_definitions_object_kind_check check (object_kind in ${objectKinds}),
    constraint attribute_definitions_slug_check
      check (slug ~ '^[a-z][a-z0-9]*(_[a-z0-9]+)*$' and char_length(slug) <= 64),
    constraint attribute_definitions_data_type_check check (data_type in ('text', 'long_text', 'number',
      'integer', 'boolean', 'date', 'date_time', 'email', 'phone', 'url', 'money', 'single_select',
      'multi_select', 'json')),
    constraint attribute_definitions_options_check check (jsonb_typeof(options) = 'array')
  )`.execute(db);

  await sql`create table workflows (
    workspace_id uuid not null references workspaces (id) on delete cascade,
    id uuid not null,
    object_kind text not null,
    slug text not null,
    name text not null,
    description text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint workflows_pkey primary key (workspace_id, id),
    constraint workflows_slug_key unique (workspace_id, object_kind, slug),
    constraint workflows_object_kind_key unique (workspace_id, id, object_kind),
    constraint workflows_object_kind_check check (object_kind in ${objectKinds}),
    constraint workflows_slug_check check (slug ~ '^[a-z0-9]+([-_][a-z0-9]+)*$' and char_length(slug) <= 64)
  )`.execute(db);
  await sql`create table workflow_stages (
    workspace_id uuid not null,
    workflow_id uuid not null,
    id uuid not null,
    slug text not null,
    name text not null,
    position integer not null,
    constraint workflow_stages_pkey primary key (workspace_id, id),
    constraint workflow_stages_slug_key unique (workspace_id, workflow_id, slug),
    constraint workflow_stages_workflow_key unique (workspace_id, workflow_id, id),
    constraint workflow_stages_workflow_fkey foreign key (workspace_id, workflow_id)
      references workflows (workspace_id, id) on delete cascade
  )`.execute(db);

  await sql`create table profile_types (
    workspace_id uuid not null references workspaces (id) on delete cascade,
    id uuid not null,
    object_kind text not null,
    slug text not null,
    title text not null,
    description text,
    badge_color text,
    category text not null,
    default_workflow_id uuid,
    default_values jsonb not null default '{}'::jsonb,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint profile_types_pkey primary key (workspace_id, id),
    constraint profile_types_slug_key unique (workspace_id, object_kind, slug),
    constraint profile_types_object_kind_key unique (workspace_id, id, object_kind),
    constraint profile_types_default_workflow_fkey foreign key (workspace_id, default_workflow_id, object_kind)
      references workflows (workspace_id, id, object_kind) on delete set null (default_workflow_id),
    constraint profile_types_object_kind_check check (object_kind in ${objectKinds}),
    constraint profile_types_slug_check
      check (slug ~ '^[a-z0-9]+([-_][a-z0-9]+)*$' and char_length(slug) <= 64),
    constraint profile_types_badge_color_check check (badge_color ~ '^#[0-9a-f]{6}$'),
    constraint profile_types_category_check
      check (category in ('leads', 'contacts', 'vendors', 'organizations', 'users')),
    constraint profile_types_default_values_check check (jsonb_typeof(default_values) = 'object')
  )`.execute(db);
  // A type bundles definitions of its own object kind: both keys carry the kind.
  await sql`create table profile_type_attributes (
    workspace_id uuid not null,
    profile_type_id uuid not null,
    object_kind text not null,
    attribute_slug text not null,
    position integer not null,
    constraint profile_type_attributes_pkey primary key (workspace_id, profile_type_id, attribute_slug),
    constraint profile_type_attributes_type_fkey foreign key (workspace_id, profile_type_id, object_kind)
      references profile_types (workspace_id, id, object_kind) on delete cascade,
    constraint profile_type_attributes_definition_fkey foreign key (workspace_id, object_kind, attribute_slug)
      references attribute_definitions (workspace_id, object_kind, slug)
  )`.execute(db);
  await sql`create index profile_type_attributes_definition_idx
    on profile_type_attributes (workspace_id, object_kind, attribute_slug)`.execute(db);

  await sql`create table profile_type_adoptions (
    workspace_id uuid not null,
    object_kind text not null,
    record_id uuid not null,
    profile_type_id uuid not null,
    adopted_at timestamptz not null,
    ${recordColumns('profile_type_adoptions', '')},
    constraint profile_type_adoptions_pkey primary key (workspace_id, object_kind, record_id, profile_type_id),
    constraint profile_type_adoptions_type_fkey foreign key (workspace_id, profile_type_id, object_kind)
      references profile_types (workspace_id, id, object_kind) on delete cascade
  )`.execute(db);
  await sql`create index profile_type_adoptions_type_idx
    on profile_type_adoptions (workspace_id, profile_type_id, adopted_at, record_id)`.execute(db);

  // Values stay when a record detaches a type, and show again when it adopts the type again.
  await sql`create table attribute_values (
    workspace_id uuid not null,
    object_kind text not null,
    record_id uuid not null,
    attributes jsonb not null default '{}'::jsonb,
    updated_at timestamptz not null,
    ${recordColumns('attribute_values', '')},
    constraint attribute_values_pkey primary key (workspace_id, object_kind, record_id),
    constraint attribute_values_attributes_check check (jsonb_typeof(attributes) = 'object')
  )`.execute(db);

  // The primary key keeps a record in at most one stage of each workflow.
  await sql`create table workflow_positions (
    workspace_id uuid not null,
    object_kind text not null,
    record_id uuid not null,
    workflow_id uuid not null,
    stage_id uuid not null,
    entered_at timestamptz not null,
    ${recordColumns('workflow_positions', '')},
    constraint workflow_positions_pkey primary key (workspace_id, object_kind, record_id, workflow_id),
    constraint workflow_positions_workflow_fkey foreign key (workspace_id, workflow_id, object_kind)
      references workflows (workspace_id, id, object_kind) on delete cascade,
    constraint workflow_positions_stage_fkey foreign key (workspace_id, workflow_id, stage_id)
      references workflow_stages (workspace_id, workflow_id, id)
  )`.execute(db);
  await sql`create index workflow_positions_stage_idx
    on workflow_positions (workspace_id, workflow_id, stage_id)`.execute(db);

  await sql`create table relationship_definitions (
    workspace_id uuid not null references workspaces (id) on delete cascade,
    id uuid not null,
    slug text not null,
    name text not null,
    description text,
    source_kind text not null,
    target_kind text not null,
    cardinality text not null,
    target_profile_type_id uuid,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint relationship_definitions_pkey primary key (workspace_id, id),
    constraint relationship_definitions_slug_key unique (workspace_id, slug),
    constraint relationship_definitions_link_key
      unique (workspace_id, id, source_kind, target_kind, cardinality),
    constraint relationship_definitions_profile_type_fkey
      foreign key (workspace_id, target_profile_type_id, target_kind)
      references profile_types (workspace_id, id, object_kind),
    constraint relationship_definitions_kinds_check
      check (source_kind in ${objectKinds} and target_kind in ${objectKinds}),
    constraint relationship_definitions_cardinality_check
      check (cardinality in ('one_to_one', 'one_to_many', 'many_to_one', 'many_to_many')),
    constraint relationship_definitions_slug_check
      check (slug ~ '^[a-z0-9]+([-_][a-z0-9]+)*$' and char_length(slug) <= 64)
  )`.execute(db);
  // A link copies its definition's kinds and cardinality (kept by the foreign key, a change of
  // cardinality cascading), so that partial unique indexes enforce the cardinality, and the
  // profile type it is scoped to, so that a foreign key to the target's adoption enforces the scope.
  await sql`create table relationship_links (
    workspace_id uuid not null,
    relationship_id uuid not null,
    cardinality text not null,
    source_kind text not null,
    source_id uuid not null,
    target_kind text not null,
    target_id uuid not null,
    target_profile_type_id uuid,
    created_at timestamptz not null,
    ${recordColumns('relationship_links', 'source_')},
    ${recordColumns('relationship_links', 'target_')},
    constraint relationship_links_pkey primary key (workspace_id, relationship_id, source_id, target_id),
    constraint relationship_links_definition_fkey
      foreign key (workspace_id, relationship_id, source_kind, target_kind, cardinality)
      references relationship_definitions (workspace_id, id, source_kind, target_kind, cardinality)
      on delete cascade on update cascade,
    constraint relationship_links_scope_fkey
      foreign key (workspace_id, target_kind, target_id, target_profile_type_id)
      references profile_type_adoptions (workspace_id, object_kind, record_id, profile_type_id)
  )`.execute(db);
  await sql`create unique index relationship_links_source_key
    on relationship_links (workspace_id, relationship_id, source_id)
    where cardinality in ('one_to_one', 'many_to_one')`.execute(db);
  await sql`create unique index relationship_links_target_key
    on relationship_links (workspace_id, relationship_id, target_id)
    where cardinality in ('one_to_one', 'one_to_many')`.execute(db);
  await sql`create index relationship_links_source_idx
    on relationship_links (workspace_id, source_kind, source_id)`.execute(db);
  await sql`create index relationship_links_target_idx
    on relationship_links (workspace_id, target_kind, target_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'relationship_links',
    'relationship_definitions',
    'workflow_positions',
    'attribute_values',
    'profile_type_adoptions',
    'profile_type_attributes',
    'profile_types',
    'workflow_stages',
    'workflows',
    'attribute_definitions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

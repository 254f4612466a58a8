import type { Secret } from './raw-http.ts';
import type { TestApp, TestMember } from './test-app.ts';
import type { NamedRecord } from './victim-workspace.ts';

const structureTables = [
  'attribute_definitions',
  'profile_types',
  'profile_type_attributes',
  'profile_type_adoptions',
  'attribute_values',
  'workflows',
  'workflow_stages',
  'workflow_positions',
  'relationship_definitions',
  'relationship_links',
] as const;

/**
 * The victim workspace's structure: an attribute, a profile type bundling it with a default
 * workflow, adopted by `profileId`, and a relationship scoped to the type linking the profile.
 */
export async function createVictimStructure(owner: TestMember, marker: string, profileId: string) {
  const { caller } = owner;
  const definition = await caller.attributeDefinitions.create({
    objectKind: 'contacts',
    slug: 'victim_note',
    label: `Note ${marker}`,
    dataType: 'text',
  });
  const workflow = await caller.workflows.create({
    objectKind: 'contacts',
    slug: 'victim-flow',
    name: `Flow ${marker}`,
    stages: [{ slug: 'first', name: `First ${marker}` }],
  });
  const type = await caller.profileTypes.create({
    objectKind: 'contacts',
    slug: 'victim-type',
    title: `Type ${marker}`,
    attributes: ['victim_note'],
    defaultWorkflowId: workflow.id,
    defaultValues: { victim_note: marker },
  });
  await caller.profileTypes.attach({ id: type.id, recordId: profileId });
  const relationship = await caller.relationships.create({
    slug: 'victim-link',
    name: `Link ${marker}`,
    sourceKind: 'contacts',
    targetKind: 'contacts',
    cardinality: 'many_to_many',
    targetProfileTypeId: type.id,
  });
  await caller.relationships.link({ id: relationship.id, sourceId: profileId, targetId: profileId });
  const [stage] = workflow.stages;
  if (!stage) throw new Error('the victim workflow has no stage');

  // An attribute's slug is lower snake case, which no slug made up for another workspace is: it is
  // named by its id alone, so that both are answered alike.
  const records: NamedRecord[] = [
    { kind: 'attribute definition', id: definition.id },
    { kind: 'profile type', id: type.id, slug: type.slug },
    { kind: 'workflow', id: workflow.id, slug: workflow.slug },
    { kind: 'workflow stage', id: stage.id },
    { kind: 'relationship', id: relationship.id, slug: relationship.slug },
  ];
  const secrets: Secret[] = records.map((record) => ({ label: `${record.kind} id`, text: record.id }));

  async function snapshot(app: TestApp, workspaceId: string) {
    const tables: Record<string, unknown[]> = {};
    for (const table of structureTables) {
      tables[table] = await app.deps.db
        .selectFrom(table)
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .execute();
    }
    return tables;
  }

  return { records, secrets, snapshot };
}

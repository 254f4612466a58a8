import {
  roles,
  type CreateProfileTypeInput,
  type CreateRelationshipInput,
  type CreateWorkflowInput,
  type Role,
} from '@tessera/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from '../testing/failure-of.ts';
import { memberOfRole } from '../testing/member-of-role.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

/** Reference 000: only a super admin or the master creates, edits and deletes structure. */
const managers: readonly Role[] = ['master', 'super_admin'];
/** Who changes a profile's types and values: whoever may edit profiles. */
const profileEditors: readonly Role[] = ['master', 'super_admin', 'admin', 'agent'];
/** Who changes a member's: whoever manages members. */
const memberManagers: readonly Role[] = ['master', 'super_admin'];

async function expectAllowed(call: Promise<unknown>, isAllowed: boolean, subject: string): Promise<void> {
  if (isAllowed) await expect(call, subject).resolves.toBeDefined();
  else expect(await failureOf(call), subject).toMatchObject({ code: 'FORBIDDEN', domainCode: 'FORBIDDEN' });
}

describe('structure governance', () => {
  it('lets every role read profile types, attribute definitions, workflows and relationships', async () => {
    const owner = await app.newWorkspace('master');
    const definition = await owner.caller.attributeDefinitions.create({
      objectKind: 'contacts',
      slug: 'note',
      label: 'Note',
      dataType: 'text',
    });
    const type = await owner.caller.profileTypes.create({
      objectKind: 'contacts',
      slug: 'lead',
      title: 'Lead',
    });
    const workflow = await owner.caller.workflows.create({
      objectKind: 'contacts',
      slug: 'sales',
      name: 'Sales',
      stages: [{ slug: 'new', name: 'New' }],
    });
    const relationship = await owner.caller.relationships.create({
      slug: 'knows',
      name: 'Knows',
      sourceKind: 'contacts',
      targetKind: 'contacts',
      cardinality: 'many_to_many',
    });
    for (const role of roles) {
      const { caller } = await memberOfRole(app, owner, role);
      expect(await caller.attributeDefinitions.get({ id: definition.id }), role).toEqual(definition);
      expect(await caller.attributeDefinitions.list({}), role).toHaveLength(1);
      expect(await caller.profileTypes.get({ id: type.id }), role).toEqual(type);
      expect(await caller.profileTypes.list({}), role).toHaveLength(1);
      expect(await caller.profileTypes.getDefaultWorkflow({ id: type.id }), role).toBeNull();
      expect(await caller.workflows.get({ id: workflow.id }), role).toEqual(workflow);
      expect(await caller.workflows.list({}), role).toHaveLength(1);
      expect(await caller.relationships.get({ id: relationship.id }), role).toEqual(relationship);
      expect(await caller.relationships.list(), role).toHaveLength(1);
    }
  });

  it('lets only super admins and the master create, edit and delete them', async () => {
    for (const role of roles) {
      const owner = await app.newWorkspace('master');
      const { caller } = await memberOfRole(app, owner, role);
      const isManager = managers.includes(role);
      const subject = (action: string) => `${role}: ${action}`;
      // What the member is refused, the owner makes, so that the next change has something to change.
      const by = isManager ? caller : owner.caller;

      await expectAllowed(
        caller.attributeDefinitions.create({
          objectKind: 'contacts',
          slug: 'note',
          label: 'Note',
          dataType: 'text',
        }),
        isManager,
        subject('attributeDefinitions.create'),
      );
      const definition = isManager
        ? (await caller.attributeDefinitions.list({}))[0]
        : await by.attributeDefinitions.create({
            objectKind: 'contacts',
            slug: 'note',
            label: 'Note',
            dataType: 'text',
          });
      if (!definition) throw new Error('no definition');
      await expectAllowed(
        caller.attributeDefinitions.update({ id: definition.id, label: 'Remark' }),
        isManager,
        subject('attributeDefinitions.update'),
      );

      const workflowFields: CreateWorkflowInput = {
        objectKind: 'contacts',
        slug: 'sales',
        name: 'Sales',
        stages: [{ slug: 'new', name: 'New' }],
      };
      await expectAllowed(caller.workflows.create(workflowFields), isManager, subject('workflows.create'));
      const workflow = isManager
        ? (await caller.workflows.list({}))[0]
        : await by.workflows.create(workflowFields);
      if (!workflow) throw new Error('no workflow');
      await expectAllowed(
        caller.workflows.update({ id: workflow.id, name: 'Deals' }),
        isManager,
        subject('workflows.update'),
      );

      const typeFields: CreateProfileTypeInput = {
        objectKind: 'contacts',
        slug: 'lead',
        title: 'Lead',
        attributes: ['note'],
      };
      await expectAllowed(caller.profileTypes.create(typeFields), isManager, subject('profileTypes.create'));
      const type = isManager
        ? (await caller.profileTypes.list({}))[0]
        : await by.profileTypes.create(typeFields);
      if (!type) throw new Error('no type');
      await expectAllowed(
        caller.profileTypes.update({ id: type.id, title: 'Prospect' }),
        isManager,
        subject('profileTypes.update'),
      );
      await expectAllowed(
        caller.profileTypes.setDefaultWorkflow({ id: type.id, workflowId: workflow.id }),
        isManager,
        subject('profileTypes.setDefaultWorkflow'),
      );

      const relationshipFields: CreateRelationshipInput = {
        slug: 'knows',
        name: 'Knows',
        sourceKind: 'contacts',
        targetKind: 'contacts',
        cardinality: 'many_to_many',
        targetProfileTypeId: type.id,
      };
      await expectAllowed(
        caller.relationships.create(relationshipFields),
        isManager,
        subject('relationships.create'),
      );
      const relationship = isManager
        ? (await caller.relationships.list())[0]
        : await by.relationships.create(relationshipFields);
      if (!relationship) throw new Error('no relationship');
      await expectAllowed(
        caller.relationships.update({ id: relationship.id, name: 'Met' }),
        isManager,
        subject('relationships.update'),
      );

      await expectAllowed(
        caller.relationships.delete({ id: relationship.id }),
        isManager,
        subject('relationships.delete'),
      );
      if (!isManager) await owner.caller.relationships.delete({ id: relationship.id });
      await expectAllowed(
        caller.profileTypes.delete({ id: type.id }),
        isManager,
        subject('profileTypes.delete'),
      );
      await expectAllowed(
        caller.workflows.delete({ id: workflow.id }),
        isManager,
        subject('workflows.delete'),
      );
      await expectAllowed(
        caller.attributeDefinitions.delete({ id: definition.id }),
        isManager,
        subject('attributeDefinitions.delete'),
      );

      const unchanged = isManager ? [] : [{ label: 'Note' }];
      expect(await owner.caller.attributeDefinitions.list({}), subject('definitions after')).toMatchObject(
        unchanged,
      );
    }
  });

  it('lets those who edit a record change its types, values, stages and links, and everyone read them', async () => {
    const owner = await app.newWorkspace('master');
    await owner.caller.attributeDefinitions.create({
      objectKind: 'contacts',
      slug: 'note',
      label: 'Note',
      dataType: 'text',
    });
    await owner.caller.attributeDefinitions.create({
      objectKind: 'users',
      slug: 'desk',
      label: 'Desk',
      dataType: 'text',
    });
    const lead = await owner.caller.profileTypes.create({
      objectKind: 'contacts',
      slug: 'lead',
      title: 'Lead',
      attributes: ['note'],
    });
    const staff = await owner.caller.profileTypes.create({
      objectKind: 'users',
      slug: 'staff',
      title: 'Staff',
      attributes: ['desk'],
    });
    const workflow = await owner.caller.workflows.create({
      objectKind: 'contacts',
      slug: 'sales',
      name: 'Sales',
      stages: [{ slug: 'new', name: 'New' }],
    });
    const knows = await owner.caller.relationships.create({
      slug: 'knows',
      name: 'Knows',
      sourceKind: 'contacts',
      targetKind: 'contacts',
      cardinality: 'many_to_many',
    });
    const target = await owner.caller.profiles.create({ firstName: 'Grace' });

    for (const role of roles) {
      const { caller, member } = await memberOfRole(app, owner, role);
      const profile = await owner.caller.profiles.create({ firstName: `Ada ${role}` });
      const canEditProfile = profileEditors.includes(role);
      const canManageMember = memberManagers.includes(role);
      const contact = { objectKind: 'contacts', recordId: profile.id } as const;

      await expectAllowed(
        caller.profileTypes.attach({ id: lead.id, recordId: profile.id }),
        canEditProfile,
        `${role}: attach`,
      );
      await expectAllowed(
        caller.attributeValues.set({ ...contact, attributes: {} }),
        canEditProfile,
        `${role}: attributeValues.set`,
      );
      await expectAllowed(
        caller.workflows.moveRecord({
          id: workflow.id,
          recordId: profile.id,
          stageId: workflow.stages[0]?.id ?? '',
        }),
        canEditProfile,
        `${role}: workflows.moveRecord`,
      );
      await expectAllowed(
        caller.relationships.link({ id: knows.id, sourceId: profile.id, targetId: target.id }),
        canEditProfile,
        `${role}: relationships.link`,
      );
      await expectAllowed(
        caller.profileTypes.detach({ id: lead.id, recordId: profile.id }),
        canEditProfile,
        `${role}: detach`,
      );
      await expectAllowed(
        caller.profileTypes.attach({ id: staff.id, recordId: member.id }),
        canManageMember,
        `${role}: attach to a member`,
      );

      await expect(caller.attributeValues.get(contact), role).resolves.toMatchObject({ profileTypes: [] });
      await expect(caller.workflows.recordStages(contact), role).resolves.toBeDefined();
      await expect(caller.relationships.links(contact), role).resolves.toBeDefined();
      await expect(caller.profileTypes.listAdopters({ id: lead.id }), role).resolves.toBeDefined();
    }
  });
});

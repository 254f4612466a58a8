import { workspaceScope } from '@tessera/db';
import { randomUUID } from 'node:crypto';
import { listAuditEntries } from '@tessera/db/audit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from '../testing/failure-of.ts';
import { memberOfRole } from '../testing/member-of-role.ts';
import { createTestApp, type TestApp, type TestMember } from '../testing/test-app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

function pipeline(owner: TestMember, stageCount = 3) {
  return owner.caller.workflows.create({
    objectKind: 'contacts',
    slug: 'pipeline',
    name: 'Pipeline',
    stages: Array.from({ length: stageCount }, (_, index) => ({
      slug: `stage-${index}`,
      name: `Stage ${index}`,
    })),
  });
}

function moves(owner: TestMember, recordId: string) {
  return listAuditEntries(
    app.database.db,
    workspaceScope(owner.member.workspaceId),
    'profile',
    recordId,
  ).then((entries) => entries.filter((entry) => entry.action === 'workflow.move'));
}

describe('workflows', () => {
  it('are created with ordered stages, read, renamed, reordered and deleted, each change audited', async () => {
    const owner = await app.newWorkspace('master');
    const workflow = await pipeline(owner);
    expect(workflow).toMatchObject({
      objectKind: 'contacts',
      slug: 'pipeline',
      stages: [{ slug: 'stage-0' }, { slug: 'stage-1' }, { slug: 'stage-2' }],
    });
    expect(await owner.caller.workflows.get({ id: workflow.id })).toEqual(workflow);
    expect(await owner.caller.workflows.list({ objectKind: 'users' })).toEqual([]);

    const [first, second, third] = workflow.stages;
    const updated = await owner.caller.workflows.update({
      id: workflow.id,
      name: 'Sales pipeline',
      stages: [
        { slug: 'stage-2', name: 'Won' },
        { slug: 'stage-0', name: 'New' },
        { slug: 'stage-3', name: 'Lost' },
      ],
    });
    expect(updated.stages).toEqual([
      { id: third?.id, slug: 'stage-2', name: 'Won' },
      { id: first?.id, slug: 'stage-0', name: 'New' },
      { id: expect.any(String) as string, slug: 'stage-3', name: 'Lost' },
    ]);
    expect(updated.stages.map((stage) => stage.id)).not.toContain(second?.id);
    await owner.caller.workflows.delete({ id: workflow.id });
    const trail = await listAuditEntries(
      app.database.db,
      workspaceScope(owner.member.workspaceId),
      'workflow',
      workflow.id,
    );
    expect(trail.map((entry) => entry.action)).toEqual([
      'workflow.create',
      'workflow.update',
      'workflow.delete',
    ]);
  });

  it('refuse a slug taken for the same object kind, and stages with one slug twice', async () => {
    const owner = await app.newWorkspace('master');
    await pipeline(owner);
    expect((await failureOf(pipeline(owner))).domainCode).toBe('WORKFLOW_SLUG_TAKEN');
    expect(
      (
        await failureOf(
          owner.caller.workflows.create({
            objectKind: 'users',
            slug: 'pipeline',
            name: 'Twice',
            stages: [
              { slug: 'a', name: 'A' },
              { slug: 'a', name: 'Also A' },
            ],
          }),
        )
      ).paths,
    ).toEqual(['stages.1.slug']);
  });

  it('refuse taking away a stage records are in, saying how many', async () => {
    const owner = await app.newWorkspace('master');
    const workflow = await pipeline(owner);
    const [, second] = workflow.stages;
    for (const firstName of ['Ada', 'Grace']) {
      const profile = await owner.caller.profiles.create({ firstName });
      await owner.caller.workflows.moveRecord({
        id: workflow.id,
        recordId: profile.id,
        stageId: second?.id ?? '',
      });
    }
    await expect(
      owner.caller.workflows.update({ id: workflow.id, stages: [{ slug: 'stage-0', name: 'Only' }] }),
    ).rejects.toMatchObject({ cause: { code: 'WORKFLOW_STAGE_IN_USE', details: { recordCount: 2 } } });
  });
});

describe('moving records between stages', () => {
  it('keeps a record in one stage of a workflow and audits each move', async () => {
    const owner = await app.newWorkspace('master');
    const workflow = await pipeline(owner);
    const [first, second] = workflow.stages;
    const profile = await owner.caller.profiles.create({ firstName: 'Ada' });
    const move = (stageId: string | undefined) =>
      owner.caller.workflows.moveRecord({ id: workflow.id, recordId: profile.id, stageId: stageId ?? '' });

    expect(await move(first?.id)).toMatchObject({ workflowId: workflow.id, stageId: first?.id });
    await move(second?.id);
    await move(second?.id);
    expect(
      await owner.caller.workflows.recordStages({ objectKind: 'contacts', recordId: profile.id }),
    ).toEqual([{ workflowId: workflow.id, stageId: second?.id, enteredAt: expect.any(Date) as Date }]);
    await owner.caller.workflows.removeRecord({ id: workflow.id, recordId: profile.id });
    expect(
      await owner.caller.workflows.recordStages({ objectKind: 'contacts', recordId: profile.id }),
    ).toEqual([]);

    expect((await moves(owner, profile.id)).map((entry) => [entry.before, entry.after])).toEqual([
      [
        { workflowId: workflow.id, stageId: null },
        { workflowId: workflow.id, stageId: first?.id },
      ],
      [
        { workflowId: workflow.id, stageId: first?.id },
        { workflowId: workflow.id, stageId: second?.id },
      ],
      [
        { workflowId: workflow.id, stageId: second?.id },
        { workflowId: workflow.id, stageId: null },
      ],
    ]);
  });

  it('refuses a stage of another workflow, a record of nobody, and members who may not change the record', async () => {
    const owner = await app.newWorkspace('master');
    const workflow = await pipeline(owner);
    const other = await owner.caller.workflows.create({
      objectKind: 'contacts',
      slug: 'other',
      name: 'Other',
      stages: [{ slug: 'x', name: 'X' }],
    });
    const profile = await owner.caller.profiles.create({ firstName: 'Ada' });
    expect(
      await failureOf(
        owner.caller.workflows.moveRecord({
          id: workflow.id,
          recordId: profile.id,
          stageId: other.stages[0]?.id ?? '',
        }),
      ),
    ).toEqual({ code: 'NOT_FOUND', domainCode: 'WORKFLOW_STAGE_NOT_FOUND', paths: ['stageId'] });
    expect(
      (
        await failureOf(
          owner.caller.workflows.moveRecord({
            id: workflow.id,
            recordId: randomUUID(),
            stageId: other.stages[0]?.id ?? '',
          }),
        )
      ).domainCode,
    ).toBe('PROFILE_NOT_FOUND');
    const viewer = await memberOfRole(app, owner, 'viewer');
    expect(
      (
        await failureOf(
          viewer.caller.workflows.moveRecord({
            id: workflow.id,
            recordId: profile.id,
            stageId: workflow.stages[0]?.id ?? '',
          }),
        )
      ).domainCode,
    ).toBe('FORBIDDEN');
  });

  it('leaves a record in exactly one stage when many clients move it at once, every move audited in order', async () => {
    const owner = await app.newWorkspace('master');
    const workflow = await pipeline(owner, 4);
    const profile = await owner.caller.profiles.create({ firstName: 'Ada' });
    const clientCount = 24;
    const targets = Array.from({ length: clientCount }, (_, index) => workflow.stages[index % 4]?.id ?? '');

    const answers = await Promise.all(
      targets.map((stageId) =>
        owner.caller.workflows.moveRecord({ id: workflow.id, recordId: profile.id, stageId }),
      ),
    );
    expect(answers.map((answer) => answer.stageId).sort()).toEqual([...targets].sort());

    const positions = await app.database.db
      .selectFrom('workflow_positions')
      .select('stage_id')
      .where('workspace_id', '=', owner.member.workspaceId)
      .where('record_id', '=', profile.id)
      .execute();
    expect(positions).toHaveLength(1);
    const finalStage = positions[0]?.stage_id;

    // Each move left the stage the move before it entered: the stages left are those entered,
    // less the one the record is in at the end, and only the first move came from outside.
    const audited = await moves(owner, profile.id);
    const left = audited.map((entry) => (entry.before as { stageId: string | null }).stageId);
    const entered = audited.map((entry) => (entry.after as { stageId: string }).stageId);
    expect(left.filter((stageId) => stageId === null)).toHaveLength(1);
    const enteredLessFinal = [...entered];
    enteredLessFinal.splice(enteredLessFinal.lastIndexOf(finalStage ?? ''), 1);
    expect(left.filter((stageId) => stageId !== null).sort()).toEqual(enteredLessFinal.sort());
  });

  it('has the database refuse a second stage of one workflow for a record', async () => {
    const owner = await app.newWorkspace('master');
    const workflow = await pipeline(owner);
    const profile = await owner.caller.profiles.create({ firstName: 'Ada' });
    const [first, second] = workflow.stages;
    await owner.caller.workflows.moveRecord({
      id: workflow.id,
      recordId: profile.id,
      stageId: first?.id ?? '',
    });
    const insert = app.database.db
      .insertInto('workflow_positions')
      .values({
        workspace_id: owner.member.workspaceId,
        object_kind: 'contacts',
        record_id: profile.id,
        workflow_id: workflow.id,
        stage_id: second?.id ?? '',
        entered_at: new Date(),
      })
      .execute();
    await expect(insert).rejects.toMatchObject({ code: '23505', constraint: 'workflow_positions_pkey' });
  });
});

import type { FieldIssue } from '@tessera/api';
import type { RouterOutputs } from '../../lib/trpc.ts';
import { Alert } from '../../ui/alert.tsx';
import { seedObjectTypeLabels } from './seed-file.values.ts';

export type SeedImportResult = RouterOutputs['seeds']['import'];

const groups = [
  { key: 'created', preview: 'To create', applied: 'Created' },
  { key: 'updated', preview: 'To update', applied: 'Updated' },
  { key: 'unchanged', preview: 'Already as in the file', applied: 'Left as they were' },
] as const;

interface SeedDiffProps {
  result: SeedImportResult;
  /** Whether the import was applied, or is a preview of what applying does. */
  isApplied: boolean;
}

/** What an import creates, updates and leaves alone: each entry's kind and slug. */
export function SeedDiff({ result, isApplied }: SeedDiffProps) {
  return (
    <div className="seed-diff">
      {groups.map((group) => {
        const items = result[group.key];
        const headingId = `seed-diff-${group.key}`;
        return (
          <section
            key={group.key}
            className={`seed-diff-group seed-diff-${group.key}`}
            aria-labelledby={headingId}
          >
            <h3 id={headingId} className="card-heading">
              {isApplied ? group.applied : group.preview}
              <span className="muted">{items.length}</span>
            </h3>
            {items.length === 0 ? (
              <p className="muted">None</p>
            ) : (
              <ul className="seed-diff-items">
                {items.map((item, index) => (
                  <li key={`${item.object_type}/${item.slug}/${index}`}>
                    <span className="badge badge-muted">{seedObjectTypeLabels[item.object_type]}</span>
                    <code>{item.slug}</code>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** Why a seed file was refused: each problem at its place in the document (`document.3.data.slug`). */
export function SeedRefusal({ id, issues }: { id: string; issues: readonly FieldIssue[] }) {
  return (
    <div id={id}>
      <Alert tone="error" title="The seed file was refused: nothing was changed">
        <ul className="seed-issues">
          {issues.map((issue, index) => (
            <li key={`${issue.path}/${index}`}>
              {issue.path ? <code>{issue.path}</code> : null} {issue.message}
            </li>
          ))}
        </ul>
      </Alert>
    </div>
  );
}

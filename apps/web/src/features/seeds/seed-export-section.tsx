import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../lib/api-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Alert } from '../../ui/alert.tsx';
import { useSession } from '../auth/session.tsx';
import { seedFileName, seedFileText } from './seed-file.values.ts';

/** Hands the text to the browser as a file to save. */
function saveFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The browser reads the file once the click has been handled; the address is let go after that.
  setTimeout(() => URL.revokeObjectURL(url));
}

/** Exports the workspace's structure: saved as `seed-<workspace>.json`, and shown. */
export function SeedExportSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { workspace } = useSession();
  const fileName = seedFileName(workspace.slug);
  const [exported, setExported] = useState<{ text: string; entries: number } | null>(null);
  // An export is read when asked, never from an older copy, and saved at once.
  const exportSeed = useMutation({
    mutationFn: () => queryClient.fetchQuery({ ...trpc.seeds.export.queryOptions(), staleTime: 0 }),
    onSuccess: (document) => {
      const text = seedFileText(document);
      setExported({ text, entries: document.length });
      saveFile(fileName, text);
    },
  });

  return (
    <section className="card seed-section" aria-labelledby="seed-export-title">
      <h2 id="seed-export-title">Export</h2>
      <p className="muted">
        Saves this workspace’s attribute definitions, workflows and profile types as <code>{fileName}</code>,
        to import in another environment.
      </p>
      {exportSeed.isError ? (
        <Alert tone="error" title="Could not export">
          {messageOf(exportSeed.error)}
        </Alert>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          aria-disabled={exportSeed.isPending}
          onClick={() => {
            if (!exportSeed.isPending) exportSeed.mutate();
          }}
        >
          {exportSeed.isPending ? 'Exporting…' : 'Export seed file'}
        </button>
      </div>
      {exported ? (
        <div className="seed-export">
          <p className="card-heading" role="status">
            <strong>{fileName}</strong>
            <span className="muted">
              {exported.entries} {exported.entries === 1 ? 'entry' : 'entries'}, saved to your downloads
            </span>
          </p>
          <pre className="seed-json" tabIndex={0} aria-label={`Contents of ${fileName}`}>
            {exported.text}
          </pre>
        </div>
      ) : null}
    </section>
  );
}

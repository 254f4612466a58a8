import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Alert } from '../../ui/alert.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { useCan } from '../auth/session.tsx';
import { SeedExportSection } from './seed-export-section.tsx';
import { SeedImportSection } from './seed-import-section.tsx';

/** Customer data → Seed file: the workspace's structure exported, and imported with a preview first (reference 000, Seeds). */
export function SeedFilePage() {
  useDocumentTitle('Seed file');
  const isManager = useCan('structure.manage');
  return (
    <>
      <div className="page-header">
        <PageHeading>Seed file</PageHeading>
      </div>
      <p className="page-intro muted">
        A seed file carries the workspace’s structure (attribute definitions, workflows and profile types,
        each known by its slug) from one environment to another. A file with a bad entry changes nothing at
        all.
      </p>
      <SeedExportSection />
      {isManager ? (
        <SeedImportSection />
      ) : (
        <Alert tone="info">
          Your role may export the structure but not import it. Ask a super admin or the master.
        </Alert>
      )}
    </>
  );
}

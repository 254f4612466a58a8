import { auditPageOutput, listAuditInput } from '@tessera/domain';
import { memberProcedure, router } from '../trpc.ts';
import { listAudit } from './audit.service.ts';

export const auditRouter = router({
  /** Admins and above read any record's history; other members that of a record they may read (audit.service). */
  list: memberProcedure
    .input(listAuditInput)
    .output(auditPageOutput)
    .query(({ ctx, input }) => listAudit(ctx, input)),
});

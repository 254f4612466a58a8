import { fileURLToPath } from 'node:url';

export interface Env {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  isDemoSeeded: boolean;
  webDist: string;
  isCookieSecure: boolean;
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.TESSERA_DATA_DIR ?? `${repoRoot}.data`,
    logLevel: env.LOG_LEVEL ?? 'info',
    // A demo workspace has a published password: on a PostgreSQL server it is made only when asked for.
    isDemoSeeded: env.TESSERA_DEMO === undefined ? !env.DATABASE_URL : env.TESSERA_DEMO === '1',
    webDist: env.TESSERA_WEB_DIST ?? `${repoRoot}apps/web/dist`,
    isCookieSecure: env.TESSERA_SECURE_COOKIES === '1',
  };
}

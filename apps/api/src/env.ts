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
    isDemoSeeded: env.TESSERA_DEMO !== '0',
    webDist: env.TESSERA_WEB_DIST ?? `${repoRoot}apps/web/dist`,
    isCookieSecure: env.TESSERA_SECURE_COOKIES === '1',
  };
}

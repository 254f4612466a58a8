// What tools beside the server (the benchmark) build Tessera's API from.
export { appRouter } from './router.ts';
export { createDeps } from './deps.ts';
export { createHttpServer, createRequestContext, maxBodyBytes } from './http/http-server.ts';
export { createWorkspace } from './workspaces/workspaces.service.ts';

/**
 * Worker threads from the built JavaScript (dist/) or, under tsx (tests, benchmarks), from the
 * TypeScript sources: there tsx is registered in the thread before the module is imported.
 */
import { Worker, type WorkerOptions } from "node:worker_threads";

export function startWorker(url: URL, options: WorkerOptions): Worker {
  // Built JavaScript needs none of the parent's command-line options: a loader registered with
  // --import (tsx in the benchmarks, an instrumentation agent in a host program) would otherwise
  // start again in every worker (+0.1–0.2 s for a two-thread scan under tsx, measured).
  if (url.pathname.endsWith(".js")) return new Worker(url, { execArgv: [], ...options });
  const api = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

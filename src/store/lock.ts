/**
 * One process at a time in an embedded ledger directory: PGlite is a single-process database.
 * The lock is a file created exclusively and holding the owner's pid; a lock whose process is
 * gone (e.g. killed with SIGKILL) is taken over. Other processes wait, then give up clearly.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

export class LockError extends Error {
  override name = "LockError";
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function lockDirectory(dir: string, timeoutMs = Number(process.env.XBORDER_LOCK_TIMEOUT_MS ?? 60_000)): Promise<() => void> {
  const path = join(dir, "lock");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(path, "wx", 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "EEXIST") throw new LockError(`${path}: cannot create the lock file (${code ?? (e as Error).message})`);
    }
    let owner: number;
    try {
      owner = Number(readFileSync(path, "utf8").trim());
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT") continue; // released between our attempts
      // A directory or an unreadable entry where the lock file goes: no process can own it, and
      // it cannot be taken over safely. Say so instead of trying again for ever.
      throw new LockError(
        `${path}: is not a lock file xborder can read (${code ?? (e as Error).message}); remove it if no xborder is running`,
      );
    }
    if (!Number.isInteger(owner) || !alive(owner)) {
      rmSync(path, { force: true }); // stale: its process is gone
      continue;
    }
    if (Date.now() > deadline) {
      throw new LockError(`${dir}: in use by another xborder process (pid ${owner}); try again when it has finished`);
    }
    await sleep(100);
  }
}

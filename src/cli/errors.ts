/** Exit codes of every command: 0 done, 2 the input is wrong, 1 anything else. */
export const EXIT = { ok: 0, failure: 1, input: 2 } as const;

/** An error the user can fix in their input; the message names the file, line or field. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * A scan's findings as a download (issue 31 §8): JSON lines, one per finding, masked values only —
 * the same lines as `xborder scan --findings FILE.jsonl`. At most FINDINGS_KEPT are kept; when the scan
 * found more, the headers say so (X-Findings-Total, X-Findings-Truncated).
 */
import { HTTPException } from "hono/http-exception";
import type { KeptFindings } from "../jobs.js";

export function findingsResponse(f: KeptFindings | undefined, filename: string): Response {
  if (!f) throw new HTTPException(404, { message: "no finished scan of uploaded files with this number" });
  return new Response(f.lines, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "x-findings-total": String(f.total),
      "x-findings-kept": String(f.kept),
      "x-findings-truncated": String(f.total > f.kept),
    },
  });
}

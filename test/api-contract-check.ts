/**
 * A checker of the API's answers against its OpenAPI document (ajv's 2020-12 draft, OpenAPI 3.1's):
 * which operation, which documented status and media type, which schema. Used by
 * test/api-contract.test.ts and, for every /api/v1 answer, by server-helpers' req.
 */
import assert from "node:assert/strict";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";

interface Media {
  schema?: Record<string, unknown>;
}
interface OperationDoc {
  operationId: string;
  summary: string;
  tags: string[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
}
export interface OpenApi {
  openapi: string;
  info: { license?: { name: string } };
  servers?: { url: string }[];
  paths: Record<string, Record<string, OperationDoc>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

export function contract(doc: OpenApi) {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  const id = "https://xborder.invalid/openapi.json";
  ajv.addSchema({ $id: id, components: doc.components });
  const validator = (schema: Record<string, unknown>): ValidateFunction => {
    if (typeof schema.$ref !== "string") return ajv.compile(schema);
    const v = ajv.getSchema(`${id}${schema.$ref}`);
    assert.ok(v, `${schema.$ref}: not in the document`);
    return v;
  };
  const routes = Object.entries(doc.paths).map(([template, ops]) => ({
    re: new RegExp(`^${template.replace(/\{\w+\}/g, "[^/]+").replace(/\./g, "\\.")}$`),
    template,
    ops,
  }));
  const seen = new Set<string>();
  return {
    seen,
    /** Check one answer (its body read from a clone); returns the parsed JSON body, if any. */
    async check(method: string, url: string, r: Response, o: { unknownOk?: boolean } = {}): Promise<unknown> {
      const path = new URL(url, "http://x").pathname;
      const route = routes.find((x) => x.re.test(path) && x.ops[method.toLowerCase()]);
      if (!route && o.unknownOk) return undefined;
      assert.ok(route, `${method} ${path}: no operation in the document`);
      const op = route.ops[method.toLowerCase()]!;
      seen.add(op.operationId);
      const res = op.responses[String(r.status)] ?? op.responses[`${String(r.status)[0]}XX`];
      assert.ok(res, `${op.operationId}: status ${r.status} is not documented`);
      const type = (r.headers.get("content-type") ?? "").split(";")[0]!.trim();
      if (r.status === 204 || !res.content) {
        assert.equal((await r.clone().arrayBuffer()).byteLength, 0, `${op.operationId} ${r.status}: a body the document does not describe`);
        return undefined;
      }
      const media = res.content[type];
      assert.ok(media, `${op.operationId} ${r.status}: media type ${type} is not documented (${Object.keys(res.content).join(", ")})`);
      // JSON bodies only (application/json, application/problem+json): JSON Lines (x-ndjson) are lines, not one value.
      if (!/(^|[/+])json$/.test(type)) return undefined;
      const body = (await r.clone().json()) as unknown;
      const validate = validator(media.schema ?? {});
      assert.ok(
        validate(body),
        `${op.operationId} ${r.status}: the body breaks the contract: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`,
      );
      return body;
    },
    schema(name: string) {
      return validator({ $ref: `#/components/schemas/${name}` });
    },
  };
}

/**
 * The /api/docs page: the OpenAPI document rendered as static HTML (no script) — per operation its
 * id, permission, parameters, request body and every answer's schema, then each named schema.
 */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Ctx } from "../context.js";
import { openApiDocument } from "../openapi.js";
import { t } from "./i18n.js";
import { page } from "./layout.js";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;
type Schema = Record<string, unknown>;
interface Media {
  schema?: Schema;
}
interface OperationDoc {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters?: { name: string; in: string; required?: boolean; schema: Schema }[];
  requestBody?: { required?: boolean; content: Record<string, Media> };
  responses: Record<string, { description: string; content?: Record<string, Media> }>;
}

const REF = "#/components/schemas/";

/** A schema as a short type (a named one links to its entry), its properties as a nested list. */
function schemaHtml(s: Schema | undefined, depth = 0): Html {
  if (!s || Object.keys(s).length === 0) return html`<em>any</em>`;
  if (typeof s.$ref === "string") {
    const name = s.$ref.slice(REF.length);
    return html`<a href="#schema-${name}"><code>${name}</code></a>`;
  }
  const alts = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (alts) return html`${alts.map((a, i) => html`${i ? html` <em>or</em> ` : ""}${schemaHtml(a, depth)}`)}`;
  if (Array.isArray(s.enum)) return html`<code>${s.enum.map((v) => JSON.stringify(v)).join(" | ")}</code>`;
  if (s.const !== undefined) return html`<code>${JSON.stringify(s.const)}</code>`;
  if (s.type === "array") return html`array of ${schemaHtml(s.items as Schema | undefined, depth)}`;
  const props = s.properties as Record<string, Schema> | undefined;
  if (s.type === "object" || props) {
    const required = new Set((s.required as string[] | undefined) ?? []);
    const extra = s.additionalProperties;
    const rest =
      extra && typeof extra === "object"
        ? html`<li><em>each key</em>: ${schemaHtml(extra as Schema, depth + 1)}</li>`
        : extra === false
          ? ""
          : html`<li><em>more fields</em></li>`;
    if (depth > 4) return html`object`;
    return html`object
      <ul>
        ${Object.entries(props ?? {}).map(
          ([k, v]) =>
            html`<li>
              <code>${k}</code>${required.has(k) ? "" : "?"}:
              ${schemaHtml(v, depth + 1)}${v.description ? html` — ${String(v.description)}` : ""}
            </li>`,
        )}
        ${rest}
      </ul>`;
  }
  const type = Array.isArray(s.type) ? s.type.join(" | ") : String(s.type ?? "any");
  return html`${type}${s.format ? html` (${String(s.format)})` : ""}`;
}

function mediaList(content: Record<string, Media> | undefined): Html {
  if (!content) return html``;
  return html`<ul>
    ${Object.entries(content).map(([type, m]) => html`<li><code>${type}</code>: ${schemaHtml(m.schema)}</li>`)}
  </ul>`;
}

function operationHtml(method: string, path: string, op: OperationDoc): Html {
  return html`<section class="card" id="op-${op.operationId}">
    <h2><code>${method.toUpperCase()} ${path}</code></h2>
    <p>${op.summary}</p>
    <p><code>${op.operationId}</code> · ${op.tags.join(", ")} · ${op.description}</p>
    ${
      op.parameters?.length
        ? html`<h3>Parameters</h3>
            <ul>
              ${op.parameters.map(
                (p) => html`<li><code>${p.name}</code> (${p.in}${p.required ? ", required" : ""}): ${schemaHtml(p.schema)}</li>`,
              )}
            </ul>`
        : ""
    }
    ${
      op.requestBody
        ? html`<h3>Request body${op.requestBody.required ? "" : " (optional)"}</h3>
            ${mediaList(op.requestBody.content)}`
        : ""
    }
    <h3>Responses</h3>
    <ul>
      ${Object.entries(op.responses).map(
        ([status, r]) => html`<li><strong>${status}</strong> ${r.description} ${mediaList(r.content)}</li>`,
      )}
    </ul>
  </section>`;
}

export function apiDocsPage(c: Ctx) {
  const lang = c.var.lang;
  const user = c.var.session ? { email: c.var.session.email, csrf: c.var.session.csrf } : undefined;
  const doc = openApiDocument();
  const paths = doc.paths as Record<string, Record<string, OperationDoc>>;
  const schemas = doc.components.schemas as Record<string, Schema>;
  return page(
    { lang, path: "/api/docs", user },
    t(lang, "api"),
    html`<section class="card">
        <p>
          OpenAPI 3.1: <a href="/api/openapi.json">/api/openapi.json</a>.
          ${
            lang === "zh"
              ? "请求头 Authorization: Bearer xbt_…（在“成员”页面创建令牌）。错误为 application/problem+json。"
              : "Send Authorization: Bearer xbt_… (tokens are made on the Members page). Errors are application/problem+json."
          }
        </p>
        <ul>
          ${Object.entries(paths).flatMap(([path, ops]) =>
            Object.entries(ops).map(
              ([method, op]) =>
                html`<li>
                  <a href="#op-${op.operationId}"><code>${method.toUpperCase()} ${path}</code></a> — ${op.summary}
                </li>`,
            ),
          )}
        </ul>
      </section>
      ${Object.entries(paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => operationHtml(method, path, op)))}
      <section class="card">
        <h2>Schemas</h2>
        ${Object.entries(schemas).map(
          ([name, s]) =>
            html`<h3 id="schema-${name}"><code>${name}</code></h3>
              ${s.description ? html`<p>${String(s.description)}</p>` : ""}
              ${
                name === "DataMap"
                  ? html`<p>
                      The data map's JSON Schema (as <code>xborder schema</code> prints it): see
                      <a href="/api/openapi.json">/api/openapi.json</a> and docs/data-map.md.
                    </p>`
                  : html`<div>${schemaHtml(s)}</div>`
              }`,
        )}
      </section>`,
  );
}

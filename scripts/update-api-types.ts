/**
 * Regenerate test/api-types.ts, the API's TypeScript types as a client generator makes them
 * (openapi-typescript) from /api/openapi.json; test/api-contract.test.ts calls the server through
 * them (openapi-fetch) and fails when this file no longer matches the document.
 *   npm run api:types
 */
import { writeFileSync } from "node:fs";
import { apiTypes } from "../test/api-types-gen.js";

const out = new URL("../test/api-types.ts", import.meta.url).pathname;
writeFileSync(out, await apiTypes());
console.log("wrote test/api-types.ts");

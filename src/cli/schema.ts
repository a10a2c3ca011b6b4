import { dataMapJsonSchema } from "../engine/json-schema.js";
import { EXIT } from "./errors.js";

/** `xborder schema`: the data map's JSON Schema on stdout (also shipped as schema/data-map.schema.json). */
export function runSchema(out: (s: string) => void): number {
  out(`${JSON.stringify(dataMapJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}

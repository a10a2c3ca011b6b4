/** Rewrite docs/data-map.md's "Form labels" block from src/server/field-labels.ts. */
import { readFileSync, writeFileSync } from "node:fs";
import { withFieldLabels } from "../src/server/field-labels.js";

const file = new URL("../docs/data-map.md", import.meta.url);
writeFileSync(file, withFieldLabels(readFileSync(file, "utf8")));

#!/usr/bin/env node
// The `xborder` command: runs the compiled CLI (npm ci builds it through the `prepare` script),
// bundled into dist/bundle/ where esbuild was there to bundle it (scripts/bundle-cli.mjs).
import { existsSync } from "node:fs";

const bundle = new URL("../dist/bundle/main.js", import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : "../dist/cli/main.js");

process.exitCode = await main(process.argv.slice(2));

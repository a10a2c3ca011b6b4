/** Processor-level notices: the Tianjin FTZ standard's "likely important data" lines (以上 includes the number). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assess } from "../src/engine/assess.js";
import { mapOf } from "./helpers.js";

const notices = (processor: Record<string, unknown>, general = 10, sensitive = 0) =>
  assess(mapOf({ region: "120116", ...processor }, [{ general, sensitive }]), { asOf: "2026-06-30" }).notices.filter((n) =>
    /Tianjin/.test(n),
  );

describe("Tianjin likely-important-data notice", () => {
  test("PI of 10,000,000 people processed: flagged; 9,999,999: not", () => {
    assert.equal(notices({ personsProcessed: 10_000_000 }).length, 1);
    assert.equal(notices({ personsProcessed: 9_999_999 }).length, 0);
  });
  test("sensitive PI of 1,000,000 people: flagged; 999,999: not", () => {
    assert.equal(notices({ cumulative: { general: 0, sensitive: 1_000_000 } }).length, 1);
    assert.equal(notices({ cumulative: { general: 0, sensitive: 999_999 } }).length, 0);
  });
  test("only for Tianjin processors", () => {
    assert.equal(notices({ region: "310115", personsProcessed: 20_000_000 }).length, 0);
  });
});

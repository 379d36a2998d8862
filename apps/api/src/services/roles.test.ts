import { describe, expect, it } from "vitest";
import { hasRole } from "./roles.js";

describe("hasRole", () => {
  it("follows the contract: read ⊂ ingest, read ⊂ analyst, admin holds all", () => {
    const table: [string, string, boolean][] = [
      ["read", "read", true],
      ["read", "ingest", false],
      ["read", "analyst", false],
      ["read", "admin", false],
      ["ingest", "read", true],
      ["ingest", "ingest", true],
      ["ingest", "analyst", false],
      ["ingest", "admin", false],
      ["analyst", "read", true],
      ["analyst", "ingest", false],
      ["analyst", "analyst", true],
      ["analyst", "admin", false],
      ["admin", "read", true],
      ["admin", "ingest", true],
      ["admin", "analyst", true],
      ["admin", "admin", true],
    ];
    for (const [actual, needed, allowed] of table) {
      expect({ actual, needed, allowed: hasRole(actual as "read", needed as "read") }).toEqual({
        actual,
        needed,
        allowed,
      });
    }
  });
});

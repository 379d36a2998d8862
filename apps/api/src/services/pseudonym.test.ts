import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadOrCreatePseudonymKey, pseudonymise, pseudonymiseRecord } from "./pseudonym.js";

describe("pseudonymise", () => {
  it("is HMAC-SHA256(key, organisation:value) in hex, cut to 32 characters", () => {
    // Worked out with: echo -n "default:C12345" | openssl dgst -sha256 -hmac "test-pseudonym-secret"
    const openssl = "08a7cbc11e07c107af23c308e4d4066e065f4f91f07f1eeb0ad56d244cb0c8bd";
    expect(pseudonymise("test-pseudonym-secret", "default", "C12345")).toBe(openssl.slice(0, 32));
  });

  it("is stable per organisation and differs between organisations", () => {
    const key = "a-secret-key-of-some-length";
    expect(pseudonymise(key, "org-a", "C1")).toBe(pseudonymise(key, "org-a", "C1"));
    expect(pseudonymise(key, "org-a", "C1")).not.toBe(pseudonymise(key, "org-b", "C1"));
    expect(pseudonymise(key, "org-a", "C1")).toMatch(/^[0-9a-f]{32}$/);
  });

  it("never contains the raw identifier", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4, maxLength: 64 }), (id) => {
        expect(pseudonymise("k".repeat(16), "default", id)).not.toContain(id);
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it("replaces only the person fields that hold text", () => {
    const key = "a-secret-key-of-some-length";
    const out = pseudonymiseRecord(key, "default", { child_id: "C1", worker_id: null, team: "C1" }, [
      "child_id",
      "worker_id",
    ]);
    expect(out).toEqual({ child_id: pseudonymise(key, "default", "C1"), worker_id: null, team: "C1" });
  });

  it("gives the same pseudonyms with a batch's memo as without, however often people repeat", () => {
    const key = "a-secret-key-of-some-length";
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            child_id: fc.constantFrom("C1", "C2", "C3", "W1"),
            worker_id: fc.constantFrom("W1", "W2"),
          }),
        ),
        (rows) => {
          const memo = new Map<string, string>();
          for (const row of rows) {
            const fields = ["child_id", "worker_id"];
            expect(pseudonymiseRecord(key, "org-a", row, fields, memo)).toEqual(
              pseudonymiseRecord(key, "org-a", row, fields),
            );
          }
        },
      ),
    );
  });
});

describe("loadOrCreatePseudonymKey", () => {
  it("prefers the configured key, else creates one file with mode 0600 and reuses it", () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-key-"));
    try {
      expect(loadOrCreatePseudonymKey("configured-key-123456", dir)).toBe("configured-key-123456");
      const created = loadOrCreatePseudonymKey(undefined, join(dir, "data"));
      expect(created).toMatch(/^[0-9a-f]{64}$/);
      const file = join(dir, "data", "pseudonym.key");
      expect(readFileSync(file, "utf8").trim()).toBe(created);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(loadOrCreatePseudonymKey(undefined, join(dir, "data"))).toBe(created);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

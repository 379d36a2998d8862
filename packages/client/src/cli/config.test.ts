import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveConfig } from "./config.js";

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function dirs() {
  const root = mkdtempSync(join(tmpdir(), "kpi-config-"));
  roots.push(root);
  const cwd = join(root, "work");
  const home = join(root, "home");
  mkdirSync(cwd);
  mkdirSync(join(home, ".config", "kpi"), { recursive: true });
  return { cwd, home };
}

describe("resolveConfig", () => {
  it("prefers flags, then the environment, then the file", () => {
    const { cwd, home } = dirs();
    writeFileSync(join(cwd, "kpi.config.json"), JSON.stringify({ url: "http://file", token: "file-token" }));
    const r = resolveConfig({ url: "http://flag" }, { KPI_TOKEN: "env-token" }, cwd, home);
    expect(r).toEqual({
      ok: true,
      config: {
        url: "http://flag",
        token: "env-token",
        file: join(cwd, "kpi.config.json"),
      },
    });
  });

  it("falls back to ~/.config/kpi/config.json when the working directory has no kpi.config.json", () => {
    const { cwd, home } = dirs();
    writeFileSync(join(home, ".config", "kpi", "config.json"), JSON.stringify({ url: "http://home" }));
    const r = resolveConfig({}, {}, cwd, home);
    expect(r.ok && r.config.url).toBe("http://home");
  });

  it("reads the file named by --config and fails when it is missing", () => {
    const { cwd, home } = dirs();
    writeFileSync(join(cwd, "other.json"), JSON.stringify({ token: "named" }));
    const r = resolveConfig({ config: "other.json" }, {}, cwd, home);
    expect(r.ok && r.config.token).toBe("named");
    expect(resolveConfig({ config: "nope.json" }, {}, cwd, home)).toEqual({
      ok: false,
      error: "configuration file nope.json does not exist",
    });
  });

  it("rejects a file with an unknown key so a typo is not silently ignored", () => {
    const { cwd, home } = dirs();
    writeFileSync(join(cwd, "kpi.config.json"), JSON.stringify({ URL: "http://x" }));
    const r = resolveConfig({}, {}, cwd, home);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain("unknown key");
  });

  it("says that an id key is no longer used (the import route makes record ids on the server)", () => {
    const { cwd, home } = dirs();
    writeFileSync(
      join(cwd, "kpi.config.json"),
      JSON.stringify({ url: "http://x", idKey: "an-old-id-key-0123456789" }),
    );
    const r = resolveConfig({}, {}, cwd, home);
    expect(!r.ok && r.error).toBe(
      `configuration file ${join(cwd, "kpi.config.json")}: idKey is no longer used (record ids are made on the server, decision 175): remove it`,
    );
  });

  it("ignores empty environment variables", () => {
    const { cwd, home } = dirs();
    const r = resolveConfig({}, { KPI_API_URL: "" }, cwd, home);
    expect(r).toEqual({ ok: true, config: { url: null, token: null, file: null } });
  });
});

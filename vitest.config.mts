import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    // Builds into NEXT_DIST_DIR (.next-<name>) link external packages, pino's own tests among them.
    exclude: ["node_modules/**", ".next*/**", "e2e/**", ".data/**"],
    environment: "node",
    // Argon2 and database clones make the first test of a file slower than a unit test.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    server: { deps: { inline: [/server-only/] } },
  },
});

import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import openapi from "@/docs/openapi.json";
import { GET } from "./route";

// Each public route file and the documented paths (with their methods) it serves. A new public route
// fails this test until it is documented; internal ones (sign-in, tRPC, attachments) are not public API.
const PUBLIC_ROUTES: Record<string, Record<string, string[]>> = {
  "open311/[resource]": { "/api/open311/discovery.{format}": ["get"] },
  "open311/v2/[resource]": {
    "/api/open311/v2/services.{format}": ["get"],
    "/api/open311/v2/requests.{format}": ["get", "post"],
  },
  "open311/v2/services/[code]": { "/api/open311/v2/services/{service_code}.{format}": ["get"] },
  "open311/v2/requests/[id]": { "/api/open311/v2/requests/{service_request_id}.{format}": ["get"] },
  "exports/public-appeals.csv": { "/api/exports/public-appeals.csv": ["get"] },
  "exports/public-appeals.json": { "/api/exports/public-appeals.json": ["get"] },
  "exports/metrics.csv": { "/api/exports/metrics.csv": ["get"] },
  "exports/metrics.json": { "/api/exports/metrics.json": ["get"] },
  "exports/answers.csv": { "/api/exports/answers.csv": ["get"] },
  "exports/answers.json": { "/api/exports/answers.json": ["get"] },
  "exports/grading-rounds/[id]/sample.csv": { "/api/exports/grading-rounds/{id}/sample.csv": ["get"] },
  "exports/grading-rounds/[id]/sample.json": { "/api/exports/grading-rounds/{id}/sample.json": ["get"] },
  "exports/register-figures.csv": { "/api/exports/register-figures.csv": ["get"] },
  "exports/register-figures.json": { "/api/exports/register-figures.json": ["get"] },
  "moderation-log": { "/api/moderation-log": ["get"] },
  "moderation-log/checkpoint": { "/api/moderation-log/checkpoint": ["get"] },
  "moderation-log/checkpoints": { "/api/moderation-log/checkpoints": ["get"] },
  health: { "/api/health": ["get"] },
  "openapi.json": { "/api/openapi.json": ["get"] },
};
const INTERNAL = ["auth/[...nextauth]", "trpc/[trpc]", "attachments/[id]"];

function routeFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full, base);
    return name === "route.ts" ? [path.relative(base, dir)] : [];
  });
}

type Operation = { responses: Record<string, unknown> };
const paths = openapi.paths as unknown as Record<string, Record<string, Operation>>;

describe("the OpenAPI description", () => {
  it("is served as it is written", async () => {
    const response = GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(openapi);
    expect(openapi.openapi).toBe("3.1.0");
  });

  it("documents every public route, and nothing that does not exist", () => {
    const files = routeFiles(path.join(process.cwd(), "app", "api")).filter((f) => !INTERNAL.includes(f));
    expect(files.sort()).toEqual(Object.keys(PUBLIC_ROUTES).sort());
    const documented = Object.values(PUBLIC_ROUTES).flatMap((p) => Object.entries(p));
    expect(Object.keys(paths).sort()).toEqual(documented.map(([p]) => p).sort());
    for (const [p, methods] of documented) {
      expect(Object.keys(paths[p] ?? {}).sort(), p).toEqual(methods.sort());
      for (const m of methods)
        expect(Object.keys(paths[p]?.[m]?.responses ?? {}), `${m} ${p}`).toContain("200");
    }
  });

  it("resolves every reference", () => {
    const text = JSON.stringify(openapi);
    const refs = [...text.matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of new Set(refs)) {
      const target = ref
        .split("/")
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], openapi);
      expect(target, ref).toBeDefined();
    }
  });

  it("describes the Open311 error format and the exact columns of the public appeals download", () => {
    const schemas = openapi.components.schemas;
    expect(schemas.Open311Errors.items.required).toEqual(["code", "description"]);
    expect(Object.keys(schemas.PublicAppealRow.properties)).toEqual(schemas.PublicAppealRow.required);
    expect(schemas.PublicAppealRow.required).toEqual([
      "number",
      "kind",
      "category",
      "region",
      "body_code",
      "body_name_kk",
      "body_name_ru",
      "body_name_en",
      "status",
      "overdue",
      "filed_at",
      "registered_on",
      "due_at",
      "answered_at",
      "answer_decision",
      "answered_on_time",
      "subject",
      "text",
      "redacted",
      "support_count",
    ]);
  });
});

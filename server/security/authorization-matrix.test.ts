import { TRPCError } from "@trpc/server";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import superjson from "superjson";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/routers/_app";
import { callerFor } from "@/test/actors";
import {
  ACTORS,
  type ActorName,
  buildAuthorizationWorld,
  objectFieldsOf,
  PERSONAL_MARKERS,
  type World,
} from "@/test/authorization-world";
import { useTestDatabase } from "@/test/database";
import { PROCEDURE_MATRIX, type ProcedureRule } from "./authorization-matrix";

type Procedure = { _def: { type: "query" | "mutation" | "subscription"; inputs: unknown[] } };
// Typed as the nested router, but flat at run time: one entry per dotted path (tRPC 11). Enumerated
// from the router when the tests run, so a procedure added without a row in the matrix fails below.
const PROCEDURES = appRouter._def.procedures as unknown as Record<string, Procedure>;
const PATHS = Object.keys(PROCEDURES).sort();

const DENIALS = ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"];
/**
 * Who may hold citizen A's personal data: A, and the body handling the appeal. The supervisor counts as
 * handling too: officials of the parent body oversee how the bodies below them answer (appeal-access.ts)
 * and read the case as the body does, contacts included (get-appeal-for-official.ts); a complaint about
 * the answer comes to them with the whole file (APPC Art. 91), and they need the applicant to act on it.
 */
const PERSONAL_DATA_READERS: readonly ActorName[] = ["citizenA", "officialA", "supervisor"];

type Callable = (input?: unknown) => Promise<unknown>;
const procedureOf = (caller: unknown, path: string) =>
  path.split(".").reduce<unknown>((o, key) => (o as Record<string, unknown>)[key], caller) as Callable;

/** What the client would receive for this error: the router's own formatter, as the HTTP adapter applies it. */
function shapeOf(error: TRPCError, path: string, input: unknown) {
  return getErrorShape({
    config: appRouter._def._config,
    error,
    type: PROCEDURES[path]?._def.type ?? "unknown",
    path,
    input,
    ctx: undefined,
  });
}

const serialized = (value: unknown) => JSON.stringify(superjson.serialize(value));
const leaked = (text: string, needles: readonly string[]) => needles.filter((n) => text.includes(n));

describe("the authorization matrix", () => {
  const db = useTestDatabase();
  let w: World;
  beforeAll(async () => {
    w = await buildAuthorizationWorld(db());
  });

  const run = (path: string, rule: ProcedureRule, as: ActorName) => {
    const input = rule.input?.(w, as);
    const call = procedureOf(callerFor(db(), w.actors[as]), path);
    return {
      input,
      result: call(input).then(
        (output) => ({ output }),
        (error: unknown) => ({ error }),
      ),
    };
  };

  it("lists every procedure of appRouter, and nothing else", () => {
    expect(PATHS.length).toBeGreaterThan(50);
    expect(Object.keys(PROCEDURE_MATRIX).sort()).toEqual(PATHS);
  });

  it.each(PATHS)("%s: denied cells refuse with nothing of the object, allowed cells answer", async (path) => {
    const rule = PROCEDURE_MATRIX[path];
    if (!rule) throw new Error(`${path} has no row in PROCEDURE_MATRIX`);
    const allowed = (as: ActorName) => rule.allowed.includes(as);
    // Refusals first: they change nothing, so the allowed calls after them find the world as built.
    const order = [...ACTORS.filter((a) => !allowed(a)), ...ACTORS.filter(allowed)];
    const failures: string[] = [];
    const secrets = [...objectFieldsOf(w), ...PERSONAL_MARKERS];

    for (const as of order) {
      const { input, result } = run(path, rule, as);
      const outcome = await result;
      if (!allowed(as)) {
        if (!("error" in outcome) || !(outcome.error instanceof TRPCError)) {
          failures.push(`${as}: expected a refusal, got ${serialized(outcome).slice(0, 200)}`);
          continue;
        }
        const { code } = outcome.error;
        if (!DENIALS.includes(code)) failures.push(`${as}: refused with ${code}`);
        if (as === "anonymous" && code !== "UNAUTHORIZED") failures.push(`${as}: ${code}, not UNAUTHORIZED`);
        const shape = shapeOf(outcome.error, path, input);
        const text = serialized(shape);
        // The whole answer is a code: no field of the object, no count, nothing else to read.
        expect(Object.keys(shape).sort(), `${path} as ${as}`).toEqual(["code", "data", "message"]);
        // A request id (server/trpc.ts) only names the log line; it says nothing of the object.
        const { requestId, ...data } = shape.data as typeof shape.data & { requestId?: unknown };
        expect(Object.keys(data).sort(), `${path} as ${as}`).toEqual([
          "code",
          "domainCode",
          "fieldErrors",
          "httpStatus",
        ]);
        expect(requestId ?? null).toSatisfy((id) => id === null || /^[\w-]{1,100}$/.test(String(id)));
        expect(shape.data.fieldErrors).toBeNull();
        expect([shape.data.code, shape.data.domainCode]).toContain(shape.message);
        const found = leaked(text, secrets);
        if (found.length > 0) failures.push(`${as}: the refusal carries ${found.join(", ")}`);
        continue;
      }
      if ("error" in outcome) {
        const e = outcome.error;
        failures.push(`${as}: allowed but ${e instanceof TRPCError ? `${e.code} ${e.message}` : String(e)}`);
        continue;
      }
      if (rule.expect) expect(outcome.output, `${path} as ${as}`).toEqual(rule.expect(w, as));
      const mayHoldPersonalData =
        PERSONAL_DATA_READERS.includes(as) || (rule.personalDataAlsoTo?.actors.includes(as) ?? false);
      if (!mayHoldPersonalData) {
        const found = leaked(serialized(outcome.output), PERSONAL_MARKERS);
        if (found.length > 0) failures.push(`${as}: citizen A's personal data leaves: ${found.join(", ")}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it.each(PATHS.filter((p) => PROCEDURE_MATRIX[p]?.input))(
    "%s refuses an unknown field such as authorId with BAD_REQUEST",
    async (path) => {
      const rule = PROCEDURE_MATRIX[path];
      const as = rule?.allowed[0];
      if (!rule?.input || !as) throw new Error(`${path}: nobody to ask`);
      const input = rule.input(w, as);
      const sneaky = w.actors.citizenB?.id ?? "";
      if (input instanceof FormData) input.append("authorId", sneaky);
      const call = procedureOf(callerFor(db(), w.actors[as]), path);
      const error = await call(
        input instanceof FormData ? input : { ...(input as object), authorId: sneaky },
      ).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
    },
  );
});

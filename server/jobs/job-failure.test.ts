import { describe, expect, it } from "vitest";
import { jobFailure } from "./job-failure";

describe("jobFailure", () => {
  it("keeps the messages of the error and its cause, and none of their data", () => {
    const cause = Object.assign(new Error("Cannot create a string longer than 0x1fffffe8 characters"), {
      code: "ERR_STRING_TOO_LONG",
    });
    const error = Object.assign(new Error("Failed query: insert into open_data_files …", { cause }), {
      params: ["2026-12-03", Buffer.alloc(8 * 1024 * 1024, 1)],
    });
    const failure = jobFailure(error);
    expect(failure.message).toBe(
      "Error: Failed query: insert into open_data_files … ← caused by Error: Cannot create a string longer than 0x1fffffe8 characters",
    );
    // pg-boss stores the name, message, stack, every own property and the cause: here only the first three.
    expect(Object.keys(failure)).toEqual([]);
    expect(failure.cause).toBeUndefined();
  });

  it("cuts a long message and stack short", () => {
    const error = new Error("x".repeat(1_000_000));
    const failure = jobFailure(error);
    expect(failure.message.length).toBeLessThanOrEqual(4000);
    expect(failure.stack?.length).toBeLessThanOrEqual(4000);
  });

  it("names what was thrown when it is not an error", () => {
    expect(jobFailure("no signing key").message).toBe("no signing key");
    expect(jobFailure({ rows: [1, 2, 3] }).message).toBe("object");
  });
});

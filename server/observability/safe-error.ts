import { TRPCError } from "@trpc/server";
import { DrizzleQueryError } from "drizzle-orm/errors";

/** What the log keeps of an error: enough to find the fault, nothing a citizen typed. */
export type LoggedError = {
  type: string;
  message: string;
  stack?: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  cause?: LoggedError;
};

const MAX_DEPTH = 4;

/**
 * PostgreSQL errors carry values in `detail` ("Key (email)=(…) already exists") and, for data exceptions
 * (SQLSTATE class 22), in the message itself ("invalid input syntax for type uuid: "…""). Drizzle puts a
 * failed query's parameters in its message. tRPC copies a cause's message into its own. So each message
 * is rebuilt here from what is safe, and the stack keeps its frames but not its first line, which repeats
 * the original message.
 */
export function safeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: "a non-error value was thrown" };
  const logged: LoggedError = { type: typeName(error), message: safeMessage(error) };
  const frames = error.stack?.indexOf("\n    at ") ?? -1;
  if (error.stack && frames >= 0)
    logged.stack = `${logged.type}: ${logged.message}${error.stack.slice(frames)}`;
  const fields = error as Error & Record<string, unknown>;
  if (typeof fields.code === "string") logged.code = fields.code;
  if (typeof fields.constraint_name === "string") logged.constraint = fields.constraint_name;
  if (typeof fields.table_name === "string") logged.table = fields.table_name;
  if (typeof fields.column_name === "string") logged.column = fields.column_name;
  const cause = error.cause ?? (error instanceof AggregateError ? error.errors[0] : undefined);
  if (cause !== undefined && depth < MAX_DEPTH) logged.cause = safeError(cause, depth + 1);
  return logged;
}

function typeName(error: Error): string {
  return error.constructor?.name && error.constructor.name !== "Error" ? error.constructor.name : error.name;
}

function safeMessage(error: Error): string {
  if (error instanceof DrizzleQueryError) return `Failed query: ${error.query}`;
  // Its own message is its cause's; the cause is logged beside it, made safe.
  if (error instanceof TRPCError) return error.cause ? error.code : error.message;
  const sqlState = (error as { code?: unknown }).code;
  if (error.name === "PostgresError" && typeof sqlState === "string" && sqlState.startsWith("22"))
    return "data exception (the offending value is not logged)";
  return error.message;
}

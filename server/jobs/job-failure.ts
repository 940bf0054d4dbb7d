/** Characters of a failed job's message, and of its stack, that pg-boss keeps. */
const KEPT = 4000;

/**
 * What a failed job hands pg-boss: its message and its causes' messages, and its stack, each cut short,
 * and nothing else. pg-boss stores the error it is given serialised whole, every property and cause; a
 * failed query's error carries the query's parameters, and a snapshot's file of some hundreds of megabytes
 * among them made that serialisation throw outside the job, which stopped the worker.
 */
export function jobFailure(error: unknown): Error {
  const messages: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    messages.push(messageOf(e).slice(0, KEPT));
    e = e instanceof Error ? e.cause : undefined;
  }
  const failure = new Error(messages.join(" ← caused by ").slice(0, KEPT));
  failure.stack = (error instanceof Error && error.stack ? error.stack : failure.message).slice(0, KEPT);
  return failure;
}

function messageOf(thrown: unknown): string {
  if (thrown instanceof Error) return `${thrown.name}: ${thrown.message}`;
  return typeof thrown === "string" ? thrown : typeof thrown;
}

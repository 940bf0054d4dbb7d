import { sendLogsTo } from "@/server/observability/logger";

export type LogEntry = Record<string, unknown> & { level: string; msg: string };

/** Everything the app logs from now until `stop()`, as the raw text and as parsed lines. */
export function captureLogs() {
  const lines: string[] = [];
  const stop = sendLogsTo({ write: (line: string) => void lines.push(line) });
  return {
    stop,
    text: () => lines.join(""),
    entries: () => lines.map((line) => JSON.parse(line) as LogEntry),
  };
}

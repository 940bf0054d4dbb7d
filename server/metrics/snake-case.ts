const names = new Map<string, string>();

/**
 * "onTimeRate" → "on_time_rate": a count's column in the summary tables and its name in the open-data
 * exports. Kept once per name: the export names some fifty columns on each of its thousands of rows, and
 * a replace with a callback per name and row was most of the export's time (about 300 ms at 1M).
 */
export function snakeCase(name: string): string {
  let snake = names.get(name);
  if (snake === undefined) {
    snake = name.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
    names.set(name, snake);
  }
  return snake;
}

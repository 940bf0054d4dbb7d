// `tsx scripts/generate-register.ts <rows>`: writes a synthetic Open311-style register as CSV to standard
// output, row by row as the reader takes them, for trying `npm run import` at scale without a file:
//   tsx scripts/generate-register.ts 1000000 | npm run import -- - --format csv \
//     --mapping test/fixtures/registers/generated-mapping.json
import { once } from "node:events";

const AGENCIES = ["DPW Ops Queue", "Recology_Abandoned", "311 Supervisor Queue", "DPT Abandoned Vehicles"];
const TYPES = [
  "Street and Sidewalk Cleaning",
  "Graffiti",
  "Bulky Items",
  "Abandoned Vehicle",
  "Streetlights",
];
const pad = (n: number) => String(n).padStart(2, "0");
const local = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

async function main() {
  const rows = Number(process.argv[2] ?? 1000);
  if (!Number.isInteger(rows) || rows < 1) throw new Error("usage: generate-register <rows>");
  const out = process.stdout;
  out.write("id,opened,closed,agency,category,latitude,longitude\n");
  const start = Date.UTC(2023, 0, 1);
  for (let i = 1; i <= rows; i++) {
    // Deterministic, so two runs give the same file and a re-import writes nothing.
    const opened = start + ((i * 7919) % (3 * 365 * 24 * 60)) * 60_000;
    const closed = i % 5 === 0 ? "" : local(opened + ((i * 104_729) % (30 * 24 * 60)) * 60_000);
    const line = `C${i},${local(opened)},${closed},${AGENCIES[i % AGENCIES.length]},${TYPES[i % TYPES.length]},${(43 + (i % 1000) / 10_000).toFixed(4)},${(76.9 + (i % 997) / 10_000).toFixed(4)}\n`;
    if (!out.write(line)) await once(out, "drain");
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

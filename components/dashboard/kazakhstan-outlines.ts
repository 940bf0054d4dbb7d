import type { RegionCode } from "@/server/directory/regions";

/**
 * Hand-generalised outlines of Kazakhstan's 17 regions and the 3 cities of republican significance
 * (2022 division), as [longitude, latitude] rings: a few dozen points each, enough to recognise the
 * country and its regions, light enough to inline in every page. Neighbours share their border points.
 * The cities are drawn as markers at their coordinates.
 */
// biome-ignore format: one ring per line reads as a map
export const REGION_OUTLINES: Partial<Record<RegionCode, readonly (readonly [number, number])[]>> = {
  west_kazakhstan: [
    [46.8, 48.6], [46.6, 49.3], [46.8, 50.3], [48.0, 51.5], [50.5, 51.7], [53.0, 51.3], [54.6, 51.0],
    [54.6, 49.5], [54.3, 48.5],
  ],
  atyrau: [
    [46.8, 48.6], [54.3, 48.5], [55.6, 46.8], [55.0, 45.5], [53.2, 45.3], [51.8, 45.3], [52.5, 46.3],
    [49.5, 46.5], [48.0, 46.6], [47.0, 47.3],
  ],
  mangystau: [
    [51.8, 45.3], [53.2, 45.3], [55.0, 45.5], [56.0, 45.0], [56.0, 41.3], [55.0, 41.3], [52.8, 41.8],
    [52.5, 42.8], [51.2, 43.6], [50.3, 44.4], [51.0, 45.0],
  ],
  aktobe: [
    [54.6, 51.0], [57.5, 51.2], [60.5, 50.9], [61.5, 50.4], [62.0, 49.0], [62.5, 47.5], [61.0, 46.6],
    [58.2, 45.5], [56.0, 45.0], [55.0, 45.5], [55.6, 46.8], [54.3, 48.5], [54.6, 49.5],
  ],
  kostanay: [
    [61.5, 50.4], [61.0, 52.0], [61.0, 53.3], [62.5, 54.0], [65.5, 54.6], [66.3, 53.8], [66.4, 53.2],
    [66.5, 52.5], [66.8, 51.0], [65.5, 49.5], [63.5, 48.8], [62.0, 49.0],
  ],
  north_kazakhstan: [
    [65.5, 54.6], [68.0, 55.3], [70.5, 55.2], [72.5, 54.2], [72.0, 53.3], [69.5, 53.1], [66.4, 53.2],
    [66.3, 53.8],
  ],
  akmola: [
    [66.4, 53.2], [69.5, 53.1], [72.0, 53.3], [73.5, 52.6], [73.5, 51.0], [72.5, 50.3], [70.0, 50.5],
    [68.0, 50.6], [66.8, 51.0], [66.5, 52.5],
  ],
  pavlodar: [
    [72.0, 53.3], [72.5, 54.2], [76.5, 54.2], [78.0, 53.4], [79.0, 52.5], [78.0, 51.4], [76.5, 51.0],
    [75.0, 50.7], [73.5, 51.0], [73.5, 52.6],
  ],
  abai: [
    [79.0, 52.5], [81.5, 51.0], [80.8, 50.3], [81.0, 49.0], [81.5, 47.4], [80.0, 46.6], [78.5, 46.5],
    [77.0, 46.8], [76.5, 48.5], [76.0, 49.6], [76.5, 51.0], [78.0, 51.4],
  ],
  east_kazakhstan: [
    [81.5, 51.0], [83.5, 51.0], [85.5, 49.8], [87.3, 49.1], [85.5, 48.0], [83.0, 47.0], [81.5, 47.4],
    [81.0, 49.0], [80.8, 50.3],
  ],
  karaganda: [
    [73.5, 51.0], [75.0, 50.7], [76.5, 51.0], [76.0, 49.6], [76.5, 48.5], [77.0, 46.8], [75.0, 46.5],
    [73.5, 46.0], [72.0, 46.3], [70.0, 47.0], [69.5, 48.5], [70.0, 50.5], [72.5, 50.3],
  ],
  ulytau: [
    [66.8, 51.0], [68.0, 50.6], [70.0, 50.5], [69.5, 48.5], [70.0, 47.0], [69.5, 46.3], [68.0, 45.8],
    [66.0, 45.8], [64.5, 46.3], [62.5, 47.5], [63.5, 48.8], [65.5, 49.5],
  ],
  kyzylorda: [
    [58.2, 45.5], [61.0, 46.6], [62.5, 47.5], [64.5, 46.3], [66.0, 45.8], [68.0, 45.8], [67.0, 44.5],
    [66.0, 43.5], [64.0, 43.6], [62.0, 44.0], [61.0, 44.2], [58.5, 45.0], [56.0, 45.0],
  ],
  turkistan: [
    [66.0, 43.5], [67.0, 44.5], [68.0, 45.8], [69.5, 46.3], [70.0, 45.0], [70.5, 43.0], [71.0, 42.3],
    [70.5, 41.5], [69.0, 40.8], [68.0, 40.6], [67.9, 41.2], [66.5, 41.2], [66.0, 42.0],
  ],
  zhambyl: [
    [69.5, 46.3], [70.0, 47.0], [72.0, 46.3], [73.5, 46.0], [74.5, 45.5], [75.0, 44.5], [74.5, 43.2],
    [73.5, 42.5], [71.5, 42.7], [71.0, 42.3], [70.5, 43.0], [70.0, 45.0],
  ],
  almaty_region: [
    [74.5, 45.5], [75.0, 46.5], [77.0, 46.8], [77.5, 45.5], [78.5, 44.5], [79.0, 43.2], [80.2, 42.9],
    [78.5, 42.8], [76.5, 42.9], [75.0, 42.8], [74.5, 43.2], [75.0, 44.5],
  ],
  zhetisu: [
    [77.0, 46.8], [78.5, 46.5], [80.0, 46.6], [81.5, 47.4], [83.0, 47.0], [82.5, 45.5], [80.5, 45.0],
    [80.3, 44.0], [80.2, 42.9], [79.0, 43.2], [78.5, 44.5], [77.5, 45.5],
  ],
};

/** Where the three cities of republican significance are. */
export const CITY_POINTS: Partial<Record<RegionCode, readonly [number, number]>> = {
  astana: [71.45, 51.15],
  almaty_city: [76.9, 43.25],
  shymkent: [69.6, 42.3],
};

// An equirectangular projection scaled for latitude ~48°N (cos 48° ≈ 2/3), so shapes are not stretched.
export const MAP_WIDTH = 840;
export const MAP_HEIGHT = 480;
export const project = ([lon, lat]: readonly [number, number]): [number, number] => [
  Math.round((lon - 46) * 20 * 10) / 10,
  Math.round((56 - lat) * 30 * 10) / 10,
];

export function pathOf(ring: readonly (readonly [number, number])[]): string {
  return `${ring.map((p, i) => `${i === 0 ? "M" : "L"}${project(p).join(" ")}`).join(" ")} Z`;
}

/** The average of a ring's points: inside each of these convex-ish outlines, where the label goes. */
export function labelPoint(ring: readonly (readonly [number, number])[]): [number, number] {
  const [x, y] = ring.reduce(([sx, sy], p) => [sx + p[0], sy + p[1]], [0, 0]);
  return project([x / ring.length, y / ring.length]);
}

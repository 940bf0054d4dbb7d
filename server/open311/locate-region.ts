import type { RegionCode } from "../directory/regions";

// The administrative centre of each region and city of republican significance (WGS84).
export const REGION_CENTRES: Record<RegionCode, readonly [lat: number, long: number]> = {
  astana: [51.1694, 71.4491],
  almaty_city: [43.238, 76.945],
  shymkent: [42.3417, 69.5901],
  abai: [50.4111, 80.2275],
  akmola: [53.2833, 69.3833],
  aktobe: [50.2839, 57.167],
  almaty_region: [43.8667, 77.0667],
  atyrau: [47.1167, 51.8833],
  east_kazakhstan: [49.9483, 82.6275],
  zhambyl: [42.9, 71.3667],
  zhetisu: [45.0167, 78.3667],
  west_kazakhstan: [51.2333, 51.3667],
  karaganda: [49.8047, 73.1094],
  kostanay: [53.2144, 63.6246],
  kyzylorda: [44.8528, 65.5092],
  mangystau: [43.65, 51.1667],
  pavlodar: [52.2833, 76.9667],
  north_kazakhstan: [54.8667, 69.15],
  turkistan: [43.3, 68.25],
  ulytau: [47.7833, 67.7],
};

// A box around Kazakhstan: a point outside it belongs to no region of ours.
const BOUNDS = { south: 40.5, north: 55.5, west: 46.4, east: 87.4 };

/**
 * The region whose centre is nearest to a point: an approximation without region borders, good enough to
 * suggest a body. A client that knows the region sends attribute[region], which wins.
 */
export function locateRegion(lat: number, long: number): RegionCode | null {
  if (lat < BOUNDS.south || lat > BOUNDS.north || long < BOUNDS.west || long > BOUNDS.east) return null;
  const scale = Math.cos((lat * Math.PI) / 180);
  let best: RegionCode | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  const centres = Object.entries(REGION_CENTRES) as [RegionCode, readonly [number, number]][];
  for (const [code, [cLat, cLong]] of centres) {
    const distance = (lat - cLat) ** 2 + ((long - cLong) * scale) ** 2;
    if (distance < bestDistance) {
      best = code;
      bestDistance = distance;
    }
  }
  return best;
}

// Great-circle distance between two points, for comparing where two reports place an event.
// Haversine on a sphere of the mean Earth radius (IUGG, 6371.0088 km): at the scale of a
// corridor (tens of kilometres) its error against the ellipsoid (< 0.5 %) is far below the
// uncertainty of a reported location.

/** A point in WGS 84 degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const RADIANS = Math.PI / 180;

/**
 * The distance in kilometres between `a` and `b`; symmetric, 0 for the same point.
 *
 * @example haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 }) // ≈ 111.2
 */
export function haversineKm(a: LatLon, b: LatLon): number {
  const halfDeltaLat = ((b.lat - a.lat) * RADIANS) / 2;
  const halfDeltaLon = ((b.lon - a.lon) * RADIANS) / 2;
  const sinLat = Math.sin(halfDeltaLat);
  const sinLon = Math.sin(halfDeltaLon);
  const h =
    sinLat * sinLat + Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * sinLon * sinLon;
  // min(1, …) guards asin against rounding just above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}

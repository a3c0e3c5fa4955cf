// The burden table of the evaluation page: the server's rows (one per unit
// and month, GET /api/v1/burden) summed per unit over the period, keeping
// the busiest month's inspections against the cap and the months over it.
// Tested by burden.test.js.
export function burdenByUnit(rows, units) {
  const keep = units ? new Set(units) : null
  const out = new Map()
  for (const r of rows) {
    if (keep && !keep.has(r.unit)) continue
    let u = out.get(r.unit)
    if (!u) {
      u = { unit: r.unit, reports: 0, urges: 0, inspections: 0, evaluations: 0, maxInspections: 0, cap: r.inspection_cap, monthsOverCap: 0 }
      out.set(r.unit, u)
    }
    u.reports += r.reports
    u.urges += r.urges
    u.inspections += r.inspections
    u.evaluations += r.evaluations
    u.maxInspections = Math.max(u.maxInspections, r.inspections)
    if (r.over_cap) u.monthsOverCap++
  }
  return [...out.values()].sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0))
}

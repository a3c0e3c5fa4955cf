// Tests of the burden summary per unit (src/burden.js).
import { describe, it, expect } from 'vitest'
import { burdenByUnit } from './burden.js'

const row = (unit, month, reports, urges, inspections, evaluations, overCap = false) =>
  ({ unit, month, reports, urges, inspections, evaluations, inspection_cap: 4, over_cap: overCap })

describe('burdenByUnit', () => {
  const rows = [
    row('HRB-NG', '2026-10', 30, 0, 1, 0),
    row('HRB-DL', '2026-10', 53, 1, 2, 1),
    row('HRB-DL', '2026-11', 92, 7, 5, 0, true),
    row('HRB-DL-ZL', '2026-11', 27, 2, 0, 0),
  ]
  it('sums each unit over the months, sorted by code', () => {
    expect(burdenByUnit(rows)).toEqual([
      { unit: 'HRB-DL', reports: 145, urges: 8, inspections: 7, evaluations: 1, maxInspections: 5, cap: 4, monthsOverCap: 1 },
      { unit: 'HRB-DL-ZL', reports: 27, urges: 2, inspections: 0, evaluations: 0, maxInspections: 0, cap: 4, monthsOverCap: 0 },
      { unit: 'HRB-NG', reports: 30, urges: 0, inspections: 1, evaluations: 0, maxInspections: 1, cap: 4, monthsOverCap: 0 },
    ])
  })
  it('keeps only the given units', () => {
    expect(burdenByUnit(rows, ['HRB-NG', 'HRB-XF']).map((u) => u.unit)).toEqual(['HRB-NG'])
  })
  it('no rows, no units', () => {
    expect(burdenByUnit([], null)).toEqual([])
  })
})

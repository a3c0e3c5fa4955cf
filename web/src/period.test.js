// Tests of the evaluation page's period choices (src/period.js).
import { describe, it, expect } from 'vitest'
import { defaultPeriod, periodOptions, isPeriod } from './period.js'

describe('defaultPeriod', () => {
  it('is the quarter of the day', () => {
    expect(defaultPeriod('2026-11-26')).toBe('2026-Q4')
    expect(defaultPeriod('2026-01-01')).toBe('2026-Q1')
    expect(defaultPeriod('2026-03-31')).toBe('2026-Q1')
    expect(defaultPeriod('2026-04-01')).toBe('2026-Q2')
    expect(defaultPeriod(new Date(2026, 8, 30))).toBe('2026-Q3')
  })
})

describe('periodOptions', () => {
  it('lists the year, its quarters and months so far, then last year', () => {
    expect(periodOptions('2026-05-10')).toEqual([
      '2026', '2026-Q2', '2026-Q1', '2026-05', '2026-04', '2026-03', '2026-02', '2026-01', '2025',
    ])
  })
  it('in January: one quarter, one month', () => {
    expect(periodOptions('2027-01-02')).toEqual(['2027', '2027-Q1', '2027-01', '2026'])
  })
  it('every option is a valid period', () => {
    expect(periodOptions('2026-12-31').every(isPeriod)).toBe(true)
    expect(periodOptions('2026-12-31')).toHaveLength(1 + 4 + 12 + 1)
  })
})

describe('isPeriod', () => {
  it('accepts the three forms', () => {
    for (const s of ['2026', '2026-Q3', '2026-11', '2026-01']) expect(isPeriod(s)).toBe(true)
  })
  it('refuses the rest', () => {
    for (const s of ['26', '2026-Q5', '2026-Q0', '2026-13', '2026-00', '2026-1', '2026-11-01', '', '2026 ']) expect(isPeriod(s)).toBe(false)
  })
})

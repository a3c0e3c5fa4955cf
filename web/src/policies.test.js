// Tests of the policy page's logic (src/policies.js): days, the reference
// day, alerts, timeline geometry (worked out by hand) and rights.
import { describe, it, expect } from 'vitest'
import { dayNumber, isoDay, referenceDay, alertOf, timeline, mayEditPolicies, settableStatuses } from './policies.js'

const pol = (id, open, close, extra = {}) =>
  ({ id, window_open: open, window_close: close, status: 'watching', closing: false, days_left: 0, ...extra })

describe('days', () => {
  it('counts days across months and back', () => {
    expect(dayNumber('2026-12-10') - dayNumber('2026-11-26')).toBe(14)
    expect(isoDay(dayNumber('2026-02-28') + 1)).toBe('2026-03-01')
  })
  it('takes the reference day from the server', () => {
    expect(referenceDay([pol(1, '2026-11-01', '2026-12-10', { days_left: 14 })])).toBe('2026-11-26')
    expect(referenceDay([pol(1, '2026-09-01', '2026-11-25', { days_left: -1 })])).toBe('2026-11-26')
    expect(referenceDay([])).toBe(null)
  })
})

describe('alertOf', () => {
  it('marks closing first, then missed and landed', () => {
    expect(alertOf({ closing: true, status: 'applying' })).toBe('closing')
    expect(alertOf({ closing: false, status: 'missed' })).toBe('missed')
    expect(alertOf({ closing: false, status: 'landed' })).toBe('landed')
    expect(alertOf({ closing: false, status: 'watching' })).toBe('')
  })
})

describe('timeline', () => {
  it('places bars and today on one axis', () => {
    // axis 2026-11-01 .. 2026-11-30 = 30 days (hi is 12-01, exclusive)
    const tl = timeline([
      pol(1, '2026-11-01', '2026-11-10'),
      pol(2, '2026-11-16', '2026-11-30', { closing: true }),
    ], '2026-11-26')
    expect(tl.from).toBe('2026-11-01')
    expect(tl.to).toBe('2026-11-30')
    // 1: days 0..9 → left 0, width 10/30 = 33.33 %
    expect(tl.bars[0]).toEqual({ id: 1, left: 0, width: 33.33, alert: '' })
    // 2: days 15..29 → left 15/30 = 50 %, width 15/30 = 50 %
    expect(tl.bars[1]).toEqual({ id: 2, left: 50, width: 50, alert: 'closing' })
    // today 11-26 = day 25 → 25/30 = 83.33 %
    expect(tl.today).toBe(83.33)
  })
  it('stretches the axis to today', () => {
    // a window 11-01..11-05 and today 11-10: axis 11-01..11-10, 10 days
    const tl = timeline([pol(1, '2026-11-01', '2026-11-05', { status: 'missed' })], '2026-11-10')
    expect(tl.to).toBe('2026-11-10')
    expect(tl.bars[0]).toEqual({ id: 1, left: 0, width: 50, alert: 'missed' })
    expect(tl.today).toBe(90)
  })
  it('is empty without policies', () => {
    expect(timeline([], '2026-11-26').bars).toEqual([])
  })
})

describe('rights and statuses', () => {
  it('lets admins, supervisors and leaders write', () => {
    expect(['admin', 'supervisor', 'leader', 'staff', 'viewer'].map(mayEditPolicies))
      .toEqual([true, true, true, false, false])
  })
  it('offers landed or missed once the window has closed', () => {
    expect(settableStatuses({ days_left: 0 })).toEqual(['watching', 'applying', 'landed', 'missed'])
    expect(settableStatuses({ days_left: -1 })).toEqual(['landed', 'missed'])
  })
})

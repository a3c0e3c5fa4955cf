// Tests of the evaluation screens' plain logic (src/evaluation.js).
import { describe, it, expect } from 'vitest'
import {
  parsePeriod, quarterOf, periodChoices, localDay, rectifyStrings, warningText, rectifiedState, can,
} from './evaluation.js'
import { listFromQuery, listToQuery } from './listState.js'

describe('parsePeriod', () => {
  it('reads a year, a quarter and a month', () => {
    expect(parsePeriod('2026')).toEqual({ value: '2026', y: 2026, kind: 'year', n: null })
    expect(parsePeriod('2026-Q4')).toEqual({ value: '2026-Q4', y: 2026, kind: 'quarter', n: 4 })
    expect(parsePeriod('2026-03')).toEqual({ value: '2026-03', y: 2026, kind: 'month', n: 3 })
  })
  it('refuses what the API refuses', () => {
    for (const s of ['2026-Q5', '2026-Q0', '2026-13', '2026-00', '2026-3', '26', '', null, 2026, '2026-11-01'])
      expect(parsePeriod(s)).toBeNull()
  })
})

describe('quarterOf and periodChoices', () => {
  it('puts months 1-3 in Q1 and 10-12 in Q4', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-11-26', '2026-12-31'].map(quarterOf))
      .toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q4', '2026-Q4'])
  })
  it('lists two years, newest first, each as year, 4 quarters, 12 months', () => {
    const c = periodChoices('2026-11-26')
    // 2 years × (1 + 4 + 12) = 34 choices
    expect(c.length).toBe(34)
    expect(c.slice(0, 6).map((x) => x.value)).toEqual(['2026', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026-01'])
    expect(c[16].value).toBe('2026-12')
    expect(c[17].value).toBe('2025')
    expect(c[33].value).toBe('2025-12')
  })
  it('formats a local day with zero padding', () => {
    expect(localDay(new Date(2026, 0, 5))).toBe('2026-01-05')
  })
})

describe('listFromQuery and listToQuery', () => {
  const keys = ['unit', 'period']
  it('read the keys and the paging, defaults for bad values', () => {
    expect(listFromQuery({ unit: 'HRB-DL', page: '2', per_page: '50', x: 'y' }, keys))
      .toEqual({ filters: { unit: 'HRB-DL', period: '' }, page: 2, perPage: 50 })
    expect(listFromQuery({ unit: ['A', 'B'], page: '-1', per_page: '7' }, keys))
      .toEqual({ filters: { unit: '', period: '' }, page: 1, perPage: 25 })
  })
  it('leave out empty filters and the defaults', () => {
    expect(listToQuery({ unit: '', period: '2026-Q4' }, 1, 25, keys)).toEqual({ period: '2026-Q4' })
    expect(listToQuery({ unit: 'HRB', period: '' }, 3, 100, keys)).toEqual({ unit: 'HRB', page: '3', per_page: '100' })
  })
})

describe('rectifyStrings', () => {
  it('joins title and due with @, trims titles, drops empty rows', () => {
    expect(rectifyStrings([
      { title: ' 补齐台账 ', due: '2026-12-15' }, { title: '', due: '' }, { title: 'a@b', due: '2027-01-02' },
    ])).toEqual({ list: ['补齐台账@2026-12-15', 'a@b@2027-01-02'], error: null })
    expect(rectifyStrings([])).toEqual({ list: [], error: null })
  })
  it('names the half-filled row and its missing field', () => {
    expect(rectifyStrings([{ title: 'x', due: '2026-12-01' }, { title: '', due: '2026-12-01' }]))
      .toEqual({ list: null, error: { index: 1, field: 'title' } })
    expect(rectifyStrings([{ title: 'x', due: null }])).toEqual({ list: null, error: { index: 0, field: 'due' } })
  })
})

describe('warningText', () => {
  it('takes the quoted text of a 299 warning', () => {
    expect(warningText('299 luoshi "inspection 4 of 4 for unit \'HRB-DL\' in 2026-11 reaches inspection_cap"'))
      .toBe("inspection 4 of 4 for unit 'HRB-DL' in 2026-11 reaches inspection_cap")
    expect(warningText('299 luoshi "say \\"x\\""')).toBe('say "x"')
  })
  it('is empty without a header and the header itself when unquoted', () => {
    expect(warningText(null)).toBe('')
    expect(warningText('odd')).toBe('odd')
  })
})

describe('rectifiedState and can', () => {
  it('maps true, false and null', () => {
    expect([true, false, null, undefined].map(rectifiedState)).toEqual(['yes', 'no', 'pending', 'pending'])
  })
  it('gives each role the controls of the API', () => {
    const roles = ['admin', 'supervisor', 'leader', 'staff', 'viewer']
    expect(roles.map(can.inspect)).toEqual([true, true, false, false, false])
    expect(roles.map(can.rate)).toEqual([true, true, true, true, false])
    expect(roles.map(can.rateFor)).toEqual([true, true, false, false, false])
    expect(roles.map(can.seeOthers)).toEqual([true, true, true, false, false])
  })
})

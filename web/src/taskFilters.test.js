// Tests of the task list's URL state and export URL (src/taskFilters.js).
import { describe, it, expect } from 'vitest'
import { fromQuery, filterQuery, toQuery, exportUrl, FILTERS } from './taskFilters.js'

const empty = Object.fromEntries(FILTERS.map((k) => [k, '']))

describe('fromQuery', () => {
  it('reads every filter and the paging', () => {
    expect(fromQuery({ unit: 'HRB-DL', light: 'red', page: '3', per_page: '50' })).toEqual({
      filters: { ...empty, unit: 'HRB-DL', light: 'red' }, page: 3, perPage: 50,
    })
  })
  it('falls back to page 1 and 25 per page on bad or unknown values', () => {
    for (const [page, pp] of [['0', '7'], ['-2', '1000'], ['x', ''], [undefined, undefined]]) {
      const s = fromQuery({ page, per_page: pp })
      expect([s.page, s.perPage]).toEqual([1, 25])
    }
  })
  it('ignores repeated keys (arrays) and unknown keys', () => {
    expect(fromQuery({ unit: ['A', 'B'], color: 'red' }).filters).toEqual(empty)
  })
})

describe('toQuery and filterQuery', () => {
  it('leave out empty filters and default paging', () => {
    expect(toQuery({ ...empty, status: 'doing', key: '1' }, 1, 25)).toEqual({ status: 'doing', key: '1' })
  })
  it('keep a later page and another page size as strings', () => {
    expect(toQuery({ ...empty, search: '供暖' }, 2, 100)).toEqual({ search: '供暖', page: '2', per_page: '100' })
  })
  it('round-trip through fromQuery', () => {
    const f = { ...empty, unit: 'HRB-NG', due_before: '2026-12-01', goal: '12' }
    const s = fromQuery(toQuery(f, 4, 10))
    expect(s).toEqual({ filters: f, page: 4, perPage: 10 })
  })
  it('filterQuery keeps FILTERS order', () => {
    expect(Object.keys(filterQuery({ ...empty, search: 's', unit: 'u', light: 'red' }))).toEqual(['unit', 'light', 'search'])
  })
})

describe('exportUrl', () => {
  it('carries format, filters (encoded) and language', () => {
    expect(exportUrl('xlsx', { ...empty, unit: 'HRB-DL', search: '老旧 小区&' }, 'zh-CN')).toBe(
      '/api/v1/export/tasks?format=xlsx&unit=HRB-DL&search=%E8%80%81%E6%97%A7+%E5%B0%8F%E5%8C%BA%26&lang=zh-CN')
  })
  it('without filters only format and language', () => {
    expect(exportUrl('csv', empty, 'en')).toBe('/api/v1/export/tasks?format=csv&lang=en')
  })
})

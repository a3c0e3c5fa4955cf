import { describe, it, expect } from 'vitest'
import { canPractice, parseTags, chars, searchMode, practiceQuery } from './practices.js'

describe('canPractice', () => {
  it('lets leaders, supervisors and admins add', () => {
    expect(['admin', 'supervisor', 'leader', 'staff', 'viewer'].map(canPractice.add))
      .toEqual([true, true, true, false, false])
  })
  it('lets supervisors and admins promote', () => {
    expect(['admin', 'supervisor', 'leader', 'staff', 'viewer'].map(canPractice.promote))
      .toEqual([true, true, false, false, false])
  })
})

describe('parseTags', () => {
  it('splits on , ， 、 ; ； and drops blanks and repeats', () => {
    expect(parseTags('民生, 生态、河湖；民生;; ,x')).toEqual(['民生', '生态', '河湖', 'x'])
  })
  it('gives nothing for nothing', () => {
    expect(parseTags('')).toEqual([])
    expect(parseTags(null)).toEqual([])
  })
})

describe('searchMode', () => {
  it('counts characters, not bytes or UTF-16 units', () => {
    expect(chars('河长制')).toBe(3)
    expect(chars('𠀀a')).toBe(2) // one astral character (2 UTF-16 units) + a
  })
  it('uses the index from 3 characters', () => {
    expect(searchMode('河长制')).toBe('index')
    expect(searchMode('河长')).toBe('scan')
    expect(searchMode(' 河长 ')).toBe('scan')
    expect(searchMode('abc')).toBe('index')
    expect(searchMode('  ')).toBe('')
  })
})

describe('practiceQuery', () => {
  it('keeps only what is set', () => {
    expect(practiceQuery({ search: ' 河长 ', tag: '', unit: 'DL', promoted: '' }, 2, 25))
      .toEqual({ page: 2, per_page: 25, search: '河长', unit: 'DL' })
    expect(practiceQuery({ promoted: 'true', tag: '民生' }, 1, 50))
      .toEqual({ page: 1, per_page: 50, tag: '民生', promoted: 'true' })
  })
})

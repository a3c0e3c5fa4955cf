// The CSV export's encoding, checked on exact strings.
import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from './csv.js'

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('老旧小区改造')).toBe('老旧小区改造')
    expect(csvCell(42)).toBe('42')
    expect(csvCell(false)).toBe('false')
  })
  it('empties null and undefined', () => {
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
  })
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('他说"好"')).toBe('"他说""好"""')
    expect(csvCell('一\n二')).toBe('"一\n二"')
    expect(csvCell('x\ry')).toBe('"x\ry"')
  })
  it('joins arrays into one quoted field', () => {
    expect(csvCell(['HRB-ZJJ', 'HRB-FGW'])).toBe('"HRB-ZJJ,HRB-FGW"')
    expect(csvCell([])).toBe('')
  })
})

describe('toCsv', () => {
  it('writes a BOM, a header and CRLF rows', () => {
    const out = toCsv([{ id: 1, title: '甲', co: ['A', 'B'] }, { id: 2, title: 'b"c' }], ['id', 'title', 'co'])
    expect(out).toBe('\ufeffid,title,co\r\n1,甲,"A,B"\r\n2,"b""c",\r\n')
  })
  it('writes only the header for no rows', () => {
    expect(toCsv([], ['id'])).toBe('\ufeffid\r\n')
  })
})

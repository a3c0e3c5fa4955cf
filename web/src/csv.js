// CSV for Excel: UTF-8 with a BOM (so Chinese opens right), CRLF lines,
// fields quoted when they hold a comma, quote or line break; arrays (co-
// units) joined by ',' inside one field; null and undefined empty.
export const TASK_COLUMNS = ['id', 'title', 'lead', 'co', 'owner', 'leader', 'goal_id', 'source',
  'important', 'key', 'daily', 'start', 'due', 'percent', 'status', 'light', 'quadrant',
  'created_at', 'acked_at', 'closed_at', 'description']

export function csvCell(v) {
  if (v === null || v === undefined) return ''
  if (Array.isArray(v)) v = v.join(',')
  const s = String(v)
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s
}

export function toCsv(rows, cols = TASK_COLUMNS) {
  const lines = [cols.join(',')]
  for (const x of rows) lines.push(cols.map((c) => csvCell(x[c])).join(','))
  return '\ufeff' + lines.join('\r\n') + '\r\n'
}

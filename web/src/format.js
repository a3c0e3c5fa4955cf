// Small display helpers shared by the views.
export function fmtTime(s) {
  if (!s) return '—'
  const d = new Date(s)
  if (isNaN(d)) return s
  const p = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}
export function fmtBytes(n) {
  if (n == null) return ''
  if (n < 1024) return n + ' B'
  if (n < 1024 * 1024) return (n / 1024).toFixed(1) + ' KiB'
  return (n / 1024 / 1024).toFixed(1) + ' MiB'
}
export function dash(v) { return v === null || v === undefined || v === '' ? '—' : v }
export const LIGHTS = ['red', 'yellow', 'green', 'done', 'late', 'none']
export const STATUSES = ['open', 'doing', 'review', 'done', 'cancelled']
export const QUADRANTS = ['Q1', 'Q2', 'Q3', 'Q4']

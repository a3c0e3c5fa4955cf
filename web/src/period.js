// Evaluation periods as SPEC §5 writes them ("2026", "2026-Q3",
// "2026-11"): the choices the evaluation page offers for a reference day,
// its default, and a format check for typed values (the server has the
// final word). Tested by period.test.js.
const pad = (n) => String(n).padStart(2, '0')

// y, m (1..12) of a Date or of an ISO date string "YYYY-MM-DD".
function ym(day) {
  if (typeof day === 'string') return [parseInt(day.slice(0, 4), 10), parseInt(day.slice(5, 7), 10)]
  return [day.getFullYear(), day.getMonth() + 1]
}

// The quarter the day falls in: the page's default period.
export function defaultPeriod(day) {
  const [y, m] = ym(day)
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`
}

// Newest first: this year, its quarters and months up to the day's, then
// last year.
export function periodOptions(day) {
  const [y, m] = ym(day)
  const out = [String(y)]
  for (let q = Math.floor((m - 1) / 3) + 1; q >= 1; q--) out.push(`${y}-Q${q}`)
  for (let k = m; k >= 1; k--) out.push(`${y}-${pad(k)}`)
  out.push(String(y - 1))
  return out
}

export function isPeriod(s) {
  return /^\d{4}$/.test(s) || /^\d{4}-Q[1-4]$/.test(s) || /^\d{4}-(0[1-9]|1[0-2])$/.test(s)
}

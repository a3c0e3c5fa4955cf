// The task list's filters and paging as they travel in the page's URL, and
// the export download's URL built from the same filters: pure functions,
// so the rules are tested by vitest (taskFilters.test.js).
export const FILTERS = ['unit', 'light', 'status', 'quadrant', 'key', 'owner', 'due_before', 'goal', 'search']
export const PER_PAGE = [10, 25, 50, 100, 200]
export const DEFAULT_PER_PAGE = 25

// { filters, page, perPage } from a route query (unknown keys and bad
// numbers fall back to the defaults; repeated keys are ignored).
export function fromQuery(q) {
  const filters = Object.fromEntries(FILTERS.map((k) => [k, typeof q[k] === 'string' ? q[k] : '']))
  const p = parseInt(q.page, 10)
  const pp = parseInt(q.per_page, 10)
  return {
    filters,
    page: p > 0 ? p : 1,
    perPage: PER_PAGE.includes(pp) ? pp : DEFAULT_PER_PAGE,
  }
}

// The non-empty filters, in FILTERS order (the API's query parameters).
export function filterQuery(filters) {
  const q = {}
  for (const k of FILTERS) if (filters[k]) q[k] = filters[k]
  return q
}

// The route query of a list state: defaults are left out of the URL.
export function toQuery(filters, page, perPage) {
  const q = filterQuery(filters)
  if (page > 1) q.page = String(page)
  if (perPage !== DEFAULT_PER_PAGE) q.per_page = String(perPage)
  return q
}

// The download URL of every task matching the filters as CSV or XLSX
// (GET /api/v1/export/tasks), headers in the UI's language.
export function exportUrl(format, filters, lang) {
  const q = new URLSearchParams({ format, ...filterQuery(filters), lang })
  return '/api/v1/export/tasks?' + q.toString()
}

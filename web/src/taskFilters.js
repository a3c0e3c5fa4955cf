// The task list's filters and paging as they travel in the page's URL, and
// the export download's URL built from the same filters: pure functions,
// so the rules are tested by vitest (taskFilters.test.js).
import { listFromQuery, listToQuery, DEFAULT_PER_PAGE } from './listState.js'

export const FILTERS = ['unit', 'light', 'status', 'quadrant', 'key', 'owner', 'due_before', 'goal', 'search']
// { filters, page, perPage } from a route query (unknown keys and bad
// numbers fall back to the defaults; repeated keys are ignored).
export const fromQuery = (q) => listFromQuery(q, FILTERS)
export { DEFAULT_PER_PAGE }

// The non-empty filters, in FILTERS order (the API's query parameters).
export function filterQuery(filters) {
  const q = {}
  for (const k of FILTERS) if (filters[k]) q[k] = filters[k]
  return q
}

// The route query of a list state: defaults are left out of the URL.
export const toQuery = (filters, page, perPage) => listToQuery(filters, page, perPage, FILTERS)

// The download URL of every task matching the filters as CSV or XLSX
// (GET /api/v1/export/tasks), headers in the UI's language.
export function exportUrl(format, filters, lang) {
  const q = new URLSearchParams({ format, ...filterQuery(filters), lang })
  return '/api/v1/export/tasks?' + q.toString()
}

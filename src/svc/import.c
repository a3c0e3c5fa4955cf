/*
 * Import (see import.h). The reader hands rows over one at a time; the
 * first non-blank row is the header, matched against the kind's columns
 * (svc/export.c, so export and import share one list). Each data row is
 * turned into the arguments of the CLI's add and given to the same svc_*
 * function inside the import's transaction; the end commits only when no
 * row failed. A first pass writes the rows plainly and stops at the first
 * failure; a second then gives each row a savepoint so that a failure is
 * undone alone, recorded with its line, and the rest go on. Cells naming
 * a unit may hold its code or its name (unique among the units the actor
 * sees).
 */
#include "svc/import.h"
#include "svc/goals.h"
#include "svc/tasks.h"
#include "svc/units.h"
#include "util/csv.h"
#include "util/date.h"
#include "util/sheet.h"
#include "util/xmalloc.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void import_result_init(struct import_result *r)
{
	memset(r, 0, sizeof(*r));
}

void import_result_release(struct import_result *r)
{
	for (size_t i = 0; i < r->nerrors; i++) {
		free(r->errors[i].column);
		free(r->errors[i].field);
		free(r->errors[i].value);
		free(r->errors[i].message);
	}
	free(r->errors);
	import_result_init(r);
}

/* Units by code and by name, for cells that may hold either. */
struct unit_ref {
	char *code;
	char *name;
};

struct unit_map {
	struct unit_ref *v;
	size_t n, cap;
	struct unit_ref **byname;
	bool sorted;
};

static void map_add(struct unit_map *m, const char *code, const char *name)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->v = xreallocarray(m->v, m->cap, sizeof(*m->v));
	}
	m->v[m->n].code = xstrdup(code);
	m->v[m->n++].name = xstrdup(name);
	m->sorted = false;
}

static int map_add_unit(const struct unit *u, void *arg)
{
	map_add(arg, u->code, u->name);
	return 0;
}

static int by_code(const void *a, const void *b)
{
	return strcmp(((const struct unit_ref *)a)->code,
		      ((const struct unit_ref *)b)->code);
}

static int by_name(const void *a, const void *b)
{
	return strcmp((*(struct unit_ref *const *)a)->name,
		      (*(struct unit_ref *const *)b)->name);
}

static void map_release(struct unit_map *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->v[i].code);
		free(m->v[i].name);
	}
	free(m->v);
	free(m->byname);
}

/* The code of the unit whose code or (unique) name is s; else s. */
static const char *map_resolve(struct unit_map *m, const char *s)
{
	struct unit_ref key = { (char *)s, (char *)s }, *pk = &key, **hit;

	if (!m->n || !*s)
		return s;
	if (!m->sorted) {
		qsort(m->v, m->n, sizeof(*m->v), by_code);
		m->byname = xreallocarray(m->byname, m->n,
					  sizeof(*m->byname));
		for (size_t i = 0; i < m->n; i++)
			m->byname[i] = &m->v[i];
		qsort(m->byname, m->n, sizeof(*m->byname), by_name);
		m->sorted = true;
	}
	if (bsearch(&key, m->v, m->n, sizeof(*m->v), by_code))
		return s;
	hit = bsearch(&pk, m->byname, m->n, sizeof(*m->byname), by_name);
	if (!hit)
		return s;
	/* a name two units share names neither */
	if ((hit > m->byname && !strcmp(hit[-1]->name, s)) ||
	    (hit + 1 < m->byname + m->n && !strcmp(hit[1]->name, s)))
		return s;
	return (*hit)->code;
}

struct import {
	struct ctx *c;
	enum sheet_kind kind;
	const struct sheet_column *cols;
	int ncols;
	bool csv;
	/* the header: file column → kind column (-1: ignored) */
	bool have_header;
	int nfile;
	int *map;
	char **heads;
	int filecol[TASK_NCOLUMNS];	/* kind column → file column */
	/* the current row's values by kind column, trimmed */
	struct buf vals;
	const char *val[TASK_NCOLUMNS];
	struct unit_map units;
	struct import_result *r;
	struct err *e;			/* a fault of the whole file */
	enum lserr rc;
	bool plain;			/* no savepoint per row: svc_import */
	bool redo;			/* a row failed in a plain pass */
};

static int col_of(const struct import *im, const char *key)
{
	for (int k = 0; k < im->ncols; k++)
		if (!strcmp(im->cols[k].key, key))
			return k;
	return -1;
}

/* The value of the column `key` ("" when absent). */
static const char *V(const struct import *im, const char *key)
{
	int k = col_of(im, key);

	return k < 0 ? "" : im->val[k];
}

static const char *or_null(const char *s)
{
	return *s ? s : NULL;
}

/* A name for column k as the file heads it, else its key. */
static const char *head_of(const struct import *im, int k)
{
	return im->filecol[k] >= 0 ? im->heads[im->filecol[k]] :
		im->cols[k].key;
}

static void add_error(struct import *im, long line, const struct err *e)
{
	struct import_result *r = im->r;
	struct import_error *x;
	const char *field = e->field;
	int k;

	/* svc_indicator_value names the indicator "id" */
	if (im->kind == KIND_ACTUALS && !strcmp(field, "id"))
		field = "indicator_id";
	k = col_of(im, field);
	if ((r->nerrors & (r->nerrors - 1)) == 0)
		r->errors = xreallocarray(r->errors, r->nerrors ?
					  r->nerrors * 2 : 1,
					  sizeof(*r->errors));
	x = &r->errors[r->nerrors++];
	x->line = line;
	x->field = xstrdup(field);
	x->column = xstrdup(k >= 0 ? head_of(im, k) : field);
	x->value = xstrdup(k >= 0 ? im->val[k] : "");
	x->message = xstrdup(e->msg);
}

static enum lserr bad_cell(const struct import *im, const char *key,
			   const char *what, struct err *e)
{
	int k = col_of(im, key);

	return err_set(e, LS_EINVAL, key, "invalid %s '%s' for %s", what,
		       im->val[k], head_of(im, k));
}

/* A whole positive number (a spreadsheet may write 7 as 7.0). */
static bool id_parse(const char *s, long long *out)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s || *end || !(v >= 1 && v <= 9e15) || v != floor(v))
		return false;
	*out = (long long)v;
	return true;
}

/* The first separator of a co-unit list in s: , ; 、 ， ； (or NULL). */
static char *co_sep(char *s, size_t *len)
{
	static const char *const seps[] = { ",", ";", "、", "，", "；" };
	char *best = NULL;

	for (size_t i = 0; i < sizeof(seps) / sizeof(*seps); i++) {
		char *p = strstr(s, seps[i]);

		if (p && (!best || p < best)) {
			best = p;
			*len = strlen(seps[i]);
		}
	}
	return best;
}

/* "A、B;C" with each unit by code or name → "A,B,C" (codes). */
static char *co_codes(struct import *im, const char *co)
{
	struct buf out = BUF_INIT;
	char *list = xstrdup(co), *p = list;

	while (p && *p) {
		size_t len = 0;
		char *sep = co_sep(p, &len), *next = NULL;

		if (sep) {
			*sep = '\0';
			next = sep + len;
		}
		while (*p == ' ')
			p++;
		for (char *end = p + strlen(p); end > p && end[-1] == ' ';)
			*--end = '\0';
		if (*p) {
			if (out.len)
				buf_addch(&out, ',');
			buf_adds(&out, map_resolve(&im->units, p));
		}
		p = next;
	}
	free(list);
	return buf_detach(&out);
}

static enum lserr task_row(struct import *im, struct err *e)
{
	struct task_input in;
	char *co = NULL;
	enum lserr rc;

	task_input_init(&in);
	in.title = V(im, "title");
	in.description = or_null(V(im, "description"));
	in.lead = or_null(map_resolve(&im->units, V(im, "lead")));
	in.owner = or_null(V(im, "owner"));
	in.leader = or_null(V(im, "leader"));
	in.source = or_null(V(im, "source"));
	if (!*V(im, "due"))
		return err_set(e, LS_EINVAL, "due", "missing value for %s",
			       head_of(im, col_of(im, "due")));
	if (!date_parse_sheet(V(im, "due"), &in.due))
		return bad_cell(im, "due", "date", e);
	if (*V(im, "start") && !date_parse_sheet(V(im, "start"), &in.start))
		return bad_cell(im, "start", "date", e);
	if (*V(im, "goal_id") && !id_parse(V(im, "goal_id"), &in.goal_id))
		return bad_cell(im, "goal_id", "goal id", e);
	if (!sheet_bool(V(im, "important"), &in.important))
		return bad_cell(im, "important", "yes/no", e);
	if (!sheet_bool(V(im, "key"), &in.key))
		return bad_cell(im, "key", "yes/no", e);
	if (*V(im, "co"))
		in.co = co = co_codes(im, V(im, "co"));
	rc = svc_task_add(im->c, &in, NULL, e);
	free(co);
	return rc;
}

static bool same(const char *a, const char *b)
{
	return !strcmp(a ? a : "", b ? b : "");
}

/* LS_OK and *unchanged when the unit is there already, identical. */
static enum lserr unit_row(struct import *im, bool *unchanged,
			   struct err *e)
{
	const char *code = V(im, "code"), *parent, *kind;
	struct unit u;
	struct err ignored = ERR_INIT;
	enum lserr rc;

	parent = or_null(map_resolve(&im->units, V(im, "parent")));
	kind = or_null(V(im, "kind"));
	unit_init(&u);
	if (store_unit_get(im->c->st, code, &u, &ignored) == LS_OK &&
	    same(u.name, V(im, "name")) && same(u.parent, parent) &&
	    same(u.kind, kind ? kind : "department")) {
		unit_release(&u);
		*unchanged = true;
		return LS_OK;
	}
	unit_release(&u);
	rc = svc_unit_add(im->c, code, V(im, "name"), parent, kind, e);
	if (rc == LS_OK)
		map_add(&im->units, code, V(im, "name"));
	return rc;
}

/* Roles by key or by the words of SPEC §1's table. */
static const char *role_key(const char *s)
{
	static const char *const words[][2] = {
		{ "系统管理员", "admin" }, { "督查室", "supervisor" },
		{ "督办", "supervisor" }, { "单位负责人", "leader" },
		{ "责任人", "staff" }, { "只读", "viewer" },
	};

	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
		if (!strcmp(s, words[i][0]))
			return words[i][1];
	return s;
}

static enum lserr user_row(struct import *im, bool *unchanged,
			   struct err *e)
{
	const char *login = V(im, "login"), *unit, *role;
	struct user u;
	struct err ignored = ERR_INIT;
	enum role r;

	unit = or_null(map_resolve(&im->units, V(im, "unit")));
	role = role_key(V(im, "role"));
	user_init(&u);
	if (store_user_get(im->c->st, login, &u, &ignored) == LS_OK &&
	    same(u.name, V(im, "name")) && same(u.unit, unit) &&
	    role_parse(role, &r) && r == u.role) {
		user_release(&u);
		*unchanged = true;
		return LS_OK;
	}
	user_release(&u);
	/* No password: the user gets one by `user passwd` (or the admin UI). */
	return svc_user_add(im->c, login, V(im, "name"), unit, role, NULL, e);
}

static enum lserr actual_row(struct import *im, struct err *e)
{
	long long id;
	int month;
	double value;
	char *end;

	if (!id_parse(V(im, "indicator_id"), &id))
		return bad_cell(im, "indicator_id", "indicator id", e);
	if (!month_parse_sheet(V(im, "month"), &month))
		return bad_cell(im, "month", "month", e);
	value = strtod(V(im, "value"), &end);
	if (!*V(im, "value") || *end || !isfinite(value))
		return bad_cell(im, "value", "number", e);
	return svc_indicator_value(im->c, id, month, true, value, 0, NULL, e);
}

static enum lserr file_error(struct import *im, enum lserr code,
			     const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static enum lserr file_error(struct import *im, enum lserr code,
			     const char *field, const char *fmt, ...)
{
	va_list ap;
	char msg[sizeof(im->e->msg)];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	im->rc = err_set(im->e, code, field, "%s", msg);
	return im->rc;
}

/* Copies s without surrounding blanks (and the CSV formula guard). */
static void add_trimmed(struct import *im, const char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	if (im->csv)
		s = csv_unguard(s);
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
		     s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	buf_add(&im->vals, s, n);
	buf_addch(&im->vals, '\0');
}

static int header(struct import *im, long line, const char *const *cells,
		  int n)
{
	struct buf want = BUF_INIT;

	im->have_header = true;
	im->nfile = n;
	im->map = xreallocarray(NULL, (size_t)n, sizeof(*im->map));
	im->heads = xcalloc((size_t)n, sizeof(*im->heads));
	for (int k = 0; k < im->ncols; k++)
		im->filecol[k] = -1;
	for (int i = 0; i < n; i++) {
		const char *h;
		int k;

		buf_reset(&im->vals);
		add_trimmed(im, cells[i]);
		h = im->heads[i] = xstrdup(im->vals.ptr);
		im->map[i] = -1;
		if (!*h)
			continue;
		for (k = 0; k < im->ncols; k++)
			if (!strcmp(h, im->cols[k].zh) ||
			    !strcasecmp(h, im->cols[k].en) ||
			    !strcasecmp(h, im->cols[k].key))
				break;
		if (k == im->ncols) {
			for (k = 0; k < im->ncols; k++)
				if (!im->cols[k].readonly)
					buf_addf(&want, "%s%s (%s)",
						 want.len ? ", " : "",
						 im->cols[k].zh,
						 im->cols[k].en);
			file_error(im, LS_EINVAL, "file", "line %ld: unknown "
				   "column '%s' (the columns of %s: %s)", line,
				   h, sheet_kind_name(im->kind), want.ptr);
			buf_release(&want);
			return 1;
		}
		if (im->filecol[k] >= 0) {
			file_error(im, LS_EINVAL, "file", "line %ld: column "
				   "'%s' given twice", line, h);
			return 1;
		}
		im->filecol[k] = i;
		if (!im->cols[k].readonly)
			im->map[i] = k;
	}
	for (int k = 0; k < im->ncols; k++)
		if (im->cols[k].required && im->filecol[k] < 0) {
			file_error(im, LS_EINVAL, "file", "line %ld: no column "
				   "%s (%s) in the header", line,
				   im->cols[k].zh, im->cols[k].en);
			return 1;
		}
	return 0;
}

static bool blank(const char *const *cells, int n)
{
	for (int i = 0; i < n; i++)
		if (cells[i][strspn(cells[i], " \t\r\n")])
			return false;
	return true;
}

/* Records a bad row; on a plain pass, whose writes a failed row may have
 * left half done, stops it to be read again with savepoints. */
static int row_failed(struct import *im, long line, const struct err *e)
{
	if (im->plain) {
		im->redo = true;
		return 1;
	}
	add_error(im, line, e);
	return 0;
}

static int on_row(long line, const char *const *cells, int n, void *arg)
{
	struct import *im = arg;
	struct err e = ERR_INIT;
	size_t at[TASK_NCOLUMNS];
	bool unchanged = false;
	enum lserr rc;

	if (blank(cells, n))
		return 0;
	if (!im->have_header)
		return header(im, line, cells, n);
	im->r->rows++;
	buf_reset(&im->vals);
	buf_addch(&im->vals, '\0');	/* offset 0: the empty value */
	for (int k = 0; k < im->ncols; k++)
		at[k] = 0;
	for (int i = 0; i < n; i++) {
		if (i >= im->nfile || im->map[i] < 0) {
			if (i >= im->nfile && !blank(&cells[i], 1)) {
				err_set(&e, LS_EINVAL, "", "a value in column "
					"%d, which has no header", i + 1);
				return row_failed(im, line, &e);
			}
			continue;
		}
		at[im->map[i]] = im->vals.len;
		add_trimmed(im, cells[i]);
	}
	for (int k = 0; k < im->ncols; k++)
		im->val[k] = im->vals.ptr + at[k];
	switch (im->kind) {
	case KIND_TASKS: rc = task_row(im, &e); break;
	case KIND_UNITS: rc = unit_row(im, &unchanged, &e); break;
	case KIND_USERS: rc = user_row(im, &unchanged, &e); break;
	default: rc = actual_row(im, &e); break;
	}
	if (rc == LS_EFAIL || rc == LS_EBUSY) {
		/* the database failed, not the row: stop */
		im->rc = rc;
		*im->e = e;
		return 1;
	}
	if (rc != LS_OK)
		return row_failed(im, line, &e);
	if (unchanged)
		im->r->unchanged++;
	else
		im->r->imported++;
	return 0;
}

static enum perm kind_perm(enum sheet_kind k)
{
	switch (k) {
	case KIND_TASKS: return PERM_TASK_CREATE;
	case KIND_ACTUALS: return PERM_INDICATOR_REPORT;
	default: return PERM_ADMIN;
	}
}

static void header_release(struct import *im)
{
	for (int i = 0; im->heads && i < im->nfile; i++)
		free(im->heads[i]);
	free(im->heads);
	free(im->map);
	im->heads = NULL;
	im->map = NULL;
	im->nfile = 0;
	im->have_header = false;
}

/* Forgets the header and the counts, for a second pass over the rows. */
static void pass_reset(struct import *im)
{
	header_release(im);
	im->rc = LS_OK;
	im->r->rows = im->r->imported = im->r->unchanged = 0;
}

/* Reads every row into the open transaction; LS_OK if the file could be
 * read (bad rows are in r->errors, or im->redo on a plain pass). */
static enum lserr pass(struct import *im, const void *data, size_t len,
		       const char *text, size_t tlen, struct err *e)
{
	enum lserr rc;

	if (im->plain)
		store_nested_plain(im->c->st);
	rc = im->r->xlsx ? sheet_xlsx(data, len, on_row, im, e) :
		sheet_csv(text, tlen, on_row, im, e);
	if (rc == LS_OK && im->rc)
		rc = im->rc;
	return rc;
}

/*
 * Most files are good, so the rows are first written without a savepoint
 * each (a savepoint copies every page a row touches: a tenth of the time).
 * If a row fails, the transaction is rolled back and the file read again
 * with savepoints, each bad row undone alone, to name every bad row.
 */
enum lserr svc_import(struct ctx *c, enum sheet_kind kind, const void *data,
		      size_t len, bool dry_run, struct import_result *r,
		      struct err *e)
{
	struct import im = {
		.c = c, .kind = kind, .r = r, .e = e, .vals = BUF_INIT,
		.plain = true,
	};
	char *text = NULL;
	size_t tlen = 0;
	enum lserr rc;

	r->kind = kind;
	r->dry_run = dry_run;
	r->xlsx = sheet_is_xlsx(data, len);
	im.csv = !r->xlsx;
	im.cols = sheet_columns(kind, &im.ncols);
	if ((rc = ctx_require(c, kind_perm(kind), e)))
		return rc;
	if (im.csv && !(text = sheet_text_utf8(data, len, &tlen, e)))
		return e->code;
	if ((rc = svc_unit_list(c, map_add_unit, &im.units, e)) ||
	    (rc = store_begin(c->st, e)))
		goto out;
	rc = pass(&im, data, len, text, tlen, e);
	if (rc == LS_OK && im.redo) {
		store_rollback(c->st);
		pass_reset(&im);
		im.plain = im.redo = false;
		map_release(&im.units);	/* it holds the units just undone */
		memset(&im.units, 0, sizeof(im.units));
		if ((rc = svc_unit_list(c, map_add_unit, &im.units, e)) ||
		    (rc = store_begin(c->st, e)))
			goto out;
		rc = pass(&im, data, len, text, tlen, e);
	}
	if (rc == LS_OK && !im.have_header)
		rc = err_set(e, LS_EINVAL, "file", "the file has no header "
			     "row (and no rows)");
	if (rc == LS_OK && r->nerrors)
		rc = err_set(e, LS_EINVAL, "file", "%zu bad row%s, nothing "
			     "imported", r->nerrors,
			     r->nerrors == 1 ? "" : "s");
	if (rc != LS_OK || dry_run)
		store_rollback(c->st);
	else
		rc = store_commit(c->st, e);
out:
	if (rc != LS_OK && !r->nerrors)
		r->imported = r->unchanged = 0;
	free(text);
	header_release(&im);
	buf_release(&im.vals);
	map_release(&im.units);
	return rc;
}

void shape_import_result(struct jw *w, const struct import_result *r)
{
	jw_obj(w);
	jw_kstr(w, "kind", sheet_kind_name(r->kind));
	jw_kstr(w, "format", r->xlsx ? "xlsx" : "csv");
	jw_kbool(w, "dry_run", r->dry_run);
	jw_kint(w, "rows", r->rows);
	jw_kint(w, "imported", r->nerrors ? 0 : r->imported);
	jw_kint(w, "unchanged", r->unchanged);
	jw_key(w, "errors");
	jw_arr(w);
	for (size_t i = 0; i < r->nerrors; i++) {
		const struct import_error *x = &r->errors[i];

		jw_obj(w);
		jw_kint(w, "line", x->line);
		jw_kstr(w, "column", x->column);
		jw_kstr(w, "field", x->field);
		jw_kstr(w, "value", x->value);
		jw_kstr(w, "message", x->message);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_obj_end(w);
}

/* The template's example row, importable columns in order. */
static const char *const example_zh[][TASK_NCOLUMNS] = {
	[KIND_TASKS] = { "老旧小区改造年底前完工", "HRB-DL", "2026-12-31",
			 "2026-03-01", "HRB-FGW、HRB-CZJ", "zhang", "wang",
			 "", "市政府常务会议", "是", "否",
			 "涉及小区 12 个，按月报送进度" },
	[KIND_UNITS] = { "HRB-DL", "道里区", "HRB", "district" },
	[KIND_USERS] = { "zhang", "张伟", "HRB-DL", "staff" },
	[KIND_ACTUALS] = { "1", "2026-11", "12.5" },
};
static const char *const example_en[][TASK_NCOLUMNS] = {
	[KIND_TASKS] = { "Finish renovating the old estates by year end",
			 "HRB-DL", "2026-12-31", "2026-03-01",
			 "HRB-FGW,HRB-CZJ", "zhang", "wang", "",
			 "City executive meeting", "yes", "no",
			 "12 estates; report monthly" },
	[KIND_UNITS] = { "HRB-DL", "Daoli District", "HRB", "district" },
	[KIND_USERS] = { "zhang", "Zhang Wei", "HRB-DL", "staff" },
	[KIND_ACTUALS] = { "1", "2026-11", "12.5" },
};

enum lserr svc_import_template(enum sheet_kind kind, enum doc_format format,
			       enum lang lang, const char *path,
			       struct err *e)
{
	const char *const *ex = lang == LANG_ZH ? example_zh[kind] :
		example_en[kind];
	const struct sheet_column *cols;
	struct doc_cell cell[TASK_NCOLUMNS];
	struct doc *d;
	int n, m = 0;

	cols = sheet_columns(kind, &n);
	if (!(d = sheet_doc_open(kind, format, lang, path, true, e)))
		return LS_EFAIL;
	for (int i = 0; i < n; i++) {
		if (cols[i].readonly)
			continue;
		if (cols[i].kind == DOC_NUMBER)
			cell[m] = *ex[m] ? DOC_NUM(strtod(ex[m], NULL)) :
				DOC_NULL;
		else
			cell[m] = DOC_STR(ex[m]);
		m++;
	}
	doc_row(d, cell);
	doc_table_end(d);
	return doc_close(d, e);
}

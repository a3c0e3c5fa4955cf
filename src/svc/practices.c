/*
 * The practice library's operations (see practices.h): validation naming
 * field and value, rights and scope, one transaction each, audited with
 * the practice's JSON before and after. Search texts go to the store,
 * which picks the index or LIKE (core/practice.c decides which).
 */
#include "svc/practices.h"
#include "svc/audit.h"
#include "svc/units.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#include <stdlib.h>
#include <string.h>

#define SEARCH_MAX 200		/* bytes of a search text */

void shape_practice(struct jw *w, const struct practice *p)
{
	jw_obj(w);
	jw_kint(w, "id", p->id);
	jw_kstr(w, "title", p->title);
	jw_kstr(w, "body", p->body);
	jw_kstr(w, "unit", p->unit);
	jw_key(w, "tags");
	jw_arr(w);
	for (size_t i = 0; i < p->ntags; i++)
		jw_str(w, p->tags[i]);
	jw_arr_end(w);
	jw_key(w, "tasks");
	jw_arr(w);
	for (size_t i = 0; i < p->ntasks; i++)
		jw_int(w, p->tasks[i]);
	jw_arr_end(w);
	jw_key(w, "goals");
	jw_arr(w);
	for (size_t i = 0; i < p->ngoals; i++)
		jw_int(w, p->goals[i]);
	jw_arr_end(w);
	jw_kid(w, "merit_id", p->merit_id);
	jw_kbool(w, "promoted", p->promoted_at != NULL);
	jw_kstr(w, "promoted_at", p->promoted_at);
	jw_kstr(w, "promoted_by", p->promoted_by);
	jw_kstr(w, "promoted_note", p->promoted_note);
	jw_kstr(w, "by", p->by);
	jw_kstr(w, "at", p->at);
	jw_obj_end(w);
}

static char *practice_json(const struct practice *p)
{
	struct jw_text x;

	shape_practice(jw_text_begin(&x), p);
	return jw_text_end(&x);
}

/* Tags checked and copied into p without duplicates, in order. */
static enum lserr take_tags(struct practice *p, const char *const *tags,
			    size_t n, struct err *e)
{
	for (size_t i = 0; i < n; i++) {
		bool dup = false;

		if (!practice_tag_valid(tags[i]))
			return err_set(e, LS_EINVAL, "tags", "invalid tag "
				       "'%s' (1..%d characters, no comma, no "
				       "space at either end)",
				       tags[i] ? tags[i] : "",
				       PRACTICE_TAG_CHARS);
		for (size_t k = 0; k < p->ntags && !dup; k++)
			dup = !strcmp(p->tags[k], tags[i]);
		if (dup)
			continue;
		if (p->ntags == PRACTICE_MAX_TAGS)
			return err_set(e, LS_EINVAL, "tags", "too many tags "
				       "(at most %d)", PRACTICE_MAX_TAGS);
		p->tags[p->ntags++] = tags[i];
	}
	return LS_OK;
}

static int id_cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

/* Ids checked, sorted and without duplicates into out[*nout]. */
static enum lserr take_ids(const char *field, const long long *ids,
			   size_t n, long long *out, size_t *nout,
			   struct err *e)
{
	size_t k = 0;

	*nout = 0;
	if (n > PRACTICE_MAX_LINKS)
		return err_set(e, LS_EINVAL, field, "too many %s (%zu, at "
			       "most %d)", field, n, PRACTICE_MAX_LINKS);
	for (size_t i = 0; i < n; i++) {
		if (ids[i] <= 0)
			return err_set(e, LS_EINVAL, field, "invalid id "
				       "'%lld' in %s", ids[i], field);
		out[i] = ids[i];
	}
	qsort(out, n, sizeof(*out), id_cmp);
	for (size_t i = 0; i < n; i++)
		if (!k || out[k - 1] != out[i])
			out[k++] = out[i];
	*nout = k;
	return LS_OK;
}

/* Every linked task and goal exists and is in the actor's scope. */
static enum lserr links_in_scope(struct ctx *c, const struct practice *p,
				 struct err *e)
{
	enum lserr rc = LS_OK;

	for (size_t i = 0; i < p->ntasks && !rc; i++) {
		struct task t;

		task_init(&t);
		rc = store_task_get(c->st, p->tasks[i], &c->actor.scope, &t,
				    e);
		if (rc == LS_ENOTFOUND)
			err_set(e, rc, "tasks", "task '%lld' not found",
				p->tasks[i]);
		task_release(&t);
	}
	for (size_t i = 0; i < p->ngoals && !rc; i++) {
		struct goal g;
		struct unit u;

		goal_init(&g);
		unit_init(&u);
		rc = store_goal_get(c->st, p->goals[i], &g, e);
		if (rc == LS_OK && (store_unit_get(c->st, g.unit, &u, e) ||
				    !scope_covers(&c->actor.scope, u.path)))
			rc = LS_ENOTFOUND;
		if (rc == LS_ENOTFOUND)
			err_set(e, rc, "goals", "goal '%lld' not found",
				p->goals[i]);
		goal_release(&g);
		unit_release(&u);
	}
	return rc;
}

/* Checks what the caller gives (title, body and unit when `full`). */
static enum lserr check_input(const struct practice_input *in, bool full,
			      struct practice *p, struct err *e)
{
	enum lserr rc;

	if ((rc = check_text("title", in->title, 500, full, e)) ||
	    (rc = check_text("body", in->body, 0, full, e)))
		return rc;
	if (full && !in->unit)
		return err_set(e, LS_EINVAL, "unit", "a practice needs a "
			       "unit");
	if ((rc = take_tags(p, in->tags, in->ntags, e)) ||
	    (rc = take_ids("tasks", in->tasks, in->ntasks, p->tasks,
			   &p->ntasks, e)))
		return rc;
	return take_ids("goals", in->goals, in->ngoals, p->goals,
			&p->ngoals, e);
}

/* Inserts p (links checked), reads it back into out and audits it. */
static enum lserr insert(struct ctx *c, struct practice *p,
			 struct practice *out, struct err *e)
{
	char *json = NULL;
	long long id;
	enum lserr rc;

	p->by = c->actor.login;
	p->at = c->now;
	if ((rc = links_in_scope(c, p, e)) ||
	    (rc = store_practice_insert(c->st, p, &id, e)) ||
	    (rc = store_practice_get(c->st, id, out, e)))
		return rc;
	json = practice_json(out);
	rc = audit_record_id(c, "practice.add", "practice", id, NULL, json,
			     e);
	free(json);
	return rc;
}

enum lserr svc_practice_add(struct ctx *c, const struct practice_input *in,
			    struct practice *out, struct err *e)
{
	struct practice p;
	struct unit u;
	enum lserr rc;

	practice_init(&p);
	unit_init(&u);
	if ((rc = check_input(in, true, &p, e)) ||
	    (rc = ctx_require(c, PERM_PRACTICE_ADD, e)) ||
	    (rc = store_begin(c->st, e)))
		goto out;
	p.title = in->title;
	p.body = in->body;
	p.unit = in->unit;
	if ((rc = svc_unit_in_scope(c, in->unit, "unit", &u, e)) ||
	    (rc = insert(c, &p, out, e)) ||
	    (rc = store_commit(c->st, e)))
		store_rollback(c->st);
out:
	practice_release(&p);
	unit_release(&u);
	return rc;
}

/* The commendation merit_id if the actor sees it, else not found. */
static enum lserr commendation(struct ctx *c, long long merit_id,
			       struct merit *m, struct err *e)
{
	struct unit u;
	enum lserr rc = store_merit_get(c->st, merit_id, m, e);

	unit_init(&u);
	if (rc == LS_OK && (strcmp(m->kind, "commend") ||
			    store_unit_get(c->st, m->unit, &u, e) ||
			    !scope_covers(&c->actor.scope, u.path)))
		rc = LS_ENOTFOUND;
	if (rc == LS_ENOTFOUND)
		err_set(e, rc, "id", "commendation '%lld' not found",
			merit_id);
	unit_release(&u);
	return rc;
}

enum lserr svc_practice_from_merit(struct ctx *c, long long merit_id,
				   const struct practice_input *over,
				   struct practice *out, struct err *e)
{
	static const struct practice_input none;
	struct practice p;
	struct merit m;
	struct buf title = BUF_INIT;
	long long have;
	enum lserr rc;

	if (!over)
		over = &none;
	practice_init(&p);
	merit_init(&m);
	if ((rc = check_input(over, false, &p, e)) ||
	    (rc = ctx_require(c, PERM_PRACTICE_ADD, e)) ||
	    (rc = store_begin(c->st, e)))
		goto out;
	if ((rc = commendation(c, merit_id, &m, e)) ||
	    (rc = store_practice_of_merit(c->st, merit_id, &have, e)))
		goto fail;
	if (have) {
		rc = err_set(e, LS_ECONFLICT, "id", "commendation %lld is "
			     "already practice %lld", merit_id, have);
		goto fail;
	}
	practice_title_from(m.reason, &title);
	p.title = over->title ? over->title : title.ptr;
	p.body = over->body ? over->body : m.reason;
	p.unit = m.unit;
	p.merit_id = merit_id;
	if (!(rc = insert(c, &p, out, e)) && !(rc = store_commit(c->st, e)))
		goto out;
fail:
	store_rollback(c->st);
out:
	practice_release(&p);
	merit_release(&m);
	buf_release(&title);
	return rc;
}

enum lserr svc_practice_get(struct ctx *c, long long id,
			    struct practice *out, struct err *e)
{
	enum lserr rc;

	if ((rc = ctx_require(c, PERM_READ, e)))
		return rc;
	return store_practice_get(c->st, id, out, e);
}

enum lserr svc_practice_list(struct ctx *c, const struct practice_query *q,
			     store_practice_fn fn, void *arg, struct err *e)
{
	struct practice_filter f;
	struct unit u;
	enum lserr rc;

	if ((rc = ctx_require(c, PERM_READ, e)))
		return rc;
	if (q->search && (strlen(q->search) > SEARCH_MAX ||
			  !utf8_valid(q->search, strlen(q->search))))
		return err_set(e, LS_EINVAL, "search", "invalid value for "
			       "search (valid UTF-8, at most %d bytes)",
			       SEARCH_MAX);
	if (q->tag && !practice_tag_valid(q->tag))
		return err_set(e, LS_EINVAL, "tag", "invalid tag '%s'",
			       q->tag);
	memset(&f, 0, sizeof(f));
	f.search = q->search;
	f.tag = q->tag;
	f.promoted_only = q->promoted_only;
	unit_init(&u);
	if (!q->unit || !(rc = svc_unit_get(c, q->unit, "unit", &u, e))) {
		f.unit_path = q->unit ? u.path : NULL;
		rc = store_practice_each(c->st, &f, fn, arg, e);
	}
	unit_release(&u);
	return rc;
}

enum lserr svc_practice_promote(struct ctx *c, long long id,
				const char *note, struct practice *out,
				struct err *e)
{
	struct unit u;
	char *before = NULL, *after = NULL;
	enum lserr rc;

	if ((rc = check_text("note", note, 2000, false, e)) ||
	    (rc = ctx_require(c, PERM_PRACTICE_PROMOTE, e)))
		return rc;
	unit_init(&u);
	if ((rc = store_begin(c->st, e)))
		goto out;
	if ((rc = store_practice_get(c->st, id, out, e)) ||
	    (rc = store_unit_get(c->st, out->unit, &u, e)))
		goto fail;
	if (!scope_covers(&c->actor.scope, u.path)) {
		rc = err_set(e, LS_EFORBIDDEN, "id", "practice %lld is of "
			     "unit '%s', outside the scope of '%s'", id,
			     out->unit, c->actor.login);
		goto fail;
	}
	if (out->promoted_at) {
		rc = err_set(e, LS_ECONFLICT, "id", "practice %lld was "
			     "already promoted at %s by %s", id,
			     out->promoted_at, out->promoted_by);
		goto fail;
	}
	before = practice_json(out);
	if ((rc = store_practice_promote(c->st, id, c->actor.login, c->now,
					 note && *note ? note : NULL, e)) ||
	    (rc = store_practice_get(c->st, id, out, e)))
		goto fail;
	after = practice_json(out);
	if (!(rc = audit_record_id(c, "practice.promote", "practice", id,
				   before, after, e)) &&
	    !(rc = store_commit(c->st, e)))
		goto out;
fail:
	store_rollback(c->st);
out:
	free(before);
	free(after);
	unit_release(&u);
	return rc;
}

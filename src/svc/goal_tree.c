/*
 * The goal forest: every goal with its indicators and linked tasks, rolled
 * up bottom-up (a child's id is always greater than its parent's, so one
 * pass in descending id order sees children first).
 */
#include "svc/goals.h"
#include "svc/shape.h"
#include "util/date.h"
#include "util/xmalloc.h"

#include <stdlib.h>
#include <string.h>

struct unit_path {
	char *code;
	char *path;
};

struct loader {
	struct ctx *c;
	struct goal_forest *gf;
	struct unit_path *units;
	size_t nunits;
};

/* Copies the strings of src into dst's arena (grown once: stable). */
static void copy_goal(struct goal *dst, const struct goal *src)
{
	const char *s[3] = { src->title, src->unit, src->created_at };
	const char **d[3] = { &dst->title, &dst->unit, &dst->created_at };
	size_t total = 0;

	goal_init(dst);
	dst->id = src->id;
	dst->parent_id = src->parent_id;
	dst->year = src->year;
	dst->weight = src->weight;
	dst->version = src->version;
	for (int i = 0; i < 3; i++)
		total += s[i] ? strlen(s[i]) + 1 : 0;
	buf_grow(&dst->arena, total);
	for (int i = 0; i < 3; i++) {
		size_t at = dst->arena.len;

		if (!s[i]) {
			*d[i] = NULL;
			continue;
		}
		buf_add(&dst->arena, s[i], strlen(s[i]) + 1);
		*d[i] = dst->arena.ptr + at;
	}
}

static void copy_indicator(struct indicator *dst, const struct indicator *src)
{
	size_t a = strlen(src->name) + 1, b = strlen(src->measure) + 1;

	indicator_init(dst);
	*dst = *src;
	buf_init(&dst->arena);
	buf_grow(&dst->arena, a + b);
	buf_add(&dst->arena, src->name, a);
	buf_add(&dst->arena, src->measure, b);
	dst->name = dst->arena.ptr;
	dst->measure = dst->arena.ptr + a;
}

static int load_unit(const struct unit *u, void *arg)
{
	struct loader *l = arg;

	l->units = xreallocarray(l->units, l->nunits + 1, sizeof(*l->units));
	l->units[l->nunits].code = xstrdup(u->code);
	l->units[l->nunits].path = xstrdup(u->path);
	l->nunits++;
	return 0;
}

static int unit_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct unit_path *)elem)->code);
}

static int load_goal(const struct goal *g, void *arg)
{
	struct loader *l = arg;
	struct goal_forest *gf = l->gf;
	struct goal_node *n;
	struct unit_path *u;

	gf->nodes = xreallocarray(gf->nodes, gf->n + 1, sizeof(*gf->nodes));
	n = &gf->nodes[gf->n++];
	memset(n, 0, sizeof(*n));
	copy_goal(&n->g, g);
	rollup_init(&n->r);
	n->progress = NAN;
	u = bsearch(g->unit, l->units, l->nunits, sizeof(*l->units),
		    unit_cmp);
	n->visible = u && scope_covers(&l->c->actor.scope, u->path);
	return 0;
}

static int node_cmp(const void *key, const void *elem)
{
	long long id = *(const long long *)key;
	long long other = ((const struct goal_node *)elem)->g.id;

	return id < other ? -1 : id > other;
}

static struct goal_node *node_of(struct goal_forest *gf, long long id)
{
	return bsearch(&id, gf->nodes, gf->n, sizeof(*gf->nodes), node_cmp);
}

static int load_indicator(const struct indicator *ind, void *arg)
{
	struct goal_forest *gf = ((struct loader *)arg)->gf;
	struct indicator_view *v;

	gf->inds = xreallocarray(gf->inds, gf->ninds + 1, sizeof(*gf->inds));
	v = &gf->inds[gf->ninds++];
	memset(v, 0, sizeof(*v));
	copy_indicator(&v->ind, ind);
	v->latest = -1;
	v->actual = v->plan = v->achievement = NAN;
	v->on_trajectory = -1;
	return 0;
}

static int ind_cmp(const void *key, const void *elem)
{
	long long id = *(const long long *)key;
	long long other = ((const struct indicator_view *)elem)->ind.id;

	return id < other ? -1 : id > other;
}

static int load_value(const struct indicator_value *val, void *arg)
{
	struct goal_forest *gf = ((struct loader *)arg)->gf;
	struct indicator_view *v = bsearch(&val->indicator_id, gf->inds,
					   gf->ninds, sizeof(*gf->inds),
					   ind_cmp);

	if (!v)
		return 0;
	v->values = xreallocarray(v->values, v->nvalues + 1,
				  sizeof(*v->values));
	v->values[v->nvalues++] = *val;
	return 0;
}

static int load_task(const struct task *t, void *arg)
{
	struct loader *l = arg;
	struct goal_node *n = node_of(l->gf, t->goal_id);

	if (!n)
		return 0;
	rollup_add(&n->r, 1.0, task_progress_value(t));
	rollup_light(&n->r, task_light(t, l->c->today, &l->c->settings));
	return 0;
}

/* Latest actual, that month's plan, achievement and trajectory. */
static void derive(struct indicator_view *v)
{
	for (size_t i = 0; i < v->nvalues; i++) {
		if (!isnan(v->values[i].actual)) {
			v->latest = v->values[i].month;
			v->actual = v->values[i].actual;
			v->plan = v->values[i].plan;
		}
	}
	v->achievement = indicator_achievement(v->ind.baseline, v->ind.target,
					       v->ind.direction, v->actual);
	v->on_trajectory = indicator_on_trajectory(v->ind.direction,
						   v->actual, v->plan);
}

static void link(struct goal_forest *gf)
{
	for (size_t i = 0; i < gf->ninds; i++) {
		struct indicator_view *v = &gf->inds[i];
		struct goal_node *n = node_of(gf, v->ind.goal_id);
		double a;

		derive(v);
		if (!n)
			continue;
		n->inds = xreallocarray(n->inds, n->ninds + 1,
					sizeof(*n->inds));
		n->inds[n->ninds++] = v;
		a = v->achievement;
		rollup_add(&n->r, v->ind.weight, a > 1 ? 1 : a);
	}
	for (size_t i = 0; i < gf->n; i++) {
		struct goal_node *n = &gf->nodes[i];
		struct goal_node *p = n->g.parent_id ?
			node_of(gf, n->g.parent_id) : NULL;

		n->parent = p;
		if (!p)
			continue;
		p->children = xreallocarray(p->children, p->nchildren + 1,
					    sizeof(*p->children));
		p->children[p->nchildren++] = n;
	}
	for (size_t i = gf->n; i-- > 0;) {
		struct goal_node *n = &gf->nodes[i];

		n->progress = rollup_value(&n->r);
		if (n->parent) {
			rollup_add(&n->parent->r, n->g.weight, n->progress);
			rollup_merge_light(&n->parent->r, &n->r);
		}
	}
}

enum lserr goal_forest_load(struct ctx *c, struct goal_forest *gf,
			    struct err *e)
{
	struct loader l = { c, gf, NULL, 0 };
	struct task_filter f = TASK_FILTER_INIT;
	enum lserr rc;

	memset(gf, 0, sizeof(*gf));
	if ((rc = ctx_require(c, PERM_READ, e)))
		return rc;
	f.with_goal = true;
	if ((rc = store_unit_each(c->st, NULL, load_unit, &l, e)) ||
	    (rc = store_goal_each(c->st, load_goal, &l, e)) ||
	    (rc = store_indicator_each(c->st, 0, load_indicator, &l, e)) ||
	    (rc = store_indicator_value_each(c->st, 0, load_value, &l, e)) ||
	    (rc = store_task_each(c->st, &f, load_task, &l, e)))
		goto out;
	link(gf);
out:
	for (size_t i = 0; i < l.nunits; i++) {
		free(l.units[i].code);
		free(l.units[i].path);
	}
	free(l.units);
	return rc;
}

void goal_forest_release(struct goal_forest *gf)
{
	for (size_t i = 0; i < gf->n; i++) {
		goal_release(&gf->nodes[i].g);
		free(gf->nodes[i].children);
		free(gf->nodes[i].inds);
	}
	for (size_t i = 0; i < gf->ninds; i++) {
		indicator_release(&gf->inds[i].ind);
		free(gf->inds[i].values);
	}
	free(gf->nodes);
	free(gf->inds);
	memset(gf, 0, sizeof(*gf));
}

struct goal_node *goal_forest_find(struct goal_forest *gf, long long id,
				   struct err *e)
{
	struct goal_node *n = node_of(gf, id);

	if (!n || !n->visible) {
		err_set(e, LS_ENOTFOUND, "id", "goal '%lld' not found", id);
		return NULL;
	}
	return n;
}

void shape_indicator(struct jw *w, const struct indicator_view *v)
{
	char m[8];

	jw_obj(w);
	shape_indicator_fields(w, &v->ind);
	jw_kstr(w, "month", v->latest >= 0 ? month_format(v->latest, m) :
		NULL);
	jw_key(w, "actual");
	jw_numd(w, v->actual, 6);
	jw_key(w, "plan");
	jw_numd(w, v->plan, 6);
	jw_key(w, "achievement");
	jw_numd(w, v->achievement, 4);
	jw_key(w, "on_trajectory");
	if (v->on_trajectory < 0)
		jw_null(w);
	else
		jw_bool(w, v->on_trajectory);
	jw_key(w, "trajectory");
	jw_arr(w);
	for (size_t i = 0; i < v->nvalues; i++) {
		jw_obj(w);
		jw_kstr(w, "month", month_format(v->values[i].month, m));
		jw_key(w, "plan");
		jw_numd(w, v->values[i].plan, 6);
		jw_key(w, "actual");
		jw_numd(w, v->values[i].actual, 6);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_obj_end(w);
}

void shape_goal_node(struct jw *w, const struct goal_node *n)
{
	jw_obj(w);
	jw_kint(w, "id", n->g.id);
	jw_kstr(w, "title", n->g.title);
	jw_kstr(w, "unit", n->g.unit);
	jw_kint(w, "year", n->g.year);
	jw_knum2(w, "weight", n->g.weight);
	jw_knum2(w, "progress", n->progress * 100.0);
	jw_kstr(w, "light", n->r.has_light ? light_name(n->r.worst) : NULL);
	jw_key(w, "children");
	jw_arr(w);
	for (size_t i = 0; i < n->nchildren; i++)
		if (n->children[i]->visible)
			shape_goal_node(w, n->children[i]);
	jw_arr_end(w);
	jw_key(w, "indicators");
	jw_arr(w);
	for (size_t i = 0; i < n->ninds; i++)
		shape_indicator(w, n->inds[i]);
	jw_arr_end(w);
	jw_obj_end(w);
}

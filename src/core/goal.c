/*
 * Weighted roll-up of goal progress and worst light.
 */
#include "core/goal.h"

#include <math.h>
#include <string.h>

void goal_init(struct goal *g)
{
	memset(g, 0, sizeof(*g));
	g->weight = 1;
	g->version = 1;
	buf_init(&g->arena);
}

void goal_release(struct goal *g)
{
	buf_release(&g->arena);
	goal_init(g);
}

void rollup_init(struct rollup *r)
{
	r->wsum = 0;
	r->vsum = 0;
	r->has_light = false;
	r->worst = LIGHT_NONE;
}

void rollup_add(struct rollup *r, double weight, double value)
{
	if (isnan(value) || !(weight > 0))
		return;
	if (value > 1)
		value = 1;
	if (value < 0)
		value = 0;
	r->wsum += weight;
	r->vsum += weight * value;
}

void rollup_light(struct rollup *r, enum light l)
{
	if (l == LIGHT_NONE)
		return;
	if (!r->has_light || light_severity(l) > light_severity(r->worst))
		r->worst = l;
	r->has_light = true;
}

void rollup_merge_light(struct rollup *r, const struct rollup *child)
{
	if (child->has_light)
		rollup_light(r, child->worst);
}

double rollup_value(const struct rollup *r)
{
	return r->wsum > 0 ? r->vsum / r->wsum : NAN;
}

double task_progress_value(const struct task *t)
{
	if (t->status == TASK_CANCELLED)
		return NAN;
	if (t->status == TASK_DONE)
		return 1.0;
	return t->percent / 100.0;
}

/*
 * Task tables and the task detail view (see task_print.h).
 */
#include "cli/task_print.h"
#include "cli/table.h"
#include "store/store.h"
#include "util/date.h"

#include <string.h>

static const struct table_col cols[] = {
	{ "ID", 6, 1 }, { "LIGHT", 6, 0 }, { "Q", 2, 0 },
	{ "STATUS", 9, 0 }, { "DUE", 10, 0 }, { "%", 3, 1 },
	{ "LEAD", 12, 0 }, { "OWNER", 10, 0 }, { "TITLE", 0, 0 },
};
#define NCOLS 9

void task_print_begin(struct cli_list *l, struct cli *cli)
{
	cli_list_begin(l, cli, cols, NCOLS);
}

int task_print_row(const struct task *t, const struct task_view *v,
		   void *arg)
{
	struct cli_list *l = arg;
	struct cli *cli = l->cli;
	char id[24], due[DATE_STRLEN], pct[8], lbuf[32];
	const char *cells[NCOLS];

	cli_list_row(l);
	if (cli->json) {
		shape_task(&cli->w, t, v);
		return cli_list_next(l);
	}
	snprintf(id, sizeof(id), "%lld", t->id);
	snprintf(pct, sizeof(pct), "%d", t->percent);
	cells[0] = id;
	cells[1] = cli_light(cli, light_name(v->light), lbuf, sizeof(lbuf));
	cells[2] = quadrant_name(v->quadrant);
	cells[3] = task_status_name(t->status);
	cells[4] = date_format(t->due, due);
	cells[5] = pct;
	cells[6] = t->lead;
	cells[7] = t->owner;
	cells[8] = t->title;
	table_row(stdout, cols, NCOLS, cells);
	return cli_list_next(l);
}

static void field(const char *label, const char *value)
{
	table_cell(stdout, label, 12, 0);
	printf(" %s\n", value && *value ? value : "-");
}

static int ms_line(const struct milestone *m, void *arg)
{
	char d1[DATE_STRLEN], d2[DATE_STRLEN];

	(void)arg;
	printf("  #%lld %s  due %s  %s%s\n", m->id, m->title,
	       date_format(m->due, d1), m->done_on == DATE_NONE ? "open" :
	       "done ", m->done_on == DATE_NONE ? "" :
	       date_format(m->done_on, d2));
	return 0;
}

static int report_line(const struct report *r, void *arg)
{
	(void)arg;
	printf("  %s  %s  %d%%  %s\n", r->at, r->author, r->percent,
	       r->note ? r->note : "");
	return 0;
}

static int evidence_line(const struct evidence *ev, void *arg)
{
	(void)arg;
	printf("  report %lld: %s (%lld bytes, sha256 %.12s…)\n",
	       ev->report_id, ev->name, ev->size, ev->sha256);
	return 0;
}

static int event_line(const struct task_event *ev, void *arg)
{
	(void)arg;
	printf("  %s  %-9s %-10s %s\n", ev->at, ev->kind, ev->by,
	       ev->note ? ev->note : "");
	return 0;
}

static int ext_line(const struct extension *x, void *arg)
{
	char d1[DATE_STRLEN], d2[DATE_STRLEN];

	(void)arg;
	printf("  %s  %s → %s  by %s: %s\n", x->at,
	       date_format(x->from_due, d1), date_format(x->to_due, d2),
	       x->by, x->reason);
	return 0;
}

static int risk_line(const struct risk *r, void *arg)
{
	(void)arg;
	printf("  [%s] %s\n      预案/plan: %s  (%s, %s)\n",
	       risk_level_name(r->level), r->description, r->plan, r->by,
	       r->at);
	return 0;
}

int task_print_detail(struct cli *cli, const struct task *t)
{
	struct store *st = cli->ctx.st;
	struct err *e = &cli->err;
	struct task_view v;
	char buf[64], d1[DATE_STRLEN], d2[DATE_STRLEN], lbuf[32];

	task_view_of(&v, t, cli->ctx.today, &cli->ctx.settings);
	printf("#%lld %s\n", t->id, t->title);
	field("status", task_status_name(t->status));
	field("light", cli_light(cli, light_name(v.light), lbuf,
				 sizeof(lbuf)));
	field("quadrant", quadrant_name(v.quadrant));
	snprintf(buf, sizeof(buf), "%d%%", t->percent);
	field("percent", buf);
	field("lead", t->lead);
	field("co", t->co);
	field("owner", t->owner);
	field("leader", t->leader);
	snprintf(buf, sizeof(buf), "%lld", t->goal_id);
	field("goal", t->goal_id ? buf : NULL);
	field("source", t->source);
	snprintf(buf, sizeof(buf), "%s%s%s", t->important ? "important " : "",
		 t->key ? "key " : "", t->daily ? "daily" : "");
	field("flags", buf);
	field("start", date_format(t->start, d1));
	if (t->orig_due != t->due) {
		snprintf(buf, sizeof(buf), "%s (originally %s)",
			 date_format(t->due, d1), date_format(t->orig_due, d2));
		field("due", buf);
	} else {
		field("due", date_format(t->due, d1));
	}
	field("created", t->created_at);
	field("acked", t->acked_at);
	field("closed", t->closed_at);
	snprintf(buf, sizeof(buf), "%lld", t->version);
	field("version", buf);
	field("description", t->description);
	puts("\nmilestones:");
	if (store_milestone_each(st, t->id, ms_line, NULL, e))
		return cli_fail(cli, e);
	puts("reports:");
	if (store_report_each(st, t->id, report_line, NULL, e) ||
	    store_evidence_each(st, t->id, evidence_line, NULL, e))
		return cli_fail(cli, e);
	puts("extensions:");
	if (store_extension_each(st, t->id, ext_line, NULL, e))
		return cli_fail(cli, e);
	puts("risks:");
	if (store_risk_each(st, t->id, risk_line, NULL, e))
		return cli_fail(cli, e);
	puts("timeline:");
	if (store_event_each(st, t->id, event_line, NULL, e))
		return cli_fail(cli, e);
	return 0;
}

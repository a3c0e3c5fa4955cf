/*
 * The demo city of `luoshi demo`: a fictional 哈尔滨市 with its units,
 * users, holiday calendar, goals and indicators, tasks walked through
 * their whole life cycle over the months before the reference day, and
 * the evaluation system's year (inspections with rectification tasks,
 * merits, published evaluations, cadre ballots), policies with their
 * windows and practices, some promoted. It goes only through
 * the public svc functions, so every row is validated and audited exactly
 * as a user's would be.
 */
#ifndef LUOSHI_SVC_DEMO_H
#define LUOSHI_SVC_DEMO_H

#include "core/task.h"
#include "svc/ctx.h"

#define DEMO_PASSWORD "demo12345"
#define DEMO_SCALE_MIN 10
#define DEMO_SCALE_MAX 200000
#define DEMO_SCALE_DEFAULT 200

/* What was seeded, and the tasks' status and light on the reference day. */
struct demo_stats {
	long long units, users, holidays, goals, indicators, values;
	long long tasks, milestones, reports, evidence, urges, instructions;
	long long extensions, risks, rejections, reopens, cancels;
	long long inspections, rectifications, commendations;
	long long accountabilities, evaluations, ballots;
	long long policies, practices, promoted;
	char eval_period[9];	/* the quarter evaluated and published */
	char cadre_period[9];	/* the year of the cadre assessment */
	long long status[TASK_NSTATUS];
	long long light[LIGHT_N];
};

/*
 * Creates the schema in the empty store c->st and seeds about `scale`
 * tasks (DEMO_SCALE_MIN..DEMO_SCALE_MAX), the same city for the same seed
 * and reference day c->today. Acts first as the built-in administrator,
 * then as each demo user in turn, moving c->today and c->now through the
 * simulated history; restores both, and the built-in administrator, before
 * returning. All in one transaction: on failure the database is left
 * without a schema (evidence files already written may remain in the
 * files directory).
 */
enum lserr svc_demo_seed(struct ctx *c, int scale, unsigned long long seed,
			 struct demo_stats *st, struct err *e);

#endif

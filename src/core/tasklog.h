/*
 * What happens to a task over its life, each kept as its own record:
 * milestones (节点), progress reports (进展) with evidence files, events
 * (status changes, urges 催办, instructions 批示), extensions (延期) and
 * risks with contingency plans (风险与应对预案). Strings point into the
 * record's arena when filled by the store.
 */
#ifndef LUOSHI_TASKLOG_H
#define LUOSHI_TASKLOG_H

#include "util/buf.h"

#include <stdbool.h>

struct milestone {
	long long id;
	long long task_id;
	const char *title;
	int due;
	int done_on;		/* DATE_NONE while unfinished */
	struct buf arena;
};

struct report {
	long long id;
	long long task_id;
	const char *at;
	int on;			/* reference day of the report */
	const char *author;
	int percent;
	const char *note;
	struct buf arena;
};

/* An evidence file, stored content-addressed under the files directory. */
struct evidence {
	long long id;
	long long report_id;
	const char *sha256;	/* hex */
	const char *name;	/* the original file name */
	long long size;
	struct buf arena;
};

/*
 * kinds: "create", "ack", "submit", "close", "reject", "reopen", "cancel",
 * "urge", "instruct", "edit"
 */
struct task_event {
	long long id;
	long long task_id;
	const char *at;
	const char *by;
	const char *kind;
	const char *note;
	struct buf arena;
};

struct extension {
	long long id;
	long long task_id;
	int from_due;
	int to_due;
	const char *reason;
	const char *by;
	const char *at;
	struct buf arena;
};

enum risk_level {
	RISK_LOW,
	RISK_MEDIUM,
	RISK_HIGH,
};

struct risk {
	long long id;
	long long task_id;
	const char *description;
	const char *plan;
	enum risk_level level;
	const char *by;
	const char *at;
	struct buf arena;
};

/* History of a target, baseline or weight (不降标准). */
struct revision {
	long long id;
	const char *entity;	/* "indicator" or "goal" */
	long long entity_id;
	const char *field;	/* "target", "baseline", "weight" */
	double old_value;
	double new_value;
	const char *reason;
	const char *by;
	const char *at;
	struct buf arena;
};

bool risk_level_parse(const char *s, enum risk_level *l);
const char *risk_level_name(enum risk_level l);

#endif

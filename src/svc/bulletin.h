/*
 * The bulletin (督查通报, SPEC §7): one period's summary, red and late
 * items by unit, the ranking, commendations and accountability, targets
 * lowered, policy windows closing or missed, and the burden, for the
 * actor's scope, written as HTML, Markdown, XLSX or PDF through doc/.
 * Every figure is another service's (eval, board, burden, merits,
 * revisions, policies), so a bulletin never disagrees with `eval`,
 * `burden`, `task list` or `policy list`.
 */
#ifndef LUOSHI_SVC_BULLETIN_H
#define LUOSHI_SVC_BULLETIN_H

#include "doc/doc.h"
#include "svc/ctx.h"

struct bulletin_opts {
	const char *period;	/* 2026, 2026-Q4, 2026-11 */
	const char *group;	/* rank this kind only; NULL: every kind */
	const char *unit;	/* this unit's subtree; NULL: the scope */
	const char *scheme;	/* eval scheme JSON (warn marks) or NULL */
	enum doc_format format;
	enum lang lang;
};

/* "html", "xlsx", "pdf" or "md"; LS_EINVAL naming format and value. */
enum lserr bulletin_format(const char *s, enum doc_format *out,
			   struct err *e);

/* What was written: rows of the red-and-late list and of the ranking. */
struct bulletin_stats {
	long long listed;
	long long ranked;
};

/*
 * Writes the bulletin to path. Every input is checked (period, group,
 * unit in scope, scheme) and the figures gathered before the file is
 * created, so a bad value leaves path untouched. st may be NULL.
 */
enum lserr svc_bulletin(struct ctx *c, const struct bulletin_opts *o,
			const char *path, struct bulletin_stats *st,
			struct err *e);

#endif

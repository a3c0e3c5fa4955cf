/*
 * The program's side of sending: notify_send and its set-up hand over to
 * the send module (notify/send.c, libcurl), loaded by the first sender,
 * so that commands which send nothing never load libcurl.
 */
#include "notify/notify.h"
#include "util/module.h"

#include <stdbool.h>

static bool begun;

void notify_send_begin(void)
{
	struct err e = ERR_INIT;
	const struct notify_send_module *m = module_api(MODULE_SEND, &e);

	/* Without the module each send fails and says why (notify log). */
	if (m) {
		m->begin();
		begun = true;
	}
}

void notify_send_end(void)
{
	struct err e = ERR_INIT;
	const struct notify_send_module *m;

	if (begun && (m = module_api(MODULE_SEND, &e))) {
		m->end();
		begun = false;
	}
}

int notify_send(const struct notify_conf *conf, const struct channel *ch,
		const struct delivery *d, struct buf *err)
{
	struct err e = ERR_INIT;
	const struct notify_send_module *m = module_api(MODULE_SEND, &e);

	if (!m) {
		buf_addf(err, "%s", e.msg);
		return -1;
	}
	return m->send(conf, ch, d, err);
}

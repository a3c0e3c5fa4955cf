/*
 * Settings in the store: key/value text rows over the defaults of
 * core/settings.c. Known keys are validated on the way in, so a stored
 * value can always be loaded; unknown keys are kept and ignored.
 */
#include "store/store_int.h"

#include <string.h>

static const char settings_load_sql[] =
	"SELECT key, value FROM settings ORDER BY key";

static const char setting_put_sql[] =
	"INSERT INTO settings (key, value) VALUES (?, ?) "
	"ON CONFLICT (key) DO UPDATE SET value = excluded.value";

static bool known_key(const char *key)
{
	for (int i = 0; settings_keys[i]; i++)
		if (!strcmp(settings_keys[i], key))
			return true;
	return false;
}

enum lserr store_settings_load(struct store *s, struct settings *out,
			       struct err *e)
{
	struct stmt *st;
	enum lserr rc = LS_OK;
	char msg[256];
	int r;

	settings_default(out);
	if (!(st = store_stmt(s, settings_load_sql, e)))
		return e->code;
	while ((r = db_step(s, st, e)) == 1) {
		const char *key = col_text(s, st, 0);
		const char *value = col_text(s, st, 1);

		if (!key || !value || !known_key(key))
			continue;
		if (settings_set(out, key, value, msg, sizeof(msg)) < 0) {
			rc = err_set(e, LS_EINVAL, key, "%s", msg);
			break;
		}
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	return rc;
}

enum lserr store_setting_put(struct store *s, const char *key,
			     const char *value, struct err *e)
{
	struct settings scratch;
	struct stmt *st;
	char msg[256];

	if (!key || !*key)
		return err_set(e, LS_EINVAL, "key", "empty setting name");
	if (!value)
		return err_set(e, LS_EINVAL, key, "no value for %s", key);
	settings_default(&scratch);
	if (known_key(key) &&
	    settings_set(&scratch, key, value, msg, sizeof(msg)) < 0)
		return err_set(e, LS_EINVAL, key, "%s", msg);
	if (!(st = store_stmt(s, setting_put_sql, e)))
		return e->code;
	db_text(s, st, 1, key);
	db_text(s, st, 2, value);
	return db_done(s, st, e);
}

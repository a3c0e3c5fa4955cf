/*
 * Loading the modules (see module.h): the first call for a module finds
 * its file, dlopens it and checks it belongs to this build; later calls
 * answer the cached table.
 */
#include "util/module.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const names[MODULE_N] = {
	[MODULE_HTTP] = "http",
	[MODULE_PDF] = "pdf",
	[MODULE_XLSX] = "xlsx",
	[MODULE_XLSXREAD] = "xlsxread",
	[MODULE_SEND] = "send",
	[MODULE_PG] = "pg",
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static const void *loaded[MODULE_N];

const char *module_name(enum module_id id)
{
	return names[id];
}

/* The directories to look in, in order, into dir; their count. */
static int dirs(char dir[3][PATH_MAX])
{
	const char *env = getenv("LUOSHI_MODULES");
	char exe[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;
	int n = 0;

	if (env && *env)
		snprintf(dir[n++], PATH_MAX, "%s", env);
	if (len <= 0)
		return n;
	exe[len] = '\0';
	if ((slash = strrchr(exe, '/')))
		*slash = '\0';
	snprintf(dir[n++], PATH_MAX, "%.*s/lib/luoshi", PATH_MAX - 16, exe);
	snprintf(dir[n++], PATH_MAX, "%.*s/../lib/luoshi", PATH_MAX - 16, exe);
	return n;
}

/* Opens module id from dir; its table, or NULL with why (0 if absent). */
static const void *open_in(enum module_id id, const char *dir,
			   struct err *e, int *found)
{
	char path[PATH_MAX + 32], sym[64];
	const struct module *m;
	void *h;

	snprintf(path, sizeof(path), "%.*s/%s.so", PATH_MAX, dir,
		 names[id]);
	if (access(path, F_OK))
		return NULL;
	*found = 1;
	if (!(h = dlopen(path, RTLD_NOW | RTLD_LOCAL))) {
		err_set(e, LS_EFAIL, "module", "cannot load module '%s': %s",
			path, dlerror());
		return NULL;
	}
	snprintf(sym, sizeof(sym), "luoshi_module_%s", names[id]);
	m = dlsym(h, sym);
	if (!m || strcmp(m->abi, LUOSHI_ABI) || m->id != id) {
		err_set(e, LS_EFAIL, "module", "module '%s' belongs to another "
			"build of luoshi (install the binary and lib/luoshi "
			"together: make install)", path);
		dlclose(h);
		return NULL;
	}
	return m->api;
}

const void *module_api(enum module_id id, struct err *e)
{
	char dir[3][PATH_MAX];
	const void *api;
	int found = 0, n;

	if (module_builtin)
		for (int i = 0; module_builtin[i]; i++)
			if (module_builtin[i]->id == id)
				return module_builtin[i]->api;
	pthread_mutex_lock(&lock);
	if ((api = loaded[id]))
		goto out;
	n = dirs(dir);
	for (int i = 0; i < n && !found; i++)
		api = loaded[id] = open_in(id, dir[i], e, &found);
	if (!found)
		err_set(e, LS_EFAIL, "module", "luoshi's module '%s.so' is "
			"missing: it is in none of %s%s%s%s%s (install with "
			"make install, or set LUOSHI_MODULES to its directory)",
			names[id], n > 0 ? dir[0] : "", n > 1 ? ", " : "",
			n > 1 ? dir[1] : "", n > 2 ? ", " : "",
			n > 2 ? dir[2] : "");
out:
	pthread_mutex_unlock(&lock);
	return api;
}

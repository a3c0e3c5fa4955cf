/*
 * Scope tests on materialised unit paths (see scope.h).
 */
#include "core/scope.h"

#include <stdio.h>
#include <string.h>

bool scope_covers(const struct scope *sc, const char *path)
{
	size_t n;

	if (sc->all)
		return true;
	if (!sc->path || !path)
		return false;
	n = strlen(sc->path);
	return !strncmp(sc->path, path, n);
}

char *scope_path_upper(const char *prefix, char *hi, unsigned n)
{
	size_t len = strlen(prefix);

	snprintf(hi, n, "%s", prefix);
	if (len && len < n)
		hi[len - 1] = (char)(hi[len - 1] + 1);	/* '/' -> '0' */
	return hi;
}

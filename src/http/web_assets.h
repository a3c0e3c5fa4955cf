/*
 * The web UI's files, embedded into the binary at build time by
 * scripts/embed-web.sh (one table, NULL-terminated; empty when the UI was
 * not built). Each text file also comes gzip-compressed.
 */
#ifndef LUOSHI_WEB_ASSETS_H
#define LUOSHI_WEB_ASSETS_H

#include <stddef.h>

struct web_asset {
	const char *path;		/* "/index.html", "/assets/x.js" */
	const char *type;		/* Content-Type */
	const unsigned char *data, *end;
	const unsigned char *gz, *gz_end;	/* NULL when not compressed */
};

extern const struct web_asset web_assets[];

#endif

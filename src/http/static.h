/*
 * The web UI's files: embedded at build time (web_assets.h), or read from
 * --web-root DIR while developing the front end.
 */
#ifndef LUOSHI_STATIC_H
#define LUOSHI_STATIC_H

#include "http/http.h"

/* Serve files from this folder instead of the embedded copy (NULL: off). */
void static_set_root(const char *dir);
/*
 * Answers a GET for a path outside /api: the file, or index.html for an
 * app route (no file extension), so the app's history routing works.
 * False when there is nothing to serve (the caller answers 404).
 */
bool static_serve(struct req *r);

#endif

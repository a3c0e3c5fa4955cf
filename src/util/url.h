/*
 * Percent-decoding of request paths and query values, in place. The
 * server hands it to libmicrohttpd instead of MHD's own, because a
 * decoded NUL would cut the C string short: "/evidence/<hash>%00../x"
 * would be served as "/evidence/<hash>". "%00" is therefore kept as
 * written (no route or id has it, so the request is refused).
 */
#ifndef LUOSHI_URL_H
#define LUOSHI_URL_H

#include <stddef.h>

/* Decodes %XX in s (but %00), in place; returns the new length. */
size_t url_unescape(char *s);

#endif

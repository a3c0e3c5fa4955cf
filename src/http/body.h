/*
 * Request bodies: JSON objects parsed with jansson (strict UTF-8, no
 * duplicate keys, 64-bit integers) against a list of the fields a route
 * accepts. Unknown fields, wrong types and invalid dates are refused with
 * 400 naming the field and value; a body that is not JSON gets 415. A
 * multipart/form-data body (uploads) is read through the same list, its
 * text fields converted from strings.
 */
#ifndef LUOSHI_BODY_H
#define LUOSHI_BODY_H

#include "http/http.h"

enum jtype {
	JT_STR,		/* const char **, null → NULL */
	JT_INT,		/* long long * */
	JT_NUM,		/* double * */
	JT_BOOL,	/* bool * */
	JT_DATE,	/* int * (day number), null → DATE_NONE */
	JT_MONTH,	/* int * (month key) */
	JT_ID,		/* long long *, positive, null → 0 */
	JT_LIST,	/* const char ** : an array of strings joined by ',' */
	JT_JSON,	/* json_t ** : any value (borrowed), null → NULL */
};

struct jfield {
	const char *name;
	enum jtype type;
	void *out;
	bool *seen;	/* optional: set when the field is present */
};

/*
 * Parses the body into the fields' destinations (absent fields keep their
 * values). Returns 0, or -1 after replying 400/415.
 */
int body_parse(struct req *r, const struct jfield *fields, int n);

#endif

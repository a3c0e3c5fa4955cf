/*
 * libFuzzer harness for the streaming JSON writer: any bytes written as a
 * string and as an object key must come out as JSON that jansson reads
 * back (invalid UTF-8 becomes U+FFFD), and valid UTF-8 must round-trip
 * unchanged.
 */
#include "util/jw.h"
#include "util/utf8.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct buf b = BUF_INIT;
	struct jw w;
	json_error_t je;
	json_t *v, *s, *o;
	char *key = malloc(n + 1);

	memcpy(key, data, n);
	key[n] = '\0';		/* a key stops at a NUL, as C strings do */
	/* ["<data>", {"<key>": true}, <a number>] */
	jw_init(&w, &b, NULL);
	jw_arr(&w);
	jw_strn(&w, (const char *)data, n);
	jw_obj(&w);
	jw_kbool(&w, key, true);
	jw_obj_end(&w);
	jw_num2(&w, n ? (double)data[0] * 1.005 - 100 : 0);
	jw_arr_end(&w);
	v = json_loadb(b.ptr, b.len, JSON_ALLOW_NUL, &je);
	if (!v || json_array_size(v) != 3)
		abort();
	s = json_array_get(v, 0);
	o = json_array_get(v, 1);
	if (!json_is_string(s) || !json_is_object(o) || json_object_size(o) != 1
	    || !json_is_number(json_array_get(v, 2)))
		abort();
	if (utf8_valid((const char *)data, n) &&
	    (json_string_length(s) != n ||
	     memcmp(json_string_value(s), data, n)))
		abort();
	if (utf8_valid(key, strlen(key)) && !json_object_get(o, key))
		abort();
	json_decref(v);
	buf_release(&b);
	free(key);
	return 0;
}

/*
 * libFuzzer harness for evaluation scheme files (eval_scheme_parse, the
 * parser behind `luoshi eval --scheme FILE` and POST /eval's "scheme"):
 * never crash; a refused scheme names a field and says why; an accepted
 * one has finite weights 0..1000, not all 0, and scores a unit with every
 * metric at 100 as 100 and one with every metric at 0 as 0 (the score is
 * a weighted mean).
 */
#include "core/eval.h"
#include "svc/eval.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct err e = ERR_INIT;
	struct eval_scheme s;
	struct eval_counts c;
	double hi[EVAL_NMETRICS], lo[EVAL_NMETRICS];
	char *text = malloc(n + 1);

	memcpy(text, data, n);
	text[n] = '\0';
	if (eval_scheme_parse(text, &s, &e)) {
		if (e.code != LS_EINVAL || !e.field[0] || !e.msg[0])
			abort();
		free(text);
		return 0;
	}
	free(text);
	for (int i = 0; i < EVAL_NMETRICS; i++) {
		if (!isfinite(s.w[i]) || s.w[i] < 0 || s.w[i] > 1000 ||
		    isinf(s.warn[i]))
			abort();
		hi[i] = 100;
		lo[i] = 0;
	}
	if (eval_scheme_check(&s, &e) || isinf(s.warn_score))
		abort();
	memset(&c, 0, sizeof(c));
	if (fabs(eval_score(&s, hi, &c) - 100) > 1e-6 ||
	    fabs(eval_score(&s, lo, &c)) > 1e-6)
		abort();
	return 0;
}

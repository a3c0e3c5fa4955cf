/*
 * Kahn's algorithm with the lowest ready index first (util/toposort.h).
 * Quadratic per step: it orders the few dozen tables of a schema.
 */
#include "util/toposort.h"
#include "util/xmalloc.h"

#include <stdlib.h>

bool toposort(int n, const unsigned char *dep, int *order)
{
	bool *done = xcalloc((size_t)n + 1, sizeof(*done));
	int k = 0;

	while (k < n) {
		int pick = -1;

		for (int i = 0; i < n && pick < 0; i++) {
			bool ready = !done[i];

			for (int j = 0; j < n && ready; j++)
				if (j != i && dep[i * n + j] && !done[j])
					ready = false;
			if (ready)
				pick = i;
		}
		if (pick < 0)
			break;
		done[pick] = true;
		order[k++] = pick;
	}
	free(done);
	return k == n;
}

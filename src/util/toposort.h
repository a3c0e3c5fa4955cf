/*
 * Orders items so that each comes after those it depends on: the tables
 * of a database for luoshi copy (parents before children). Pure.
 */
#ifndef LUOSHI_TOPOSORT_H
#define LUOSHI_TOPOSORT_H

#include <stdbool.h>

/*
 * dep is an n x n matrix: dep[i * n + j] != 0 when item i needs item j
 * first (i == j, a self-reference, is ignored). Writes the order to
 * order[0..n-1]: among the items ready at each step the lowest index
 * comes first, so an order that already works is kept. False when the
 * dependencies have a cycle (order is then incomplete).
 */
bool toposort(int n, const unsigned char *dep, int *order);

#endif

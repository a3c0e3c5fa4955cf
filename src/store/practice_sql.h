/*
 * The practice list's SQL, shared by the portable query of practices.c
 * and each driver's full-text variant (sqlite_fts.c), so both return the
 * same columns and bind the same parameters: ?1 ?2 unit subtree, ?3 tag,
 * ?4 promoted only, ?5 the search (LIKE pattern or the driver's match).
 * Literals joined at compile time; nothing is concatenated at run time.
 */
#ifndef LUOSHI_PRACTICE_SQL_H
#define LUOSHI_PRACTICE_SQL_H

#define PRACTICE_COLUMNS \
	"SELECT p.id, p.title, p.body, p.unit, p.merit_id, p.promoted_at, " \
	"p.promoted_by, p.promoted_note, p.by, p.at FROM practices p "

#define PRACTICE_WHERE \
	"JOIN units u ON u.code = p.unit " \
	"WHERE (?1 IS NULL OR (u.path >= ?1 AND u.path < ?2)) " \
	"AND (?3 IS NULL OR EXISTS (SELECT 1 FROM practice_tags t " \
	"WHERE t.practice_id = p.id AND t.tag = ?3)) " \
	"AND (?4 = 0 OR p.promoted_at IS NOT NULL) "

#endif

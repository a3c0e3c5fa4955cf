/*
 * Calendar dates as day numbers (days since 1970-01-01, proleptic
 * Gregorian), so date arithmetic is integer arithmetic. DATE_NONE marks
 * an absent date. Parsing is strict ISO YYYY-MM-DD; instants are RFC 3339
 * UTC strings "YYYY-MM-DDTHH:MM:SSZ".
 */
#ifndef LUOSHI_DATE_H
#define LUOSHI_DATE_H

#include <stdbool.h>
#include <time.h>

#define DATE_NONE (-2147483647 - 1)
#define DATE_STRLEN 11		/* "YYYY-MM-DD" + NUL */
#define INSTANT_STRLEN 21	/* "YYYY-MM-DDTHH:MM:SSZ" + NUL */

int date_from_ymd(int y, int m, int d);
void date_to_ymd(int day, int *y, int *m, int *d);
/* Strict YYYY-MM-DD with a real calendar day; false otherwise. */
bool date_parse(const char *s, int *day);
/*
 * A date as spreadsheets write it: YYYY-MM-DD, YYYY/M/D, YYYY-M-D,
 * YYYY年M月D日 (month and day of 1 or 2 digits) or an Excel serial number
 * of 10000 (1927-05-18) or more (1900 system: 36526 = 2000-01-01; a
 * fraction is the time of day and is dropped). False otherwise.
 */
bool date_parse_sheet(const char *s, int *day);
/*
 * A month as spreadsheets write it: YYYY-MM, YYYY-M, YYYY/M, YYYY年M月, or
 * any date date_parse_sheet() reads (its month). False otherwise.
 */
bool month_parse_sheet(const char *s, int *month_key);
/* Writes "YYYY-MM-DD" into out (DATE_STRLEN bytes); "" for DATE_NONE. */
char *date_format(int day, char out[DATE_STRLEN]);
/* 0 = Monday ... 6 = Sunday. */
int date_weekday(int day);
/* Month key y*12 + (m-1) of a day, for YYYY-MM periods. */
int date_month_key(int day);
/* Strict "YYYY-MM"; false otherwise. */
bool month_parse(const char *s, int *month_key);
char *month_format(int month_key, char out[8]);

/* Seconds since the epoch of an RFC 3339 UTC instant; false if malformed. */
bool instant_parse(const char *s, long long *secs);
char *instant_format(long long secs, char out[INSTANT_STRLEN]);
/* The date part of an instant string (first 10 characters). */
bool instant_date(const char *s, int *day);

/* Today's local date. */
int date_today_local(void);

#endif

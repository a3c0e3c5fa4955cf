/*
 * Date arithmetic by day numbers (Howard Hinnant's civil-from-days
 * algorithms), strict parsing and formatting of dates, months, instants.
 */
#include "util/date.h"

#include <stdio.h>
#include <string.h>

int date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (unsigned)(m + (m > 2 ? -3 : 9)) + 2) / 5 +
		       (unsigned)d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + (int)doe - 719468;
}

void date_to_ymd(int z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int yy = (int)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned dd = doy - (153 * mp + 2) / 5 + 1;
	unsigned mm = mp < 10 ? mp + 3 : mp - 9;

	*y = yy + (mm <= 2);
	*m = (int)mm;
	*d = (int)dd;
}

/* Writes n decimal digits of v (zero-padded) at out. */
static void put_digits(char *out, unsigned v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

static int days_in_month(int y, int m)
{
	static const int dm[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : dm[m - 1];
}

static bool digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/*
 * "YYYY-MM-DD" at s, a real date from 1900 on; the layout is checked left
 * to right, so a shorter string stops at its NUL. Only days above 28 need
 * the month's length.
 */
static bool ymd_parse(const char *s, int *y, int *m, int *d)
{
	if (!digits(s, 4, y) || s[4] != '-' || !digits(s + 5, 2, m) ||
	    s[7] != '-' || !digits(s + 8, 2, d))
		return false;
	if (*y < 1900 || *m < 1 || *m > 12 || *d < 1 ||
	    (*d > 28 && *d > days_in_month(*y, *m)))
		return false;
	return true;
}

/* The hot path of every date column read (five per task on the board). */
bool date_parse(const char *s, int *day)
{
	int y, m, d;

	if (!s || !ymd_parse(s, &y, &m, &d) || s[10] != '\0')
		return false;
	*day = date_from_ymd(y, m, d);
	return true;
}

/* 1 or 2 digits at s into *out; the count read (0 when none). */
static int digits12(const char *s, int *out)
{
	int n = 0;

	*out = 0;
	while (n < 2 && s[n] >= '0' && s[n] <= '9')
		*out = *out * 10 + (s[n++] - '0');
	return n;
}

/*
 * An Excel serial (1900 system, fraction = time of day, dropped). Below
 * 10000 (1927-05-18) a number looks like a year or a slip, not a date,
 * so it is refused; that also leaves out Lotus's 1900-02-29 (serial 60),
 * after which the count is days since 1899-12-30.
 */
static bool serial_parse(const char *s, int *day)
{
	long v = 0;
	const char *p = s;

	for (; *p >= '0' && *p <= '9'; p++)
		if ((v = v * 10 + (*p - '0')) > 2958465)	/* 9999-12-31 */
			return false;
	if (p == s)
		return false;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	if (*p || v < 10000)
		return false;
	*day = date_from_ymd(1899, 12, 30) + (int)v;
	return true;
}

bool date_parse_sheet(const char *s, int *day)
{
	static const char nian[] = "年", yue[] = "月", ri[] = "日";
	int y, m, d, n;
	const char *p;

	if (!s)
		return false;
	if (date_parse(s, day))
		return true;
	if (strlen(s) <= 12 && strspn(s, "0123456789.") == strlen(s))
		return serial_parse(s, day);
	if (!digits(s, 4, &y))
		return false;
	p = s + 4;
	if (*p == '-' || *p == '/') {
		char sep = *p++;

		if (!(n = digits12(p, &m)) || p[n] != sep)
			return false;
		p += n + 1;
		if (!(n = digits12(p, &d)) || p[n])
			return false;
	} else if (!strncmp(p, nian, strlen(nian))) {
		p += strlen(nian);
		if (!(n = digits12(p, &m)) || strncmp(p + n, yue, strlen(yue)))
			return false;
		p += n + strlen(yue);
		if (!(n = digits12(p, &d)) || strcmp(p + n, ri))
			return false;
	} else {
		return false;
	}
	if (y < 1900 || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return false;
	*day = date_from_ymd(y, m, d);
	return true;
}

bool month_parse_sheet(const char *s, int *month_key)
{
	static const char nian[] = "年", yue[] = "月";
	int y, m, n, day;
	const char *p;

	if (!s)
		return false;
	if (month_parse(s, month_key))
		return true;
	if (date_parse_sheet(s, &day)) {
		*month_key = date_month_key(day);
		return true;
	}
	if (!digits(s, 4, &y) || y < 1900)
		return false;
	p = s + 4;
	if (*p == '-' || *p == '/') {
		if (!(n = digits12(++p, &m)) || p[n])
			return false;
	} else if (!strncmp(p, nian, strlen(nian))) {
		p += strlen(nian);
		if (!(n = digits12(p, &m)) || strcmp(p + n, yue))
			return false;
	} else {
		return false;
	}
	if (m < 1 || m > 12)
		return false;
	*month_key = y * 12 + (m - 1);
	return true;
}

char *date_format(int day, char out[DATE_STRLEN])
{
	int y, m, d;

	if (day == DATE_NONE) {
		out[0] = '\0';
		return out;
	}
	date_to_ymd(day, &y, &m, &d);
	put_digits(out, (unsigned)y, 4);
	out[4] = '-';
	put_digits(out + 5, (unsigned)m, 2);
	out[7] = '-';
	put_digits(out + 8, (unsigned)d, 2);
	out[10] = '\0';
	return out;
}

int date_weekday(int day)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int w = (day + 3) % 7;

	return w < 0 ? w + 7 : w;
}

int date_month_key(int day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return y * 12 + (m - 1);
}

bool month_parse(const char *s, int *key)
{
	int y, m;

	if (!s || strlen(s) != 7 || !digits(s, 4, &y) || s[4] != '-' ||
	    !digits(s + 5, 2, &m) || y < 1900 || m < 1 || m > 12)
		return false;
	*key = y * 12 + (m - 1);
	return true;
}

char *month_format(int key, char out[8])
{
	put_digits(out, (unsigned)(key / 12), 4);
	out[4] = '-';
	put_digits(out + 5, (unsigned)(key % 12 + 1), 2);
	out[7] = '\0';
	return out;
}

bool instant_parse(const char *s, long long *secs)
{
	int y, mo, d, h, mi, se;

	if (!s || !ymd_parse(s, &y, &mo, &d) || s[10] != 'T' ||
	    !digits(s + 11, 2, &h) || s[13] != ':' ||
	    !digits(s + 14, 2, &mi) || s[16] != ':' ||
	    !digits(s + 17, 2, &se) || s[19] != 'Z' || h > 23 || mi > 59 ||
	    se > 60 || s[20] != '\0')
		return false;
	*secs = (long long)date_from_ymd(y, mo, d) * 86400 + h * 3600 +
		mi * 60 + se;
	return true;
}

char *instant_format(long long secs, char out[INSTANT_STRLEN])
{
	long long day = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
	int rem = (int)(secs - day * 86400);
	date_format((int)day, out);
	out[10] = 'T';
	put_digits(out + 11, (unsigned)(rem / 3600), 2);
	out[13] = ':';
	put_digits(out + 14, (unsigned)(rem / 60 % 60), 2);
	out[16] = ':';
	put_digits(out + 17, (unsigned)(rem % 60), 2);
	out[19] = 'Z';
	out[20] = '\0';
	return out;
}

bool instant_date(const char *s, int *day)
{
	char tmp[DATE_STRLEN];

	if (!s || strlen(s) < 10)
		return false;
	memcpy(tmp, s, 10);
	tmp[10] = '\0';
	return date_parse(tmp, day);
}

int date_today_local(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

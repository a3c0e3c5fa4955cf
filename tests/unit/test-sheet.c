/*
 * Unit tests for reading tables (util/sheet_csv.c, util/sheet_xlsx.c):
 * RFC 4180 records and their line numbers, the encoding guess (UTF-8,
 * BOM, GB18030 bytes written out by hand), yes/no cells, the formula
 * guard undone, and an XLSX written by our own document writer read back.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "doc/doc.h"
#include "util/buf.h"
#include "util/csv.h"
#include "util/sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Rows flattened as "line:cell|cell;" into a buf. */
static int collect(long line, const char *const *cells, int n, void *arg)
{
	struct buf *b = arg;

	buf_addf(b, "%ld:", line);
	for (int i = 0; i < n; i++)
		buf_addf(b, "%s%s", i ? "|" : "", cells[i]);
	buf_addch(b, ';');
	return 0;
}

static const char *csv(struct buf *b, const char *text)
{
	struct err e = ERR_INIT;

	buf_reset(b);
	assert_int_equal(sheet_csv(text, strlen(text), collect, b, &e),
			 LS_OK);
	return b->ptr;
}

static void test_csv_records(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	assert_string_equal(csv(&b, "a,b\r\nc,d\r\n"), "1:a|b;2:c|d;");
	assert_string_equal(csv(&b, "a,b\nc,d"), "1:a|b;2:c|d;");
	assert_string_equal(csv(&b, ",\n"), "1:|;");
	assert_string_equal(csv(&b, ""), "");
	/* quotes: doubled quote, comma and line breaks inside; the record
	 * after a two-line field starts on line 3 */
	assert_string_equal(csv(&b, "\"x,\"\"y\"\"\",\"1\n2\"\nz\n"),
			    "1:x,\"y\"|1\n2;3:z;");
	assert_string_equal(csv(&b, "\"a\r\nb\",c\r\nd\r\n"),
			    "1:a\r\nb|c;3:d;");
	/* a blank line is a record of one empty cell */
	assert_string_equal(csv(&b, "a\n\nb\n"), "1:a;2:;3:b;");
	/* lenient: text after a closing quote is kept, a lone CR too */
	assert_string_equal(csv(&b, "\"a\"b,c\rd\n"), "1:ab|c\rd;");
	buf_release(&b);
}

static void test_csv_unclosed(void **state)
{
	struct buf b = BUF_INIT;
	struct err e = ERR_INIT;
	const char *text = "h\nok\n\"never\nclosed\n";

	(void)state;
	assert_int_equal(sheet_csv(text, strlen(text), collect, &b, &e),
			 LS_EINVAL);
	assert_string_equal(e.msg, "line 3: quoted field never closed");
	buf_release(&b);
}

static char *utf8(const char *data, size_t len)
{
	struct err e = ERR_INIT;
	size_t n;
	char *s = sheet_text_utf8(data, len, &n, &e);

	assert_non_null(s);
	assert_int_equal(strlen(s), n);
	return s;
}

static void test_encoding(void **state)
{
	/* 中文 in GB18030/GBK: D6 D0 CE C4; in UTF-8: E4 B8 AD E6 96 87 */
	static const char gb[] = "\xd6\xd0\xce\xc4,1\r\n";
	static const char gb_bom[] = "\x84\x31\x95\x33\xd6\xd0\xce\xc4";
	static const char u8[] = "\xe4\xb8\xad\xe6\x96\x87,1\r\n";
	static const char u8_bom[] = "\xef\xbb\xbf\xe4\xb8\xad\xe6\x96\x87";
	struct err e = ERR_INIT;
	size_t n;
	char *s;

	(void)state;
	s = utf8(gb, strlen(gb));
	assert_string_equal(s, u8);
	free(s);
	s = utf8(gb_bom, strlen(gb_bom));
	assert_string_equal(s, "中文");
	free(s);
	s = utf8(u8, strlen(u8));
	assert_string_equal(s, u8);
	free(s);
	s = utf8(u8_bom, strlen(u8_bom));
	assert_string_equal(s, "中文");
	free(s);
	/* 0x80 alone is neither UTF-8 nor GB18030 (offset 2) */
	assert_null(sheet_text_utf8("ab\x80", 3, &n, &e));
	assert_int_equal(e.code, LS_EINVAL);
	assert_string_equal(e.msg, "the file is neither UTF-8 nor GB18030 "
			    "(bad byte at offset 2)");
	assert_null(sheet_text_utf8("a\0b", 3, &n, &e));
	assert_string_equal(e.msg, "the file is not text (a NUL byte at "
			    "offset 1)");
}

static void test_bool_and_guard(void **state)
{
	bool v;

	(void)state;
	assert_true(sheet_bool("是", &v) && v);
	assert_true(sheet_bool("YES", &v) && v);
	assert_true(sheet_bool("1", &v) && v);
	assert_true(sheet_bool("否", &v) && !v);
	assert_true(sheet_bool("no", &v) && !v);
	assert_true(sheet_bool("0", &v) && !v);
	assert_true(sheet_bool("", &v) && !v);
	assert_false(sheet_bool("maybe", &v));
	assert_false(sheet_bool("2", &v));
	assert_string_equal(csv_unguard("'=SUM(A1)"), "=SUM(A1)");
	assert_string_equal(csv_unguard("'+1"), "+1");
	assert_string_equal(csv_unguard("'-1"), "-1");
	assert_string_equal(csv_unguard("'@x"), "@x");
	assert_string_equal(csv_unguard("'abc"), "'abc");
	assert_string_equal(csv_unguard("'"), "'");
	assert_string_equal(csv_unguard("=1"), "=1");
	assert_true(sheet_is_xlsx("PK\3\4rest", 8));
	assert_false(sheet_is_xlsx("PK", 2));
	assert_false(sheet_is_xlsx("title,lead", 10));
}

static void test_xlsx_roundtrip(void **state)
{
	char path[] = "/tmp/luoshi-test-sheet-XXXXXX";
	struct doc_col cols[] = {
		{ "标题", 10, DOC_TEXT }, { "截止日期", 10, DOC_DATE },
		{ "编号", 5, DOC_NUMBER },
	};
	struct doc_cell r1[] = {
		DOC_STR("两行\r\n_x0041_"), DOC_STR("2026-11-26"),
		DOC_NUM(7),
	};
	struct doc_cell r2[] = { DOC_STR(NULL), DOC_STR(""), DOC_NUM(2.5) };
	struct err e = ERR_INIT;
	struct buf b = BUF_INIT, data = BUF_INIT;
	struct doc *d;
	char chunk[4096];
	size_t n;
	FILE *f;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	d = doc_open(DOC_XLSX, path, LANG_ZH, &e);
	assert_non_null(d);
	doc_heading(d, "任务");
	doc_table_begin(d, cols, 3);
	doc_row(d, r1);
	doc_row(d, r2);
	doc_table_end(d);
	assert_int_equal(doc_close(d, &e), LS_OK);
	f = fopen(path, "rb");
	assert_non_null(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&data, chunk, n);
	fclose(f);
	unlink(path);
	assert_true(sheet_is_xlsx(data.ptr, data.len));
	assert_int_equal(sheet_xlsx(data.ptr, data.len, collect, &b, &e),
			 LS_OK);
	/* 2026-11-26 is serial 46352: 2000-01-01 is 36526, +9497 days to
	 * 2026-01-01 (26 years, 7 leap days: 26*365+7), +329 to Nov 26
	 * (31+28+31+30+31+30+31+31+30+31 = 304, +25) = 46352. The empty
	 * cells of row 3 are not written, so only column C is there. The
	 * writer escapes CR as _x000D_ (decoded back) but writes a literal
	 * "_x0041_" as is, which Excel reads as "A": so do we. */
	assert_string_equal(b.ptr, "1:标题|截止日期|编号;"
			    "2:两行\r\nA|46352|7;3:||2.5;");
	buf_reset(&b);
	assert_int_equal(sheet_xlsx("PK\3\4junk", 8, collect, &b, &e),
			 LS_EINVAL);
	assert_int_equal(strncmp(e.msg, "not a readable XLSX file", 24), 0);
	buf_release(&b);
	buf_release(&data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_records),
		cmocka_unit_test(test_csv_unclosed),
		cmocka_unit_test(test_encoding),
		cmocka_unit_test(test_bool_and_guard),
		cmocka_unit_test(test_xlsx_roundtrip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

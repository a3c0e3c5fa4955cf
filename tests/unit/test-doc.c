/*
 * Tests of the document writer (src/doc/): one small Chinese document
 * written as HTML, Markdown, CSV, XLSX and PDF, then read back with the tools
 * a user would (unzip for the XLSX parts, pdftotext and pdfinfo for the
 * PDF); a 200-row table for PDF page breaks; I/O failures naming the
 * path; Excel sheet names. Set LUOSHI_DOC_KEEP=DIR to keep the files.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "doc/doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[256];

/* The output of a shell command (caller frees). */
static char *run(const char *fmt, ...)
{
	char cmd[1024];
	size_t len = 0, cap = 4096;
	char *out = malloc(cap);
	va_list ap;
	FILE *p;
	size_t n;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	p = popen(cmd, "r");
	assert_non_null(p);
	while ((n = fread(out + len, 1, cap - len - 1, p)) > 0) {
		len += n;
		if (cap - len < 2)
			out = realloc(out, cap *= 2);
	}
	out[len] = '\0';
	pclose(p);
	return out;
}

static char *slurp(const char *name)
{
	return run("cat '%s/%s'", dir, name);
}

static void has(const char *text, const char *want)
{
	if (!strstr(text, want))
		fail_msg("missing: %s\n--- in:\n%.3000s", want, text);
}

static void lacks(const char *text, const char *bad)
{
	if (strstr(text, bad))
		fail_msg("unexpected: %s", bad);
}

static int count(const char *text, const char *what)
{
	int n = 0;

	for (const char *p = text; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

static const struct doc_col cols[] = {
	{ "单位", 8, DOC_TEXT },
	{ "事项", 30, DOC_TEXT },
	{ "截止日期", 10, DOC_DATE },
	{ "进度", 6, DOC_NUMBER },
};

#define LONG_TEXT "对全市二百一十六个老旧小区实施改造，完成屋面防水、外墙" \
	"保温、管网更新和无障碍设施建设，同步推进加装电梯试点。"

/*
 * The sample: a title, a paragraph with markup characters, a heading and
 * a table of three rows (a '|', HTML in a cell, a missing number), then a
 * second table under the same heading text.
 */
static void sample(enum doc_format f, const char *name, enum lang lang,
		   int extra)
{
	char path[512], title[160];
	struct err e = ERR_INIT;
	struct doc *d;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	d = doc_open(f, path, lang, &e);
	assert_non_null(d);
	doc_title(d, "2026年11月督查通报", "截至 2026-11-26");
	doc_para(d, "以下事项已逾期，请抓紧办理 <b>&amp;</b>。");
	doc_heading(d, "红灯事项");
	doc_table_begin(d, cols, 4);
	doc_row(d, (struct doc_cell[]){ DOC_STR("道里区"),
		DOC_STR("老旧小区改造 | 一期"), DOC_STR("2026-11-20"),
		DOC_NUM(60) });
	doc_row(d, (struct doc_cell[]){ DOC_STR("南岗区"),
		DOC_STR("<script>alert('x')</script> & \"引号\""),
		DOC_STR("2026-10-31"), DOC_NULL });
	doc_row(d, (struct doc_cell[]){ DOC_STR("香坊区"), DOC_STR(NULL),
		DOC_STR(NULL), DOC_NUM(12.5) });
	doc_row(d, (struct doc_cell[]){ DOC_STR("哈尔滨新区管理委员会"),
		DOC_STR(LONG_TEXT), DOC_STR("2026-12-15"), DOC_NUM(-0.25) });
	for (int i = 0; i < extra; i++) {
		snprintf(title, sizeof(title), "第 %d 项：推进营商环境"
			 "优化提升专项行动，按月报送进展", i + 1);
		doc_row(d, (struct doc_cell[]){ DOC_STR("松北区"),
			DOC_STR(title), DOC_STR("2026-12-31"),
			DOC_NUM(i % 101) });
	}
	doc_table_end(d);
	doc_heading(d, "红灯事项");
	doc_table_begin(d, cols, 4);
	doc_row(d, (struct doc_cell[]){ DOC_STR("呼兰区"), DOC_STR("排水"),
		DOC_STR("2026-11-01"), DOC_NUM(100) });
	doc_table_end(d);
	assert_int_equal(doc_close(d, &e), LS_OK);
}

static int setup(void **state)
{
	const char *keep = getenv("LUOSHI_DOC_KEEP");

	(void)state;
	if (keep) {
		snprintf(dir, sizeof(dir), "%s", keep);
		return 0;
	}
	snprintf(dir, sizeof(dir), "%s/luoshi-doc.XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	if (!getenv("LUOSHI_DOC_KEEP"))
		free(run("rm -rf '%s'", dir));
	return 0;
}

static void test_write_all(void **state)
{
	(void)state;
	sample(DOC_HTML, "s.html", LANG_ZH, 0);
	sample(DOC_MD, "s.md", LANG_ZH, 0);
	sample(DOC_XLSX, "s.xlsx", LANG_ZH, 0);
	sample(DOC_PDF, "s.pdf", LANG_ZH, 0);
	sample(DOC_PDF, "long.pdf", LANG_ZH, 200);
	sample(DOC_PDF, "en.pdf", LANG_EN, 0);
	sample(DOC_XLSX, "en.xlsx", LANG_EN, 0);
	sample(DOC_CSV, "s.csv", LANG_ZH, 0);
}

static void test_csv(void **state)
{
	char *t = slurp("s.csv");

	(void)state;
	/* BOM, CRLF, quoting; title and paragraphs left out */
	assert_string_equal(t, "\xef\xbb\xbf"
		"单位,事项,截止日期,进度\r\n"
		"道里区,老旧小区改造 | 一期,2026-11-20,60\r\n"
		"南岗区,\"<script>alert('x')</script> & \"\"引号\"\"\",2026-10-31,"
		"\r\n"
		"香坊区,,,12.5\r\n"
		"哈尔滨新区管理委员会," LONG_TEXT ",2026-12-15,-0.25\r\n"
		"\r\n"
		"单位,事项,截止日期,进度\r\n"
		"呼兰区,排水,2026-11-01,100\r\n");
	free(t);
}

/* A document given up leaves the file of that name as it was. */
static void test_replace(void **state)
{
	char path[512];
	struct err e = ERR_INIT;
	struct doc *d;
	char *t;

	(void)state;
	snprintf(path, sizeof(path), "%s/old.md", dir);
	free(run("printf old > '%s'", path));
	d = doc_open(DOC_MD, path, LANG_ZH, &e);
	assert_non_null(d);
	doc_title(d, "新", NULL);
	t = slurp("old.md");
	assert_string_equal(t, "old");		/* not yet replaced */
	free(t);
	doc_discard(d);
	t = slurp("old.md");
	assert_string_equal(t, "old");
	free(t);
	d = doc_open(DOC_MD, path, LANG_ZH, &e);
	doc_title(d, "新", NULL);
	assert_int_equal(doc_close(d, &e), LS_OK);
	t = slurp("old.md");
	assert_string_equal(t, "# 新\n\n");
	free(t);
	/* no temporary left behind */
	t = run("ls '%s' | grep -c 'old.md.' || true", dir);
	assert_string_equal(t, "0\n");
	free(t);
}

static void test_html(void **state)
{
	char *t = slurp("s.html");

	(void)state;
	has(t, "<!DOCTYPE html>\n<html lang=\"zh-CN\">");
	has(t, "<meta charset=\"utf-8\">");
	has(t, "<title>2026年11月督查通报</title>");
	has(t, "<style>");			/* self-contained */
	lacks(t, "<link");
	lacks(t, "<script>");
	has(t, "<h1>2026年11月督查通报</h1>");
	has(t, "<p class=\"subtitle\">截至 2026-11-26</p>");
	has(t, "<p>以下事项已逾期，请抓紧办理 &lt;b&gt;&amp;amp;&lt;/b&gt;。"
	    "</p>");
	has(t, "<h2>红灯事项</h2>");
	has(t, "<thead>\n<tr><th scope=\"col\">单位</th><th scope=\"col\">"
	    "事项</th><th scope=\"col\">截止日期</th><th class=\"num\" "
	    "scope=\"col\">进度</th></tr>\n</thead>");
	has(t, "<tr><td>道里区</td><td>老旧小区改造 | 一期</td><td>2026-11-20"
	    "</td><td class=\"num\">60</td></tr>");
	has(t, "<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
	    "&quot;引号&quot;</td>");
	has(t, "<td class=\"num\"></td></tr>");	/* DOC_NULL */
	has(t, "<td class=\"num\">12.5</td>");
	has(t, "<td class=\"num\">-0.25</td>");
	has(t, "td.num,th.num{text-align:right");
	has(t, "thead{display:table-header-group}");	/* print */
	assert_int_equal(count(t, "<table>"), 2);
	has(t, "</body>\n</html>\n");
	free(t);
}

static void test_markdown(void **state)
{
	char *t = slurp("s.md");

	(void)state;
	has(t, "# 2026年11月督查通报\n\n_截至 2026-11-26_\n\n");
	has(t, "以下事项已逾期，请抓紧办理 \\<b>\\&amp;\\</b>。\n\n");
	has(t, "## 红灯事项\n\n| 单位 | 事项 | 截止日期 | 进度 |\n"
	    "| --- | --- | --- | ---: |\n"
	    "| 道里区 | 老旧小区改造 \\| 一期 | 2026-11-20 | 60 |\n"
	    "| 南岗区 | \\<script>alert('x')\\</script> \\& \"引号\" | "
	    "2026-10-31 |  |\n"
	    "| 香坊区 |  |  | 12.5 |\n");
	has(t, "| 呼兰区 | 排水 | 2026-11-01 | 100 |\n");
	free(t);
}

static void test_xlsx(void **state)
{
	char *t;

	(void)state;
	t = run("unzip -p '%s/s.xlsx' xl/workbook.xml", dir);
	/* the summary first, then one sheet per table, names unique */
	has(t, "<sheets><sheet name=\"概要\" sheetId=\"1\" r:id=\"rId1\"/>"
	    "<sheet name=\"红灯事项\" sheetId=\"2\" r:id=\"rId2\"/>"
	    "<sheet name=\"红灯事项 (2)\" sheetId=\"3\" r:id=\"rId3\"/>"
	    "</sheets>");
	free(t);
	t = run("unzip -p '%s/s.xlsx' xl/worksheets/sheet1.xml", dir);
	has(t, "<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>2026年11月督查"
	    "通报</t></is></c>");
	has(t, "<c r=\"A2\" s=\"2\" t=\"inlineStr\"><is><t>截至 2026-11-26"
	    "</t></is></c>");
	has(t, "<c r=\"A3\" s=\"3\" t=\"inlineStr\"><is><t>以下事项已逾期，"
	    "请抓紧办理 &lt;b&gt;&amp;amp;&lt;/b&gt;。</t></is></c>");
	free(t);
	t = run("unzip -p '%s/s.xlsx' xl/worksheets/sheet2.xml", dir);
	/* frozen header row */
	has(t, "<pane ySplit=\"1\" topLeftCell=\"A2\" "
	    "activePane=\"bottomLeft\" state=\"frozen\"/>");
	/* widths: hint + 2 (+ Excel's padding 0.7109375) */
	has(t, "<col min=\"2\" max=\"2\" width=\"32.7109375\" "
	    "customWidth=\"1\"/>");
	/* header: bold on a fill (style 4; 5 right-aligned for numbers) */
	has(t, "<c r=\"A1\" s=\"4\" t=\"inlineStr\"><is><t>单位</t></is>"
	    "</c>");
	has(t, "<c r=\"D1\" s=\"5\" t=\"inlineStr\"><is><t>进度</t></is>"
	    "</c>");
	has(t, "<c r=\"B2\" s=\"3\" t=\"inlineStr\"><is><t>老旧小区改造 "
	    "| 一期</t></is></c>");
	/*
	 * Dates are numbers: 2026-11-20 is day 20777 after 1970-01-01
	 * (56 years with 14 leap days = 20454, + 304 days to Nov 1 + 19),
	 * and 1970-01-01 is Excel serial 25569: 25569 + 20777 = 46346.
	 * 2026-10-31 is 20 days earlier: 46326.
	 */
	has(t, "<c r=\"C2\" s=\"6\"><v>46346</v></c>");
	has(t, "<c r=\"D2\" s=\"7\"><v>60</v></c>");
	has(t, "<c r=\"C3\" s=\"6\"><v>46326</v></c></row>"); /* no D3 */
	has(t, "<is><t>&lt;script&gt;alert('x')&lt;/script&gt; &amp; "
	    "\"引号\"</t></is>");
	has(t, "<row r=\"4\"><c r=\"A4\" s=\"3\" t=\"inlineStr\"><is><t>"
	    "香坊区</t></is></c><c r=\"D4\" s=\"7\"><v>12.5</v></c></row>");
	has(t, "<c r=\"D5\" s=\"7\"><v>-0.25</v></c>");
	has(t, "<autoFilter ref=\"A1:D5\"/>");
	free(t);
	t = run("unzip -p '%s/s.xlsx' xl/styles.xml", dir);
	has(t, "formatCode=\"yyyy-mm-dd\"");
	has(t, "<fgColor rgb=\"FFE8EDF3\"/>");
	has(t, "<b/>");
	free(t);
	t = run("unzip -p '%s/en.xlsx' xl/workbook.xml", dir);
	has(t, "<sheet name=\"Summary\" sheetId=\"1\"");
	free(t);
}

static void test_pdf(void **state)
{
	char *t;

	(void)state;
	t = run("pdfinfo '%s/s.pdf' | tr -s ' '", dir);
	has(t, "Page size: 595.276 x 841.89 pts (A4)");
	has(t, "Pages: 1\n");
	has(t, "Title: 2026年11月督查通报");
	free(t);
	/* pdftotext drops the spaces between CJK glyphs: compare without */
	t = run("pdftotext -layout '%s/s.pdf' - | tr -d ' '", dir);
	has(t, "2026年11月督查通报");
	has(t, "截至2026-11-26");
	has(t, "单位事项截止日期进度");
	has(t, "道里区老旧小区改造|一期2026-11-2060");
	has(t, "<script>alert('x')</script>&\"引号\"2026-10-31");
	has(t, "香坊区12.5");
	/* the long cells wrap within their columns: two lines each */
	has(t, "哈尔滨新区管理对全市二百一十六个老旧小区实施改造，完成屋面防水"
	    "、外墙保2026-12-15-0.25\n");
	has(t, "委员会温、管网更新和无障碍设施建设，同步推进加装电梯试点。\n");
	has(t, "第1页/共1页");
	free(t);
	t = run("pdftotext -layout '%s/en.pdf' -", dir);
	has(t, "Page 1 of 1");
	free(t);
}

/* 200 rows: six pages, the header on each, "N of 6" on each. */
static void test_pdf_pages(void **state)
{
	char *t, want[64];

	(void)state;
	t = run("pdfinfo '%s/long.pdf' | tr -s ' '", dir);
	has(t, "Page size: 595.276 x 841.89 pts (A4)");
	has(t, "Pages: 6\n");
	free(t);
	t = run("pdftotext -layout '%s/long.pdf' - | tr -d ' '", dir);
	for (int p = 1; p <= 6; p++) {
		snprintf(want, sizeof(want), "第%d页/共6页", p);
		has(t, want);
	}
	/* six pages of the first table, one header of the second */
	assert_int_equal(count(t, "单位事项截止日期进度"), 7);
	has(t, "松北区第200项：推进营商环境优化提升专项行动，按月报送进展"
	    "2026-12-3198");
	free(t);
	/* every page starts with the header (the form feed splits pages) */
	t = run("pdftotext -layout '%s/long.pdf' - | tr -d ' ' | "
		"awk 'BEGIN{RS=\"\\f\"} NF{split($0,l,\"\\n\"); "
		"for(i=1;i<=length(l);i++) if(l[i]!=\"\"){print l[i]; break}}'",
		dir);
	assert_string_equal(t, "2026年11月督查通报\n"
			    "单位事项截止日期进度\n单位事项截止日期进度\n"
			    "单位事项截止日期进度\n单位事项截止日期进度\n"
			    "单位事项截止日期进度\n");
	free(t);
}

static void test_io_errors(void **state)
{
	struct err e = ERR_INIT;
	struct doc *d;

	(void)state;
	for (int f = DOC_HTML; f <= DOC_PDF; f++) {
		err_clear(&e);
		d = doc_open((enum doc_format)f, "/nonexistent/dir/x", LANG_ZH,
			     &e);
		assert_null(d);
		assert_int_equal(e.code, LS_EFAIL);
		assert_string_equal(e.msg, "cannot create '/nonexistent/dir/x'"
				    ": No such file or directory");
	}
	/* a full disk shows at the end */
	for (int f = DOC_HTML; f <= DOC_PDF; f++) {
		if (f == DOC_XLSX)	/* writes a temporary file first */
			continue;
		err_clear(&e);
		d = doc_open((enum doc_format)f, "/dev/full", LANG_ZH, &e);
		assert_non_null(d);
		doc_title(d, "标题", NULL);
		assert_int_equal(doc_close(d, &e), LS_EFAIL);
		assert_string_equal(e.msg, "cannot write '/dev/full': No space "
				    "left on device");
	}
}

static void test_sheet_names(void **state)
{
	const char *used[] = { "红灯事项", "Tasks",
		"abcdefghijklmnopqrstuvwxyz01234" };
	char out[DOC_SHEET_MAX];

	(void)state;
	doc_sheet_name("评价排名", used, 3, out);
	assert_string_equal(out, "评价排名");
	doc_sheet_name("a/b\\c[d]e:f*g?h", used, 0, out);
	assert_string_equal(out, "a_b_c_d_e_f_g_h");
	doc_sheet_name("'quoted'", used, 0, out);
	assert_string_equal(out, "quoted");
	doc_sheet_name("", used, 0, out);
	assert_string_equal(out, "Sheet");
	doc_sheet_name(NULL, used, 0, out);
	assert_string_equal(out, "Sheet");
	doc_sheet_name("history", used, 0, out);	/* reserved */
	assert_string_equal(out, "history (2)");
	/* 31 characters kept: 40 CJK characters become their first 31 */
	doc_sheet_name("一二三四五六七八九十一二三四五六七八九十"
		       "一二三四五六七八九十一二三四五六七八九十", used, 0, out);
	assert_string_equal(out, "一二三四五六七八九十一二三四五六七八九十"
			    "一二三四五六七八九十一");
	/* clashes, case-insensitive: " (2)" within the 31 */
	doc_sheet_name("红灯事项", used, 3, out);
	assert_string_equal(out, "红灯事项 (2)");
	doc_sheet_name("TASKS", used, 3, out);
	assert_string_equal(out, "TASKS (2)");
	/* 31 chars + " (2)" = 35: the name keeps 27 then the suffix */
	doc_sheet_name("abcdefghijklmnopqrstuvwxyz0123456789", used, 3, out);
	assert_string_equal(out, "abcdefghijklmnopqrstuvwxyz0 (2)");
	assert_int_equal(strlen(out), 31);
}

static void test_numbers(void **state)
{
	char n[32];

	(void)state;
	assert_string_equal(doc_number(60, n), "60");
	assert_string_equal(doc_number(12.5, n), "12.5");
	assert_string_equal(doc_number(-0.0, n), "0");
	assert_string_equal(doc_number(85.12, n), "85.12");
	assert_string_equal(doc_number(1e6, n), "1000000");
	assert_string_equal(doc_number(0.0 / 0.0, n), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_all),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_replace),
		cmocka_unit_test(test_xlsx),
		cmocka_unit_test(test_pdf),
		cmocka_unit_test(test_pdf_pages),
		cmocka_unit_test(test_io_errors),
		cmocka_unit_test(test_sheet_names),
		cmocka_unit_test(test_numbers),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

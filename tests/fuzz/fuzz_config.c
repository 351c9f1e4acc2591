/*
 * fuzz_config.c - a libFuzzer target for the configuration loader.
 *
 * Each input is written to a configuration file in a private folder that
 * also holds the shipped rulebook as rules.cfg, and loaded with
 * floor_load(); the model (or the error list) is then freed.  The loader
 * must never crash, hang, leak or exit, whatever the bytes.
 *
 * An @include of anything but "rules.cfg" is skipped: libconfig 1.5 would
 * read any path named (/dev/zero never ends), and the configuration is
 * the administrator's own file, so that is not a finding.
 *
 * Built by `make fuzz` (clang, -fsanitize=fuzzer,address,undefined); the
 * same file, with tests/fuzz/replay.c for a main, replays the corpus under
 * `make check` with gcc's sanitizers.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/floor.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[256];

static int
setup(void)
{
	char dir[] = "/tmp/cf-fuzz.XXXXXX", rules[300];
	FILE *in, *out;
	int c;

	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof path, "%s/floor.cfg", dir);
	snprintf(rules, sizeof rules, "%s/rules.cfg", dir);
	/* The shipped rulebook, for inputs that @include it. */
	in = fopen(SRCDIR "/conf/rules.cfg", "r");
	out = fopen(rules, "w");
	if (in != NULL && out != NULL)
		while ((c = getc(in)) != EOF)
			putc(c, out);
	if (in != NULL)
		fclose(in);
	if (out != NULL)
		fclose(out);
	return 0;
}

/* True when every @include in the input names "rules.cfg". */
static int
includes_ok(const uint8_t *data, size_t size)
{
	static const char kw[] = "@include";
	size_t i;

	for (i = 0; i + sizeof kw - 1 <= size; i++) {
		size_t j = i + sizeof kw - 1;

		if (memcmp(data + i, kw, sizeof kw - 1) != 0)
			continue;
		while (j < size && (data[j] == ' ' || data[j] == '\t'))
			j++;
		if (size - j < 11 || memcmp(data + j, "\"rules.cfg\"", 11) != 0)
			return 0;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf errs = { 0 };
	struct floor *f;
	FILE *fp;

	if (path[0] == '\0' && setup() < 0)
		abort();
	if (!includes_ok(data, size))
		return 0;
	if ((fp = fopen(path, "w")) == NULL)
		abort();
	if (size > 0 && fwrite(data, 1, size, fp) != size)
		abort();
	fclose(fp);
	f = floor_load(path, &errs);
	if (f != NULL)
		floor_free(f);
	else if (errs.s == NULL || errs.s[0] == '\0')
		abort();	/* a refusal must say why */
	buf_free(&errs);
	return 0;
}

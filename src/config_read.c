/*
 * config_read.c - reads the configuration's files for config.c: sizes
 * checked before libconfig parses anything, @include paths made absolute,
 * and never a change of the working folder.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config_internal.h"
#include "i18n.h"

/*
 * Reading the configuration without ever changing the working folder.
 *
 * libconfig 1.5 glues its include_dir before every @include, absolute
 * ones too, and resolves the rest against the working folder.  So the
 * main file is read into memory here and each of its @include paths is
 * made absolute, against the main file's own folder (as a reader of the
 * file expects), before libconfig sees the text; a file included from an
 * included file must name an absolute path.  Every file is checked for
 * size first: libconfig takes time quadratic in a string's length.
 */
#define CONFIG_MAX_BYTES (1 << 20)	/* all files of one configuration */
#define CONFIG_MAX_DEPTH 10		/* libconfig's own include limit */

struct cfgread {
	struct ctx *c;
	size_t total;		/* bytes read so far, all files */
};

/* Where the @include on line p (a whole line) names its file: the span
 * between the quotes, or NULL when the line is no @include. */
static const char *
include_span(const char *p, const char *end, size_t *n)
{
	const char *q;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if ((size_t)(end - p) < 9 || strncmp(p, "@include", 8) != 0)
		return NULL;
	for (p += 8; p < end && (*p == ' ' || *p == '\t'); p++)
		;
	if (p >= end || *p != '"')
		return NULL;
	for (q = ++p; q < end && *q != '"'; q++)
		;
	if (q >= end)
		return NULL;
	*n = (size_t)(q - p);
	return p;
}

/* The whole file at path, at most what is left of CONFIG_MAX_BYTES;
 * NULL with an error (naming where, when an @include asked for it). */
static char *
slurp(struct cfgread *r, const char *path, const char *from, int line)
{
	struct stat st;
	char *text;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)) < 0 ||
	    fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    (size_t)st.st_size > CONFIG_MAX_BYTES - r->total) {
		int en = errno;
		long long kib = (long long)st.st_size / 1024;

		if (from != NULL)
			config_where(r->c->errs, r->c->path, from, line);
		buf_printf(r->c->errs, "%s: ", path);
		if (fd < 0)
			buf_printf(r->c->errs, from ? _("cannot read the @included "
			    "file: %s\n") : _("cannot read the configuration: "
			    "%s\n"), strerror(en));
		else if (!S_ISREG(st.st_mode))
			buf_puts(r->c->errs, from ? _("the @included file is not a "
			    "file\n") : _("the configuration is not a file\n"));
		else
			buf_printf(r->c->errs, from ? _("the @included file is too "
			    "large (%lld KiB): a configuration is at most %d KiB, all "
			    "its files together\n") : _("the configuration is too "
			    "large (%lld KiB): a configuration is at most %d KiB, all "
			    "its files together\n"), kib, CONFIG_MAX_BYTES / 1024);
		r->c->nerr++;
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	text = xmalloc((size_t)st.st_size + 1);
	if (read(fd, text, (size_t)st.st_size) != st.st_size) {
		buf_printf(r->c->errs, _("%s: cannot read it whole\n"), path);
		r->c->nerr++;
		free(text);
		close(fd);
		return NULL;
	}
	close(fd);
	text[st.st_size] = '\0';
	r->total += (size_t)st.st_size;
	return text;
}

/* Checks included file path (named at from:at) and what it includes in
 * turn, depth levels down. */
static int
check_nested(struct cfgread *r, const char *path, int depth, const char *from,
    int at)
{
	char *text = slurp(r, path, from, at), *p, *eol;
	int line = 1, rc = 0;

	if (text == NULL)
		return -1;
	for (p = text; *p && rc == 0; p = eol + (*eol != '\0'), line++) {
		const char *f;
		char *inc;
		size_t n;

		eol = p + strcspn(p, "\n");
		if ((f = include_span(p, eol, &n)) == NULL)
			continue;
		inc = xasprintf("%.*s", (int)n, f);
		if (inc[0] != '/') {
			config_where(r->c->errs, r->c->path, path, line);
			buf_printf(r->c->errs, _("@include \"%s\": inside an included "
			    "file, give the absolute path\n"), inc);
			r->c->nerr++;
			rc = -1;
		} else if (depth >= CONFIG_MAX_DEPTH) {
			config_where(r->c->errs, r->c->path, path, line);
			buf_printf(r->c->errs, _("@include nested more than %d deep\n"),
			    CONFIG_MAX_DEPTH);
			r->c->nerr++;
			rc = -1;
		} else
			rc = check_nested(r, inc, depth + 1, path, line);
		free(inc);
	}
	free(text);
	return rc;
}

/*
 * The main file's text with its @include paths made absolute (lines and
 * their numbers unchanged); NULL when a file is missing or too large.
 */
char *
config_read_main(struct ctx *c, const char *path)
{
	struct cfgread r = { c, 0 };
	char *text = slurp(&r, path, NULL, 0), *p, *eol, *dir, *slash;
	struct buf out = { 0 };
	int line = 1, bad = 0;

	if (text == NULL)
		return NULL;
	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) != NULL)
		slash[slash == dir] = '\0';
	else
		strcpy(dir, ".");
	buf_add(&out, "", 0);
	for (p = text; *p; p = eol + (*eol != '\0'), line++) {
		const char *f;
		char *inc;
		size_t n;

		eol = p + strcspn(p, "\n");
		if ((f = include_span(p, eol, &n)) == NULL) {
			buf_add(&out, p, (size_t)(eol - p) + (*eol != '\0'));
			continue;
		}
		inc = f[0] == '/' ? xasprintf("%.*s", (int)n, f) :
		    xasprintf("%s/%.*s", dir, (int)n, f);
		if (check_nested(&r, inc, 1, path, line) < 0)
			bad = 1;
		buf_add(&out, p, (size_t)(f - p));
		buf_puts(&out, inc);
		buf_add(&out, f + n, (size_t)(eol - (f + n)) + (*eol != '\0'));
		free(inc);
	}
	free(dir);
	free(text);
	if (bad) {
		buf_free(&out);
		return NULL;
	}
	return out.s;
}


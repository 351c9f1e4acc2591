/*
 * pdf_libs.c - opens Cairo and Pango for the PDF (pdf_libs.h).
 */
#define PDF_LIBS_TABLE
#include "pdf_libs.h"

#include <dlfcn.h>
#include <stdio.h>

/* Pango's Cairo glue: Pango, Cairo (its PDF surface too) and GObject come
 * with it, and dlsym on it looks through them. */
#define PDF_LIB_SONAME "libpangocairo-1.0.so.0"

struct pdf_libs pdf_libs;

int
pdf_libs_open(void)
{
	void *lib;

	if (pdf_libs.cairo_create != NULL)
		return 0;
	if ((lib = dlopen(PDF_LIB_SONAME, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		fprintf(stderr, "%s\n", dlerror());
		return -1;
	}
	/* POSIX's way to a function from dlsym's object pointer. */
#define PDF_LIB_LOAD(f) \
	if ((*(void **)&pdf_libs.f = dlsym(lib, #f)) == NULL) { \
		fprintf(stderr, "%s\n", dlerror()); \
		pdf_libs.cairo_create = NULL; \
		return -1; \
	}
	PDF_LIB_CALLS(PDF_LIB_LOAD)
#undef PDF_LIB_LOAD
	return 0;
}

/*
 * pdf_libs.h - Cairo and Pango, opened only when a PDF is drawn.
 *
 * Linked in, they and what they pull (GLib, HarfBuzz, fontconfig,
 * FreeType, X11's client libraries: thirty-five shared objects) were
 * mapped, relocated and initialised by every run of callfloor, about
 * 6 ms and 14 M instructions before main, for the one verb in a hundred
 * that prints.  report_pdf.c includes this header after Cairo's and
 * Pango's own: its calls then go through the table pdf_libs_open fills,
 * in the child that renders (report_pdf.c), so the console and every
 * other verb never load them.  The libraries are opened by soname from
 * the system's directories alone (a setgid run ignores LD_LIBRARY_PATH).
 */
#ifndef CALLFLOOR_PDF_LIBS_H
#define CALLFLOOR_PDF_LIBS_H

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

/* Every function report_pdf.c calls: a table entry and a name each. */
#define PDF_LIB_CALLS(X) \
	X(cairo_create) X(cairo_destroy) X(cairo_fill) \
	X(cairo_font_options_create) X(cairo_font_options_destroy) \
	X(cairo_font_options_set_hint_metrics) \
	X(cairo_font_options_set_hint_style) X(cairo_line_to) \
	X(cairo_move_to) X(cairo_pdf_surface_create_for_stream) \
	X(cairo_pdf_surface_restrict_to_version) \
	X(cairo_pdf_surface_set_metadata) X(cairo_rectangle) \
	X(cairo_set_line_join) X(cairo_set_line_width) \
	X(cairo_set_source_rgb) X(cairo_show_page) X(cairo_status_to_string) \
	X(cairo_stroke) X(cairo_surface_destroy) X(cairo_surface_finish) \
	X(cairo_surface_status) X(g_object_unref) \
	X(pango_cairo_context_set_font_options) X(pango_cairo_create_layout) \
	X(pango_cairo_show_layout) X(pango_font_description_free) \
	X(pango_font_description_from_string) \
	X(pango_font_description_set_absolute_size) \
	X(pango_font_description_set_weight) X(pango_layout_context_changed) \
	X(pango_layout_get_context) X(pango_layout_get_size) \
	X(pango_layout_set_ellipsize) X(pango_layout_set_font_description) \
	X(pango_layout_set_text) X(pango_layout_set_width)

struct pdf_libs {
#define PDF_LIB_ENTRY(f) __typeof__(f) *f;
	PDF_LIB_CALLS(PDF_LIB_ENTRY)
#undef PDF_LIB_ENTRY
};

extern struct pdf_libs pdf_libs;

/* Opens Pango's Cairo library (and with it Pango, Cairo and GObject) and
 * fills pdf_libs.  0, or -1 with the loader's reason on stderr. */
int pdf_libs_open(void);

#ifndef PDF_LIBS_TABLE		/* pdf_libs.c names the real functions */
#define cairo_create (*pdf_libs.cairo_create)
#define cairo_destroy (*pdf_libs.cairo_destroy)
#define cairo_fill (*pdf_libs.cairo_fill)
#define cairo_font_options_create (*pdf_libs.cairo_font_options_create)
#define cairo_font_options_destroy (*pdf_libs.cairo_font_options_destroy)
#define cairo_font_options_set_hint_metrics \
	(*pdf_libs.cairo_font_options_set_hint_metrics)
#define cairo_font_options_set_hint_style \
	(*pdf_libs.cairo_font_options_set_hint_style)
#define cairo_line_to (*pdf_libs.cairo_line_to)
#define cairo_move_to (*pdf_libs.cairo_move_to)
#define cairo_pdf_surface_create_for_stream \
	(*pdf_libs.cairo_pdf_surface_create_for_stream)
#define cairo_pdf_surface_restrict_to_version \
	(*pdf_libs.cairo_pdf_surface_restrict_to_version)
#define cairo_pdf_surface_set_metadata \
	(*pdf_libs.cairo_pdf_surface_set_metadata)
#define cairo_rectangle (*pdf_libs.cairo_rectangle)
#define cairo_set_line_join (*pdf_libs.cairo_set_line_join)
#define cairo_set_line_width (*pdf_libs.cairo_set_line_width)
#define cairo_set_source_rgb (*pdf_libs.cairo_set_source_rgb)
#define cairo_show_page (*pdf_libs.cairo_show_page)
#define cairo_status_to_string (*pdf_libs.cairo_status_to_string)
#define cairo_stroke (*pdf_libs.cairo_stroke)
#define cairo_surface_destroy (*pdf_libs.cairo_surface_destroy)
#define cairo_surface_finish (*pdf_libs.cairo_surface_finish)
#define cairo_surface_status (*pdf_libs.cairo_surface_status)
#define g_object_unref (*pdf_libs.g_object_unref)
#define pango_cairo_context_set_font_options \
	(*pdf_libs.pango_cairo_context_set_font_options)
#define pango_cairo_create_layout (*pdf_libs.pango_cairo_create_layout)
#define pango_cairo_show_layout (*pdf_libs.pango_cairo_show_layout)
#define pango_font_description_free (*pdf_libs.pango_font_description_free)
#define pango_font_description_from_string \
	(*pdf_libs.pango_font_description_from_string)
#define pango_font_description_set_absolute_size \
	(*pdf_libs.pango_font_description_set_absolute_size)
#define pango_font_description_set_weight \
	(*pdf_libs.pango_font_description_set_weight)
#define pango_layout_context_changed (*pdf_libs.pango_layout_context_changed)
#define pango_layout_get_context (*pdf_libs.pango_layout_get_context)
#define pango_layout_get_size (*pdf_libs.pango_layout_get_size)
#define pango_layout_set_ellipsize (*pdf_libs.pango_layout_set_ellipsize)
#define pango_layout_set_font_description \
	(*pdf_libs.pango_layout_set_font_description)
#define pango_layout_set_text (*pdf_libs.pango_layout_set_text)
#define pango_layout_set_width (*pdf_libs.pango_layout_set_width)
#endif

#endif

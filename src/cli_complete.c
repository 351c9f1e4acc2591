/*
 * cli_complete.c - `callfloor completion`: the bash completion script,
 * made from the verb table (every verb and its options, so it cannot
 * drift from what the verbs accept), and `completion --words KIND`, the
 * floor's rule codes, staff ids, seat ids or group ids that the script
 * asks for as you type.  Reads the configuration only.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char script_head[] =
"# bash completion for callfloor; made by `callfloor completion`, from the\n"
"# same verb table the command line is parsed with.  Rule codes, staff,\n"
"# seats and groups come from the floor as you type.\n"
"_callfloor_words()\n"
"{\n"
"\tlocal i cfg=()\n"
"\tfor ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do\n"
"\t\tcase ${COMP_WORDS[i]} in\n"
"\t\t-c | --config) cfg=(-c \"${COMP_WORDS[i + 1]}\") ;;\n"
"\t\tesac\n"
"\tdone\n"
"\t\"${COMP_WORDS[0]}\" \"${cfg[@]}\" completion --words \"$1\" 2>/dev/null\n"
"}\n"
"\n"
"_callfloor()\n"
"{\n"
"\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev= verb= i opts= first=\n"
"\t((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}\n"
"\tfor ((i = 1; i < COMP_CWORD; i++)); do\n"
"\t\tcase ${COMP_WORDS[i]} in\n"
"\t\t-c | -d | --config | --db) ((i++)) ;;\n"
"\t\t-*) ;;\n"
"\t\t*) verb=${COMP_WORDS[i]}; break ;;\n"
"\t\tesac\n"
"\tdone\n"
"\tcase $prev in\n"
"\t-c | --config | -d | --db | -o | --output)\n"
"\t\tCOMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
"\t--rule) COMPREPLY=($(compgen -W \"$(_callfloor_words rules)\" -- \"$cur\")); return ;;\n"
"\t--staff) COMPREPLY=($(compgen -W \"$(_callfloor_words staff)\" -- \"$cur\")); return ;;\n"
"\t--seat) COMPREPLY=($(compgen -W \"$(_callfloor_words seats)\" -- \"$cur\")); return ;;\n"
"\t--group) COMPREPLY=($(compgen -W \"$(_callfloor_words groups)\" -- \"$cur\")); return ;;\n"
"\t--format) COMPREPLY=($(compgen -W \"text csv pdf\" -- \"$cur\")); return ;;\n"
"\t--kind) COMPREPLY=($(compgen -W \"sick personal repair complaint\" -- \"$cur\")); return ;;\n"
"\t--via) COMPREPLY=($(compgen -W \"written phone sms\" -- \"$cur\")); return ;;\n"
"\tesac\n";

/* Appends the verb's long options, " --name", to b. */
static void
long_opts(struct buf *b, const struct verb *v)
{
	const struct option *o;

	for (o = v->opts; o != NULL && o->name != NULL; o++)
		buf_printf(b, " --%s", o->name);
}

static int
print_script(void)
{
	const struct verb *const *v;
	struct buf b = { 0 };

	buf_puts(&b, script_head);
	buf_puts(&b, "\tif [[ -z $verb ]]; then\n\t\tCOMPREPLY=($(compgen -W \"");
	for (v = cli_verbs(); *v; v++)
		buf_printf(&b, "%s ", (*v)->name);
	buf_puts(&b, "-c -d -h -V --config --db --help --version\" -- \"$cur\"))\n"
	    "\t\treturn\n\tfi\n\tcase $verb in\n");
	for (v = cli_verbs(); *v; v++) {
		buf_printf(&b, "\t%s) opts=\"", (*v)->name);
		long_opts(&b, *v);
		buf_puts(&b, "\"");
		/* A verb whose first operand is a person completes staff. */
		if (strncmp((*v)->args, "STAFF", 5) == 0)
			buf_puts(&b, "; first=staff");
		buf_puts(&b, " ;;\n");
	}
	buf_puts(&b, "\tesac\n"
	    "\tif [[ $cur != -* && -n $first ]]; then\n"
	    "\t\tCOMPREPLY=($(compgen -W \"$(_callfloor_words $first)\" -- \"$cur\"))\n"
	    "\t\treturn\n\tfi\n"
	    "\tCOMPREPLY=($(compgen -W \"$opts -c -d -h --config --db --help\" "
	    "-- \"$cur\"))\n}\ncomplete -F _callfloor callfloor\n");
	fwrite(b.s, 1, b.len, stdout);
	buf_free(&b);
	return 0;
}

static int
print_words(const struct floor *f, const char *kind)
{
	struct buf b = { 0 };
	int i;

	if (strcmp(kind, "rules") == 0)
		for (i = 0; i < f->nrules; i++)
			buf_printf(&b, "%s\n", f->rules[i].code);
	else if (strcmp(kind, "staff") == 0)
		for (i = 0; i < f->nstaff; i++)
			buf_printf(&b, "%s\n", f->staff[i].id);
	else if (strcmp(kind, "seats") == 0)
		for (i = 0; i < f->nseats; i++)
			buf_printf(&b, "%s\n", f->seats[i].id);
	else if (strcmp(kind, "groups") == 0)
		for (i = 0; i < f->ngroups; i++)
			buf_printf(&b, "%s\n", f->groups[i].id);
	else
		return cli_usage("completion", _("--words '%s' is not rules, staff, "
		    "seats or groups"), kind);
	cli_print(&b);
	buf_free(&b);
	return 0;
}

static const struct option completion_opts[] = {
	{ "words", required_argument, NULL, 'w' },
	{ NULL, 0, NULL, 0 }
};

static int
completion_exec(struct cli *c, int argc, char **argv)
{
	const char *words = NULL;
	int ch;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		if (ch == 'w')
			words = optarg;
		else
			return cli_bad_option("completion", ch, argv);
	}
	if (cli_no_more("completion", argc, argv, 0) != 0)
		return EXIT_USAGE;
	return words != NULL ? print_words(c->floor, words) : print_script();
}

const struct verb verb_completion = {
	.name = "completion",
	.args = "[--words rules|staff|seats|groups]",
	.help = N_("the bash completion script (make install puts it in place)\n"
	    "With --words, the floor's rule codes, staff ids, seat ids or group\n"
	    "ids, one a line, which the script asks for as you type.\n"),
	.opts = completion_opts,
	.open = OPEN_NONE,
	.needs_actor = false,
	.exec = completion_exec,
};

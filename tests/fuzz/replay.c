/*
 * replay.c - runs fuzz_config's target over files, for builds without
 * libFuzzer (`make check` replays the corpus under gcc's sanitizers).
 *
 * usage: replay FILE...      exit 0 when every input ran
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		uint8_t *buf = NULL;
		size_t n = 0, cap = 0, r;

		if (fp == NULL) {
			perror(argv[i]);
			return 1;
		}
		do {
			if (n == cap) {
				uint8_t *more;

				cap = cap ? cap * 2 : 4096;
				if ((more = realloc(buf, cap)) == NULL) {
					free(buf);
					fclose(fp);
					return 1;
				}
				buf = more;
			}
			r = fread(buf + n, 1, cap - n, fp);
			n += r;
		} while (r > 0);
		fclose(fp);
		LLVMFuzzerTestOneInput(buf, n);
		free(buf);
	}
	printf("replay: %d inputs, no crash\n", argc - 1);
	return 0;
}

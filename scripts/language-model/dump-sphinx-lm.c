/*
 * Dumps the unigrams or bigrams of a CMU Sphinx trie language model (en-us.lm.bin) as text:
 *   order 1: "log10prob<TAB>word<TAB>log10backoff"
 *   order 2: "log10prob<TAB>first<TAB>second[<TAB>log10backoff]"
 * sphinx_lm_convert cannot do this: its ARPA writer stops on an assertion for this model (it counts
 * six bigrams fewer than the header says). This walks the same trie without that check.
 * Built and run by build.sh; needs sphinxbase's internal lm headers (from its Debian source package).
 */
#include <stdio.h>
#include <stdlib.h>
#include <sphinxbase/logmath.h>
#include <sphinxbase/ngram_model.h>
#include "ngram_model_trie.h"
#include "ngrams_raw.h"

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s MODEL.lm.bin ORDER(1|2) OUT.txt\n", argv[0]);
    return 2;
  }
  logmath_t *lmath = logmath_init(1.0001, 0, 0);
  ngram_model_t *base = ngram_model_read(NULL, argv[1], NGRAM_BIN, lmath);
  if (!base) return 1;
  ngram_model_trie_t *model = (ngram_model_trie_t *) base;
  int order = atoi(argv[2]);
  FILE *out = fopen(argv[3], "w");
  if (!out || order < 1 || order > base->n) return 1;
  if (order == 1) {
    for (uint32 j = 0; j < base->n_counts[0]; j++) {
      unigram_t *u = &model->trie->unigrams[j];
      fprintf(out, "%.4f\t%s\t%.4f\n", logmath_log_float_to_log10(lmath, u->prob), base->word_str[j],
              logmath_log_float_to_log10(lmath, u->bo));
    }
  } else {
    /* Room for more than the header's count: the walk, not the header, says how many there are. */
    size_t room = (size_t) base->n_counts[order - 1] * 2 + 1000;
    ngram_raw_t *raw = calloc(room, sizeof(*raw));
    uint32 found = 0, history[8];
    node_range_t range;
    range.begin = range.end = 0;
    lm_trie_fill_raw_ngram(model->trie, raw, &found, base->n_counts, range, history, 0, order, base->n);
    fprintf(stderr, "order %d: %u n-grams (header: %u)\n", order, found, base->n_counts[order - 1]);
    for (uint32 j = 0; j < found; j++) {
      fprintf(out, "%.4f", logmath_log_float_to_log10(lmath, raw[j].prob));
      for (int k = 0; k < order; k++) fprintf(out, "\t%s", base->word_str[raw[j].words[k]]);
      if (order < base->n) fprintf(out, "\t%.4f", logmath_log_float_to_log10(lmath, raw[j].backoff));
      fprintf(out, "\n");
    }
  }
  fclose(out);
  return 0;
}

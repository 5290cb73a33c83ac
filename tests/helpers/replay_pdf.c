/* replay_pdf.c - tests/fuzz/fuzz_pdf.c without libFuzzer. */
#include "fuzz/fuzz_pdf.c"
#include "fuzz/replay.h"

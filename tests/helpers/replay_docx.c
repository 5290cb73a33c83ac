/* replay_docx.c - tests/fuzz/fuzz_docx.c without libFuzzer. */
#include "fuzz/fuzz_docx.c"
#include "fuzz/replay.h"

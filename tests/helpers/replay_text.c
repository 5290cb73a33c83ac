/* replay_text.c - tests/fuzz/fuzz_text.c without libFuzzer. */
#include "fuzz/fuzz_text.c"
#include "fuzz/replay.h"

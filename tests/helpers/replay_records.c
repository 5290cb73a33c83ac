/* replay_records.c - tests/fuzz/fuzz_records.c without libFuzzer. */
#include "fuzz/fuzz_records.c"
#include "fuzz/replay.h"

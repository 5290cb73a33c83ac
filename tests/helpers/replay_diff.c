/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay_diff.c - tests/fuzz/fuzz_diff.c without libFuzzer. */
#include "fuzz/fuzz_diff.c"
#include "fuzz/replay.h"

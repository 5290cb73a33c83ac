/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay_text.c - tests/fuzz/fuzz_text.c without libFuzzer. */
#include "fuzz/fuzz_text.c"
#include "fuzz/replay.h"

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay_records.c - tests/fuzz/fuzz_records.c without libFuzzer. */
#include "fuzz/fuzz_records.c"
#include "fuzz/replay.h"

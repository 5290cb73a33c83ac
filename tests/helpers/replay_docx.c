/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay_docx.c - tests/fuzz/fuzz_docx.c without libFuzzer. */
#include "fuzz/fuzz_docx.c"
#include "fuzz/replay.h"

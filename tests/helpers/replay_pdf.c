/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay_pdf.c - tests/fuzz/fuzz_pdf.c without libFuzzer. */
#include "fuzz/fuzz_pdf.c"
#include "fuzz/replay.h"

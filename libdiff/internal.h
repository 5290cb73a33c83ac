/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * internal.h - every stage header at once, for the unit tests and the
 * fuzzers, which reach into any stage.  Library files include only the
 * header of their own stage (which includes the stages before it).
 */
#ifndef LIBDIFF_INTERNAL_H
#define LIBDIFF_INTERNAL_H

#include "util/util.h"
#include "sv/sv.h"
#include "docx/doc.h"
#include "clause/clause.h"
#include "diff/diff.h"
#include "consolidate/consolidate.h"
#include "render/render.h"

#endif /* LIBDIFF_INTERNAL_H */

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * parallel.c - independent tasks spread over a few threads.
 *
 * The idea: n tasks that share nothing but read-only input are claimed
 * one at a time from an atomic counter, so a long task does not hold up
 * the short ones queued behind it (the word diffs of one version pair
 * differ in length by orders of magnitude).  The calling thread is worker
 * 0 and always takes part: a thread that cannot be started only means
 * fewer hands, never a task left undone, and with threads <= 1 nothing is
 * started at all.
 */
#include <pthread.h>
#include <stdlib.h>

#include "util/util.h"

struct crew {
	void (*fn)(void *ctx, size_t task, size_t worker);
	void *ctx;
	size_t ntasks;
	size_t next;		/* the next unclaimed task (atomic) */
};

struct hand {
	struct crew *crew;
	size_t worker;
};

static void
work(struct crew *c, size_t worker)
{
	size_t t;

	while ((t = __atomic_fetch_add(&c->next, 1, __ATOMIC_RELAXED)) <
	    c->ntasks)
		c->fn(c->ctx, t, worker);
}

static void *
hand_main(void *arg)
{
	struct hand *h = arg;

	work(h->crew, h->worker);
	return NULL;
}

void
ld_parallel(size_t ntasks, size_t threads,
    void (*fn)(void *ctx, size_t task, size_t worker), void *ctx)
{
	struct crew c = { fn, ctx, ntasks, 0 };
	struct hand h[LD_MAX_THREADS];
	pthread_t tid[LD_MAX_THREADS];
	size_t i, started = 0;

	if (threads > LD_MAX_THREADS)
		threads = LD_MAX_THREADS;
	if (threads > ntasks)
		threads = ntasks;
	for (i = 1; i < threads; i++) {
		h[started].crew = &c;
		h[started].worker = started + 1;
		if (pthread_create(&tid[started], NULL, hand_main,
		    &h[started]) != 0)
			break;
		started++;
	}
	work(&c, 0);
	for (i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
}

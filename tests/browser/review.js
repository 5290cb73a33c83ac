/* SPDX-License-Identifier: GPL-3.0-or-later */
// review.js - open a kldiff --html page in headless chromium and report
// what a reviewer gets, as one JSON object on stdout:
//   units     every article's data-op / data-old-id / data-new-id
//   stats     the summary's data-stat cells, per pair
//   filters   articles displayed before and after clicking each filter
//   inline    the old column hidden, deletions shown in the new one
//   parallel  the parallel layout view: articles shown, its rows shown
//   print     controls and articles displayed when printed
//   phone     columns of a side-by-side block at 390 px
//   requests  every URL the page asked for (only the page itself)
// Screenshots at 1280 and 390 px go to SHOTDIR when given.
//
//   node review.js PAGE.html [SHOTDIR]
'use strict';
const path = require('path');
const cdp = require('./cdp.js');

const DOM = `(() => {
	const shown = (e) => getComputedStyle(e).display !== 'none' &&
	    e.offsetParent !== null;
	const count = (sel) => [...document.querySelectorAll(sel)]
	    .filter(shown).length;
	const stats = {};
	for (const sec of document.querySelectorAll('nav section.pair')) {
		const s = stats[sec.dataset.pair] = {};
		for (const td of sec.querySelectorAll('[data-stat]'))
			s[td.dataset.stat] = +td.textContent;
	}
	return {
		units: [...document.querySelectorAll('article.u')].map((a) =>
		    ({ op: a.dataset.op, old: a.dataset.oldId,
		    new: a.dataset.newId, pair: +a.dataset.pair })),
		stats,
		visible: { all: count('article.u'), ns: count('article.ns'),
		    eq: count('article.eq'), pe: count('article.pe'),
		    subst: count('article.u:not(.ns):not(.eq)') },
	};
})()`;

const VISIBLE = `(() => {
	const shown = (e) => getComputedStyle(e).display !== 'none' &&
	    e.offsetParent !== null;
	const count = (sel) => [...document.querySelectorAll(sel)]
	    .filter(shown).length;
	return { all: count('article.u'), ns: count('article.ns'),
	    eq: count('article.eq'), pe: count('article.pe'),
	    subst: count('article.u:not(.ns):not(.eq)'),
	    old_cols: count('.side > .o'), new_cols: count('.side > .n'),
	    del_in_new: count('.n del') };
})()`;

const click = (id) => `document.getElementById('${id}').click()`;

(async () => {
	const [file, shots] = process.argv.slice(2);
	const url = 'file://' + path.resolve(file);
	const b = cdp.launch(process.env.CHROMIUM || 'chromium');
	const out = {};
	try {
		const p = await cdp.page(b, url, 1280, 1000);
		Object.assign(out, await p.evaluate(DOM));
		out.filters = { start: await p.evaluate(VISIBLE) };
		// show unchanged clauses too, then hide the non-substantive
		await p.evaluate(click('f-eq'));
		out.filters.with_equal = await p.evaluate(VISIBLE);
		await p.evaluate(click('f-ns'));
		out.filters.substantive = await p.evaluate(VISIBLE);
		await p.evaluate(click('f-ns'));
		await p.evaluate(click('f-eq'));
		await p.evaluate(click('f-pe'));
		out.filters.no_period = await p.evaluate(VISIBLE);
		await p.evaluate(click('f-pe'));
		if (shots) {
			await p.screenshot(path.join(shots, 'review-1280.png'));
			await p.screenshot(path.join(shots,
			    'review-1280-clauses.png'), 'p0');
			await p.screenshot(path.join(shots,
			    'review-1280-lineage.png'), 'lineage');
		}
		await p.evaluate(click('v-inline'));
		out.inline = await p.evaluate(VISIBLE);
		const PAR = `(() => {
			const shown = (e) => e.getClientRects().length > 0;
			return { articles: [...document.querySelectorAll(
			    'article')].filter(shown).length,
			    rows: [...document.querySelectorAll(
			    '#parallel tbody tr')].filter(shown).length };
		})()`;
		out.parallel_before = await p.evaluate(PAR);
		await p.evaluate(click('v-par'));
		out.parallel = await p.evaluate(PAR);
		await p.evaluate(click('v-side'));
		// printed: no controls, the lineage table kept
		await p.send('Emulation.setEmulatedMedia', { media: 'print' });
		out.print = await p.evaluate(`(() => {
			const shown = (e) => getComputedStyle(e).display !==
			    'none';
			return { controls: [...document.querySelectorAll(
			    'input.ctl, input.ctl + label')].filter(shown).length,
			    articles: [...document.querySelectorAll('article')]
			    .filter(shown).length,
			    lineage: shown(document.getElementById('lineage') ||
			    document.body) };
		})()`);
		await p.send('Emulation.setEmulatedMedia', { media: '' });
		out.requests = p.requests;
		const q = await cdp.page(b, url, 390, 844, true);
		out.phone = await q.evaluate(`(() => {
			const s = document.querySelector('.side');
			return { columns: s ? getComputedStyle(s)
			    .gridTemplateColumns.split(' ').length : 0,
			    overflow: document.documentElement.scrollWidth >
			    window.innerWidth,
			    // tables by section cut at the right (scrolled
			    // inside their box: "Ändrade klausuler" unseen)
			    secsCut: [...document.querySelectorAll('table.secs')]
			    .filter((t) => t.scrollWidth > t.clientWidth + 1)
			    .length };
		})()`);
		if (shots) {
			await q.screenshot(path.join(shots, 'review-390.png'));
			await q.screenshot(path.join(shots,
			    'review-390-clauses.png'), 'p1');
		}
		out.requests = out.requests.concat(q.requests);
	} finally {
		await b.close();
	}
	process.stdout.write(JSON.stringify(out) + '\n');
})().catch((e) => {
	console.error('review.js: ' + e.message);
	process.exit(2);
});

/* SPDX-License-Identifier: GPL-3.0-or-later */
// responses.js - open a kldiff --base --html page in headless chromium and
// report what the drafter gets, as one JSON object on stdout:
//   rows      the matrix's rows: data-place and the marks per party
//   popup     the first conflicting mark's pop-up: shown before, on
//             focus (a click or Tab) and on hover, and its text
//   requests  every URL the page asked for (only the page itself)
// A screenshot at 1280 px with that pop-up open goes to SHOTDIR when
// given.
//
//   node responses.js PAGE.html [SHOTDIR]
'use strict';
const path = require('path');
const cdp = require('./cdp.js');

const ROWS = `(() => [...document.querySelectorAll('table.mx tr.rec')]
    .map((tr) => ({ place: tr.dataset.place,
    marks: [...tr.querySelectorAll('td')].map((td) =>
    [...td.querySelectorAll('.mk')].map((m) => m.dataset.op +
    (m.dataset.group ? ':' + m.dataset.group : '')).join(' ')) })))()`;

const POPUP = `(() => {
	const m = document.querySelector('tr.cf .mk');
	const p = m && m.querySelector('.pop');
	if (!p)
		return null;
	const r = p.getBoundingClientRect();
	return { shown: getComputedStyle(p).display !== 'none' &&
	    r.width > 0, text: p.textContent, x: r.x, y: r.y,
	    w: r.width, h: r.height };
})()`;

(async () => {
	const [file, shots] = process.argv.slice(2);
	const url = 'file://' + path.resolve(file);
	const b = cdp.launch(process.env.CHROMIUM || 'chromium');
	const out = {};
	try {
		const p = await cdp.page(b, url, 1280, 900);
		out.rows = await p.evaluate(ROWS);
		out.popup = { before: await p.evaluate(POPUP) };
		await p.evaluate(`document.querySelector('tr.cf .mk').focus()`);
		out.popup.focus = await p.evaluate(POPUP);
		if (shots)
			await p.screenshot(path.join(shots, 'responses-1280.png'),
			    'matrix');
		await p.evaluate('document.activeElement.blur()');
		out.popup.blurred = await p.evaluate(POPUP);
		// the pointer over the mark
		const c = await p.evaluate(`(() => {
			const r = document.querySelector('tr.cf .mk')
			    .getBoundingClientRect();
			return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
		})()`);
		await p.send('Input.dispatchMouseEvent', { type: 'mouseMoved',
		    x: c.x, y: c.y });
		out.popup.hover = await p.evaluate(POPUP);
		out.requests = p.requests;
	} finally {
		await b.close();
	}
	process.stdout.write(JSON.stringify(out) + '\n');
})().catch((e) => {
	console.error('responses.js: ' + e.message);
	process.exit(2);
});

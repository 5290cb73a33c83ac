/* SPDX-License-Identifier: GPL-3.0-or-later */
// cdp.js - drive Debian's chromium through the DevTools protocol over a
// pipe (--remote-debugging-pipe: commands on fd 3, replies on fd 4, each
// message ending in NUL).  No npm package: node and the browser only.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

function launch(exe) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klcdp.'));
	const args = ['--headless', '--no-sandbox', '--disable-gpu',
	    '--disable-quic', '--no-first-run',
	    '--disable-background-networking', '--disable-component-update',
	    '--disable-sync', '--hide-scrollbars', '--user-data-dir=' + dir,
	    '--remote-debugging-pipe', 'about:blank'];
	const proc = spawn(exe || 'chromium', args,
	    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
	const out = proc.stdio[3], inp = proc.stdio[4];
	let next = 1, buf = '';
	const waiting = new Map(), listeners = [];
	inp.on('data', (d) => {
		buf += d.toString('utf8');
		let k;
		while ((k = buf.indexOf('\0')) >= 0) {
			const msg = JSON.parse(buf.slice(0, k));
			buf = buf.slice(k + 1);
			if (msg.id && waiting.has(msg.id)) {
				const w = waiting.get(msg.id);
				waiting.delete(msg.id);
				if (msg.error)
					w.reject(new Error(JSON.stringify(msg.error)));
				else
					w.resolve(msg.result);
			} else if (msg.method) {
				for (const l of listeners.slice())
					l(msg);
			}
		}
	});
	function send(method, params, sessionId) {
		const id = next++;
		const m = { id, method, params: params || {} };
		if (sessionId)
			m.sessionId = sessionId;
		out.write(JSON.stringify(m) + '\0');
		return new Promise((resolve, reject) =>
		    waiting.set(id, { resolve, reject }));
	}
	function once(method, sessionId) {
		return new Promise((resolve) => {
			const l = (m) => {
				if (m.method === method &&
				    (!sessionId || m.sessionId === sessionId)) {
					listeners.splice(listeners.indexOf(l), 1);
					resolve(m.params);
				}
			};
			listeners.push(l);
		});
	}
	function on(fn) {
		listeners.push(fn);
	}
	// Browser.close lets chromium end its helpers; the profile directory
	// is removed once nothing writes to it any more.
	async function close() {
		const exited = new Promise((r) => proc.once('exit', r));
		const timer = setTimeout(() => proc.kill(), 5000);
		send('Browser.close').catch(() => proc.kill());
		await exited;
		clearTimeout(timer);
		for (let i = 0; i < 20; i++) {
			try {
				fs.rmSync(dir, { recursive: true, force: true });
				return;
			} catch (e) {
				await new Promise((r) => setTimeout(r, 100));
			}
		}
	}
	return { send, once, on, close };
}

// A page: open url at width x height; returns helpers bound to it.
async function page(b, url, width, height, mobile) {
	const { targetId } = await b.send('Target.createTarget',
	    { url: 'about:blank' });
	const { sessionId } = await b.send('Target.attachToTarget',
	    { targetId, flatten: true });
	const s = (m, p) => b.send(m, p, sessionId);
	const requests = [];
	b.on((m) => {
		if (m.sessionId === sessionId &&
		    m.method === 'Network.requestWillBeSent')
			requests.push(m.params.request.url);
	});
	await s('Page.enable');
	await s('Network.enable');
	await s('Emulation.setDeviceMetricsOverride', { width, height,
	    deviceScaleFactor: 1, mobile: !!mobile });
	const loaded = b.once('Page.loadEventFired', sessionId);
	await s('Page.navigate', { url });
	await loaded;
	async function evaluate(expr) {
		const r = await s('Runtime.evaluate', { expression: expr,
		    returnByValue: true, awaitPromise: true });
		if (r.exceptionDetails)
			throw new Error(JSON.stringify(r.exceptionDetails));
		return r.result.value;
	}
	// The viewport, scrolled to the element with that id first if given.
	async function screenshot(file, id) {
		await evaluate(id ? `document.getElementById('${id}')` +
		    '.scrollIntoView()' : 'window.scrollTo(0, 0)');
		const r = await s('Page.captureScreenshot', { format: 'png' });
		fs.writeFileSync(file, Buffer.from(r.data, 'base64'));
	}
	return { evaluate, screenshot, requests, send: s };
}

module.exports = { launch, page };

// A local HTTP sink that answers like Chatwoot's application API: create-message (the
// delivery call) and the few lookups a Chatwoot client makes. No dependencies.
// Usage: node sink.js <port>
'use strict';
const http = require('http');

const port = Number(process.argv[2] || 3999);
let nextId = 100000;
let created = 0;

function message(body, conversation) {
  let content = '';
  let echo = null;
  try { const parsed = JSON.parse(body || '{}'); content = parsed.content || ''; echo = parsed.echo_id || null; } catch (e) { /* ignored */ }
  return {
    id: ++nextId, content, inbox_id: 1, echo_id: echo, conversation_id: Number(conversation), message_type: 1,
    content_type: 'text', status: 'sent', content_attributes: echo ? { external_delivery_id: echo } : {},
    created_at: Math.floor(Date.now() / 1000), private: false, source_id: null,
    sender: { id: 3, name: 'Integration', available_name: 'Integration', avatar_url: '', type: 'user', availability_status: 'offline', thumbnail: '' },
  };
}

function contact(id) {
  return { id, name: 'Contact ' + id, email: null, phone_number: null, identifier: null, custom_attributes: {}, contact_inboxes: [{ source_id: 'src-' + id, inbox: { id: 1 } }] };
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const url = req.url.split('?')[0];
    let status = 200;
    let answer;
    let m;
    if (req.method === 'GET' && url === '/stats') {
      answer = { created };
    } else if ((m = url.match(/^\/api\/v1\/accounts\/\d+\/conversations\/(\d+)\/messages$/))) {
      if (req.method === 'POST') { created++; answer = message(body, m[1]); } else { answer = { payload: [] }; }
    } else if (url.match(/^\/api\/v1\/accounts\/\d+\/contacts\/search$/)) {
      answer = { meta: { count: 0 }, payload: [] };
    } else if (req.method === 'POST' && url.match(/^\/api\/v1\/accounts\/\d+\/contacts$/)) {
      answer = { payload: { contact: contact(++nextId) } };
    } else if (url.match(/^\/api\/v1\/accounts\/\d+\/contacts\/\d+\/conversations$/)) {
      answer = { payload: [] };
    } else if (req.method === 'POST' && url.match(/^\/api\/v1\/accounts\/\d+\/conversations$/)) {
      answer = { id: ++nextId, inbox_id: 1, status: 'open', messages: [] };
    } else {
      status = 404; answer = { error: 'not found' };
    }
    const text = JSON.stringify(answer);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  });
});
server.keepAliveTimeout = 60000;
server.listen(port, '127.0.0.1', () => console.log('sink listening on ' + port));

// Drives the local Direct Line with Microsoft's own client (botframework-directlinejs), as Web Chat does.
//   node directline-client.js <base url> <websocket|polling>
// Gets a token from the web chat session endpoint, starts the conversation, posts "hi" and waits for:
// the welcome card, the echo of its own message (with an id and its clientActivityID) and the bot's
// reply to it. Prints one JSON object on stdout; exits non-zero on timeout or error.
'use strict';

global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');
const { randomUUID } = require('node:crypto');

const [baseUrl, mode] = process.argv.slice(2);
if (!baseUrl || !['websocket', 'polling'].includes(mode)) {
  console.error('usage: node directline-client.js <base url> <websocket|polling>');
  process.exit(2);
}

const fail = message => {
  console.error(message);
  process.exit(1);
};
setTimeout(() => fail('timed out waiting for the bot'), 30000).unref();

(async () => {
  const userId = 'dl_' + randomUUID();
  const sessionResponse = await fetch(new URL('api/webchat/session', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId, locale: 'en-US' }),
  });
  if (!sessionResponse.ok) fail(`session: HTTP ${sessionResponse.status}`);
  const session = await sessionResponse.json();

  const directLine = new DirectLine({
    token: session.token,
    domain: new URL('v3/directline', baseUrl).href,
    webSocket: mode === 'websocket',
    pollingInterval: 250,
  });

  const statuses = [];
  directLine.connectionStatus$.subscribe(status => statuses.push(ConnectionStatus[status]));

  const clientActivityID = 'client-' + randomUUID();
  const received = [];
  let postedId = null;

  const done = () => {
    const welcome = received.find(a => a.from && a.from.role === 'bot' && a.attachments && a.attachments.length > 0);
    const echo = received.find(a => a.channelData && a.channelData.clientActivityID === clientActivityID);
    const reply = echo && received.find(a => a.from && a.from.role === 'bot' && a.replyToId === echo.id && a.text);
    if (!welcome || !echo || !reply || postedId === null) return;
    process.stdout.write(JSON.stringify({
      mode,
      conversationId: directLine.conversationId,
      userId,
      postedId,
      statuses,
      welcome: { id: welcome.id, contentType: welcome.attachments[0].contentType, title: welcome.attachments[0].content.body[0].text },
      echo: { id: echo.id, clientActivityID: echo.channelData.clientActivityID, text: echo.text, fromId: echo.from.id, channelId: echo.channelId },
      reply: { id: reply.id, text: reply.text, replyToId: reply.replyToId },
      receivedIds: received.map(a => a.id),
    }) + '\n');
    directLine.end();
    process.exit(0);
  };

  directLine.activity$.subscribe(activity => {
    received.push(activity);
    done();
  }, error => fail(`activity$ failed: ${error && (error.message || error.status)}`));

  directLine.postActivity({
    type: 'message',
    from: { id: userId, name: 'Test user' },
    text: 'hi',
    locale: 'en-US',
    channelData: { clientActivityID },
  }).subscribe(id => {
    postedId = id;
    done();
  }, error => fail(`postActivity failed: ${error && (error.message || error.status)}`));
})().catch(error => fail(error.stack || String(error)));

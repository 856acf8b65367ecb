// The CcapBot web chat page: the official Web Chat bundle on the local Direct Line service.
// The browser keeps a stable user id (dl_<guid>) and the chosen language in localStorage; the
// session endpoint answers with a token for that user's conversation, so a reload resumes it.
// In Development, when a demo coordinator identity is configured, a clearly labelled switch lets
// the page chat as that coordinator instead (the server never offers it outside Development).
(() => {
  'use strict';

  const USER_KEY = 'ccapbot.webchat.userId';
  const LANGUAGE_KEY = 'ccapbot.webchat.language';
  const DEMO_KEY = 'ccapbot.webchat.demoCoordinator';
  const SET_LANGUAGE = 'language.set'; // OnboardingVerbs.SetLanguage
  const CULTURES = { en: 'en-US', vi: 'vi-VN' };
  const TEXT = {
    en: { loading: 'Loading the chat…', failed: 'The chat could not start. Please reload the page.', group: 'Language', region: 'Chat with CcapBot', demo: 'Act as demo coordinator (development only)' },
    vi: { loading: 'Đang tải cuộc trò chuyện…', failed: 'Không thể bắt đầu cuộc trò chuyện. Vui lòng tải lại trang.', group: 'Ngôn ngữ', region: 'Trò chuyện với CcapBot', demo: 'Đóng vai điều phối viên thử nghiệm (chỉ khi phát triển)' },
  };

  const status = document.getElementById('status');
  const container = document.getElementById('webchat');
  const buttons = Array.from(document.querySelectorAll('[data-language]'));
  const demo = document.getElementById('demo');
  const demoToggle = document.getElementById('demo-toggle');
  let demoUserId = null; // set when the server offers the demo coordinator (Development only)

  // crypto.randomUUID needs a secure context; getRandomValues works on plain http too.
  function newGuid() {
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  function stored(key) {
    try { return localStorage.getItem(key); } catch { return null; }
  }

  function store(key, value) {
    try { localStorage.setItem(key, value); } catch { /* private mode: this visit only */ }
  }

  function userId() {
    if (demoUserId && stored(DEMO_KEY) === '1') return demoUserId;
    let id = stored(USER_KEY);
    if (!/^dl_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id || '')) {
      id = 'dl_' + newGuid();
      store(USER_KEY, id);
    }
    return id;
  }

  let language = CULTURES[stored(LANGUAGE_KEY)] ? stored(LANGUAGE_KEY)
    : (navigator.language || '').toLowerCase().startsWith('vi') ? 'vi' : 'en';
  let chat = null; // { directLine, store }

  function applyLanguage() {
    document.documentElement.lang = language;
    document.querySelector('.languages').setAttribute('aria-label', TEXT[language].group);
    container.setAttribute('aria-label', TEXT[language].region);
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.language === language));
    document.getElementById('demo-label').textContent = TEXT[language].demo;
  }

  // 404 outside Development or without Coordinators:DemoIdentity: no switch.
  async function offerDemo() {
    try {
      const response = await fetch('api/webchat/demo-coordinator');
      if (!response.ok) return;
      demoUserId = (await response.json()).userId;
    } catch {
      return;
    }
    demoToggle.checked = stored(DEMO_KEY) === '1';
    demo.hidden = false;
    // Another identity is another conversation: start over as that user.
    demoToggle.addEventListener('change', () => {
      store(DEMO_KEY, demoToggle.checked ? '1' : '0');
      location.reload();
    });
  }

  function render() {
    window.WebChat.renderWebChat({
      directLine: chat.directLine,
      store: chat.store,
      locale: CULTURES[language],
      styleOptions: { hideUploadButton: true, rootHeight: '100%' },
    }, container);
  }

  // tellBot: false when the choice came from the chat itself (the welcome card's language button).
  function setLanguage(next, tellBot) {
    if (!CULTURES[next] || next === language) return;
    language = next;
    store(LANGUAGE_KEY, language);
    applyLanguage();
    if (!chat) return;
    render();
    if (tellBot) {
      // A post back: the bot stores the choice and answers in it; Web Chat shows no bubble for it.
      chat.store.dispatch({ type: 'WEB_CHAT/SEND_POST_BACK', payload: { value: { verb: SET_LANGUAGE, language } } });
    }
  }

  async function start() {
    applyLanguage();
    // Only a page already switched to the demo coordinator needs the answer before its session starts.
    const demoOffered = offerDemo();
    if (stored(DEMO_KEY) === '1') await demoOffered;
    status.textContent = TEXT[language].loading;
    const response = await fetch('api/webchat/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: userId(), locale: CULTURES[language] }),
    });
    if (!response.ok) throw new Error(`session: HTTP ${response.status}`);
    const session = await response.json();

    const directLine = window.WebChat.createDirectLine({
      token: session.token,
      domain: new URL('v3/directline', document.baseURI).href,
      webSocket: true,
      // A started conversation is resumed: reconnect replays the stream from the first activity.
      ...(session.resume ? { conversationId: session.conversationId, watermark: '0' } : {}),
      conversationStartProperties: { locale: CULTURES[language] },
    });
    const webChatStore = window.WebChat.createStore({}, () => next => action => {
      const value = action.type === 'DIRECT_LINE/POST_ACTIVITY' && action.payload.activity.value;
      if (value && value.verb === SET_LANGUAGE && typeof value.language === 'string') setLanguage(value.language, false);
      return next(action);
    });
    chat = { directLine, store: webChatStore };
    status.textContent = '';
    render();
  }

  for (const button of buttons) button.addEventListener('click', () => setLanguage(button.dataset.language, true));

  start().catch(error => {
    console.error(error);
    status.textContent = TEXT[language].failed;
  });
})();

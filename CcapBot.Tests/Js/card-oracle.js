// Oracle for card templates: expands each template with the official adaptivecards-templating and parses each
// finished card with the official adaptivecards renderer (in jsdom). One run for the whole manifest.
// Usage: node card-oracle.js <manifest.json>  → JSON on stdout: [{name, expanded, error, cards:[{events, version}]}]
'use strict';
const fs = require('fs');
const { JSDOM } = require('jsdom');

const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>');
for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'Node', 'Element', 'DocumentFragment']) {
  global[key] = key === 'window' ? dom.window : dom.window[key];
}
const AC = require('adaptivecards/dist/adaptivecards.js');
const ACData = require('adaptivecards-templating');

const manifest = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const results = manifest.map(entry => {
  const result = { name: entry.name, expanded: null, error: null, warnings: [], cards: [] };
  try {
    const template = new ACData.Template(entry.template);
    result.expanded = template.expand({ $root: entry.data });
    // The official engine warns for every $when that is false, so warnings are kept for diagnosis only.
    result.warnings = template.getLastTemplateExpansionWarnings();
  } catch (e) {
    result.error = String(e && e.message || e);
  }
  for (const card of entry.cards || []) {
    const parsed = new AC.AdaptiveCard();
    const context = new AC.SerializationContext();
    parsed.parse(card, context);
    const events = [];
    for (let i = 0; i < context.eventCount; i++) {
      const e = context.getEventAt(i);
      events.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
    }
    for (const e of parsed.validateProperties().validationEvents) events.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
    result.cards.push({ events, version: parsed.version ? parsed.version.toString() : null });
  }
  return result;
});
process.stdout.write(JSON.stringify(results));

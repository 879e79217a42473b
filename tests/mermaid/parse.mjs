// Reads a Mermaid flowchart with Mermaid's own parser and prints what it
// understood as JSON, for the tests in tests/io/mermaid_writer_test.cpp.
//
//   node parse.mjs FILE.mmd
//
// Mermaid needs a DOM even to parse (it sanitises labels with DOMPurify), so
// jsdom provides one. Labels are given as a reader sees them: Mermaid's
// entity codes decoded as its renderer decodes them, then the HTML read as a
// browser reads it, with <br> as a line break. On a parse error this prints
// {"error": message} and exits with status 1.

import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import yaml from 'js-yaml';

const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

// What Mermaid's renderer does with a label before it becomes HTML (the
// placeholders its parser leaves for #name; and #123; codes), then what a
// browser shows of that HTML.
function shown(text) {
  const html = String(text)
    .replace(/ﬂ°°/g, '&#')
    .replace(/ﬂ°/g, '&')
    .replace(/¶ß/g, ';')
    .replace(/<br\s*\/?>/gi, '\n');
  const div = dom.window.document.createElement('div');
  div.innerHTML = html;
  return div.textContent;
}

const text = readFileSync(process.argv[2], 'utf8');
try {
  // The title, read from the front matter as Mermaid reads it.
  let title = null;
  const front = text.match(/^-{3}\s*[\n\r](.*?)[\n\r]-{3}\s*[\n\r]+/s);
  if (front) {
    const meta = yaml.load(front[1], { schema: yaml.JSON_SCHEMA }) ?? {};
    if (meta.title !== undefined) title = String(meta.title);
  }
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text, title === null ? {} : { title });
  const db = diagram.db;
  const nodes = [];
  for (const [id, v] of db.getVertices()) {
    nodes.push({ id, label: shown(v.text), raw: v.text, shape: v.type ?? null, classes: [...v.classes], styles: v.styles });
  }
  const edges = db.getEdges().map((e) => ({
    start: e.start,
    end: e.end,
    type: e.type,
    stroke: e.stroke,
    style: e.style ?? [],
  }));
  const subgraphs = db.getSubGraphs().map((s) => ({ id: s.id, title: shown(s.title), nodes: s.nodes }));
  const classes = {};
  for (const [name, c] of db.getClasses()) classes[name] = c.styles;
  console.log(
    JSON.stringify({
      type: diagram.type,
      direction: db.getDirection(),
      title,
      drawn_title: title === null ? null : db.getDiagramTitle(),
      nodes,
      edges,
      subgraphs,
      classes,
    })
  );
} catch (e) {
  console.log(JSON.stringify({ error: String(e?.message ?? e) }));
  process.exit(1);
}

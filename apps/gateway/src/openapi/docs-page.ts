import { createHash } from 'node:crypto';
import type { JsonObject, OpenApiDocument } from './openapi-document';

/**
 * The browsable reference (GET /docs): the document rendered as one self-contained HTML
 * page, without scripts and without anything fetched from elsewhere (the machines may be
 * offline, and a page that runs no script needs no script in its CSP).
 */

const STYLE = `
:root { color-scheme: light dark; --line: #8884; --muted: #888; }
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 2rem 4rem; }
h1 { margin-bottom: 0; } h2 { border-bottom: 1px solid var(--line); margin-top: 2.5rem; }
code, pre { font: 13px/1.45 ui-monospace, monospace; }
pre { background: #8881; border-radius: 4px; overflow-x: auto; padding: .5rem .75rem; }
details.op { border: 1px solid var(--line); border-radius: 6px; margin: .5rem 0; }
details.op > summary { cursor: pointer; padding: .4rem .75rem; }
details.op > div { border-top: 1px solid var(--line); padding: .25rem 1rem 1rem; }
.method { border-radius: 3px; color: #fff; display: inline-block; font-weight: 600; min-width: 4.2rem; text-align: center; }
.get { background: #2f6fb0; } .post { background: #2d8a4e; } .put, .patch { background: #b07a1f; } .delete { background: #b03a2f; }
.lock { color: var(--muted); font-size: .85em; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
.muted { color: var(--muted); }
nav ul { columns: 2; }
`;

/** The page's Content-Security-Policy: only its own inline style (by hash), nothing else. */
export const DOCS_CONTENT_SECURITY_POLICY = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The little Markdown the descriptions use: `code`, **strong**, paragraphs and "- " lists. */
function markdown(text: string): string {
  const inline = (line: string) =>
    escape(line)
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  const blocks: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length > 0) blocks.push(`<ul>${list.map((item) => `<li>${item}</li>`).join('')}</ul>`);
    list = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('- ')) list.push(inline(line.slice(2)));
    else {
      flush();
      if (line.trim() !== '') blocks.push(`<p>${inline(line)}</p>`);
    }
  }
  flush();
  return blocks.join('\n');
}

/** JSON, escaped, with each `$ref` to a component a link to its section. */
function json(value: unknown): string {
  return `<pre>${escape(JSON.stringify(value, null, 2)).replace(
    /&quot;#\/components\/(\w+)\/([\w.-]+)&quot;/g,
    (_match, kind: string, name: string) => `<a href="#${kind}-${name}">&quot;#/components/${kind}/${name}&quot;</a>`,
  )}</pre>`;
}

function resolve(document: OpenApiDocument, value: unknown): JsonObject {
  const item = (value ?? {}) as JsonObject;
  const target = typeof item.$ref === 'string' ? /^#\/components\/(\w+)\/(.+)$/.exec(item.$ref) : null;
  if (!target) return item;
  const group = document.components[target[1]] as Record<string, JsonObject> | undefined;
  return group?.[target[2]] ?? item;
}

function parametersTable(document: OpenApiDocument, parameters: unknown[]): string {
  if (parameters.length === 0) return '';
  const rows = parameters.map((raw) => {
    const parameter = resolve(document, raw);
    return `<tr><td><code>${escape(String(parameter.name))}</code></td><td>${escape(String(parameter.in))}</td><td>${parameter.required ? 'yes' : 'no'}</td><td>${markdown(String(parameter.description ?? ''))}${json(parameter.schema)}</td></tr>`;
  });
  return `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>required</th><th>description</th></tr>${rows.join('')}</table>`;
}

function contentOf(content: unknown): string {
  return Object.entries((content ?? {}) as Record<string, { schema?: unknown }>)
    .map(([type, media]) => `<div class="muted">${escape(type)}</div>${json(media.schema)}`)
    .join('');
}

function operationSection(document: OpenApiDocument, method: string, path: string, operation: JsonObject): string {
  const id = escape(String(operation.operationId));
  const secured = Array.isArray(operation.security) && operation.security.length > 0;
  const body = operation.requestBody as { content?: unknown } | undefined;
  const responses = Object.entries((operation.responses ?? {}) as Record<string, JsonObject>).map(
    ([status, response]) => `<tr><td><strong>${escape(status)}</strong></td><td>${markdown(String(response.description ?? ''))}${contentOf(response.content)}</td></tr>`,
  );
  return `<details class="op" id="op-${id}">
<summary><span class="method ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code> ${escape(String(operation.summary ?? ''))}${secured ? ' <span class="lock">🔒 bearer</span>' : ''}</summary>
<div>
${markdown(String(operation.description ?? ''))}
<p class="muted">operationId <code>${id}</code></p>
${parametersTable(document, (operation.parameters ?? []) as unknown[])}
${body ? `<h4>Request body</h4>${contentOf(body.content)}` : ''}
<h4>Responses</h4><table><tr><th>status</th><th>answer</th></tr>${responses.join('')}</table>
</div>
</details>`;
}

export function renderDocsPage(document: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const tag = ((operation.tags as string[] | undefined) ?? ['default'])[0];
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationSection(document, method, path, operation)]);
    }
  }
  const tagNames = [...byTag.keys()].sort();
  const descriptions = new Map(document.tags.map((tag) => [tag.name, tag.description ?? '']));
  const sections = tagNames.map(
    (tag) => `<section id="tag-${escape(tag)}"><h2>${escape(tag)}</h2>${markdown(descriptions.get(tag) ?? '')}${(byTag.get(tag) ?? []).join('\n')}</section>`,
  );
  const schemas = Object.entries(document.components.schemas).map(
    ([name, schema]) => `<section id="schemas-${escape(name)}"><h3>${escape(name)}</h3>${json(schema)}</section>`,
  );
  const shared = (['parameters', 'headers'] as const).flatMap((kind) =>
    Object.entries((document.components[kind] ?? {}) as Record<string, unknown>).map(
      ([name, value]) => `<section id="${kind}-${escape(name)}"><h3>${kind}: ${escape(name)}</h3>${json(value)}</section>`,
    ),
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(document.info.title)} ${escape(document.info.version)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escape(document.info.title)}</h1>
<p class="muted">version ${escape(document.info.version)} · OpenAPI ${escape(document.openapi)} · <a href="/openapi.json">openapi.json</a></p>
</header>
${markdown(document.info.description)}
<nav><h2>Contents</h2><ul>${tagNames.map((tag) => `<li><a href="#tag-${escape(tag)}">${escape(tag)}</a></li>`).join('')}<li><a href="#schemas">schemas</a></li></ul></nav>
${sections.join('\n')}
<section id="schemas"><h2>Schemas</h2>${schemas.join('\n')}${shared.join('\n')}</section>
</body>
</html>
`;
}

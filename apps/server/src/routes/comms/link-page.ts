/**
 * The tiny HTML page of a one-click link. No script and no inline style (the CSP is
 * strict); the action is a POST form, so a mail scanner prefetching the GET changes nothing.
 */
import type { LinkPage } from '@domain/comms/index.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export function renderLinkPage(page: LinkPage, token: string): string {
  const form = page.form
    ? `<form method="post" action="/r/${escapeHtml(encodeURIComponent(token))}">
<input type="hidden" name="action" value="${escapeHtml(page.form.action)}">
<button type="submit">${escapeHtml(page.form.button)}</button>
</form>`
    : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(page.title)}</title></head>
<body>
<main>
<h1>${escapeHtml(page.title)}</h1>
<p>${escapeHtml(page.detail)}</p>
${form}
</main>
</body>
</html>
`;
}

/** The report's markup helpers: every interpolated value is escaped unless it is SafeHtml. */
import { describe, expect, it } from 'vitest';
import { coord, cssString, escapeHtml, html, join, raw } from '../../../../server/domain/report/html.js';

describe('html', () => {
  it('escapes text and attribute values', () => {
    const name = `<script>alert("x")</script> & 'y'`;
    expect(html`<p title="${name}">${name}</p>`.html).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    );
  });

  it('keeps SafeHtml, joins arrays and drops empty values', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${['a', '<', html`<br />`]}${null}${undefined}${false}${3}</p>`.html).toBe(
      '<p><b>&lt;i&gt;</b>a&lt;<br />3</p>',
    );
    expect(join(['<', raw('<hr>')], ' | ').html).toBe('&lt; | <hr>');
    expect(html`${Number.NaN}`.html).toBe('');
  });

  it('escapes every HTML special character', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

describe('cssString', () => {
  it('cannot end the string or the style element', () => {
    const value = cssString('a"b\\c</style><script>');
    expect(value.startsWith('"') && value.endsWith('"')).toBe(true);
    expect(value.slice(1, -1)).not.toMatch(/["<>]/);
    expect(value).toContain('\\22 ');
    expect(cssString('Sayfa ŞİĞ 1')).toBe('"Sayfa ŞİĞ 1"');
  });
});

describe('coord', () => {
  it('rounds to one decimal without a negative zero', () => {
    expect(coord(12.345)).toBe('12.3');
    expect(coord(-0.04)).toBe('0');
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mapOffsetsToRange } from '../../../../../content-scripts/annotate/scan/map-offsets-to-range.ts';
import {
  createBlockWalker,
  type TextBlock,
} from '../../../../../content-scripts/annotate/scan/walk-text-blocks.ts';

function collectBlocks(html: string, shadowRoots: ShadowRoot[] = []): TextBlock[] {
  document.body.innerHTML = html;
  const walker = createBlockWalker(document.body, (root) => shadowRoots.push(root));
  const blocks: TextBlock[] = [];
  for (let block = walker.nextBlock(); block; block = walker.nextBlock()) blocks.push(block);
  return blocks;
}

describe('walk-text-blocks', () => {
  describe('createBlockWalker', () => {
    it('joins text across inline elements into one block per paragraph', () => {
      const blocks = collectBlocks('<p>Vladimir <b>Pu<i>tin</i></b> spoke.</p><p>Next paragraph</p>');
      expect(blocks.map((block) => block.text)).toEqual(['Vladimir Putin spoke.', 'Next paragraph']);
      expect(blocks[0]?.nodes).toHaveLength(4);
    });

    it('skips scripts, styles, form fields, editors, hidden content and our own host', () => {
      const blocks = collectBlocks(`
        <p>kept</p>
        <script>var Putin = 1;</script><style>.Putin{}</style>
        <textarea>Putin</textarea><select><option>Putin</option></select>
        <div contenteditable="true"><p>Putin</p></div><div contenteditable="false"><p>also kept</p></div>
        <div hidden><p>Putin</p></div><div aria-hidden="true">Putin</div>
        <div role="textbox">Putin</div>
        <context-cards-host>Putin</context-cards-host>`);
      const texts = blocks.map((block) => block.text.trim()).filter(Boolean);
      expect(texts).toEqual(['kept', 'also kept']);
    });

    it('separates words at a line break', () => {
      const blocks = collectBlocks('<p>Putin<br>Lavrov</p>');
      expect(blocks[0]?.text).toBe('Putin\nLavrov');
    });

    it('hands open shadow roots to the caller to be walked on their own', () => {
      const roots: ShadowRoot[] = [];
      document.body.innerHTML = '<div id="host"></div>';
      const host = document.getElementById('host') as HTMLElement;
      host.attachShadow({ mode: 'open' }).innerHTML = '<p>Inside Kabul</p>';
      const walker = createBlockWalker(document.body, (root) => roots.push(root));
      while (walker.nextBlock()) {
        // walk to the end
      }
      expect(roots).toHaveLength(1);
      const inner = createBlockWalker(roots[0] as ShadowRoot, () => undefined).nextBlock();
      expect(inner?.text).toBe('Inside Kabul');
    });

    it('hands over the shadow root of the element it starts from (a component re-scanned on its own)', () => {
      const roots: ShadowRoot[] = [];
      document.body.innerHTML = '<news-teaser id="host">light text</news-teaser>';
      const host = document.getElementById('host') as HTMLElement;
      const shadowRoot = host.attachShadow({ mode: 'open' });
      shadowRoot.innerHTML = '<p>Inside Kabul</p>';
      const walker = createBlockWalker(host, (root) => roots.push(root));
      while (walker.nextBlock()) {
        // walk to the end
      }
      expect(roots).toEqual([shadowRoot]);
    });
  });
});

describe('map-offsets-to-range', () => {
  describe('mapOffsetsToRange', () => {
    it('maps a phrase that spans several text nodes back to an exact DOM range', () => {
      const [block] = collectBlocks('<p>Met <a href="#">Sergey</a> <b>Lavrov</b> today</p>');
      const start = block?.text.indexOf('Sergey Lavrov') ?? -1;
      const position = mapOffsetsToRange(block as TextBlock, start, start + 'Sergey Lavrov'.length);
      expect(position?.range.toString()).toBe('Sergey Lavrov');
      expect(position?.nodes.map((node) => node.data)).toEqual(['Sergey', ' ', 'Lavrov']);
    });

    it('returns undefined for an empty span', () => {
      const [block] = collectBlocks('<p>Kabul</p>');
      expect(mapOffsetsToRange(block as TextBlock, 2, 2)).toBeUndefined();
    });
  });
});

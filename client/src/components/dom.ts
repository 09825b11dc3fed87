/**
 * A small element builder for the views: properties and listeners in one object, children as nodes
 * or text. Text always goes through text nodes, never innerHTML, so names from the data cannot inject
 * markup.
 */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

type Listener = (event: Event) => void;

export interface Props {
  class?: string | undefined;
  id?: string | undefined;
  text?: string | undefined;
  style?: Partial<Record<string, string>> | undefined;
  dataset?: Record<string, string> | undefined;
  on?: Partial<Record<string, Listener>> | undefined;
  [attribute: string]: unknown;
}

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const item of child as readonly Child[]) append(parent, item);
    return;
  }
  parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
}

function applyProps(element: Element, props: Props): void {
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') element.setAttribute('class', String(value));
    else if (key === 'text') element.textContent = String(value);
    else if (key === 'style') {
      for (const [name, v] of Object.entries(value as Record<string, string>)) {
        (element as HTMLElement).style.setProperty(name, v);
      }
    } else if (key === 'dataset') {
      for (const [name, v] of Object.entries(value as Record<string, string>)) {
        (element as HTMLElement).dataset[name] = v;
      }
    } else if (key === 'on') {
      for (const [name, listener] of Object.entries(value as Record<string, Listener>)) {
        element.addEventListener(name, listener);
      }
    } else if (key === 'value' && 'value' in element) {
      (element as HTMLInputElement).value = String(value);
    } else if (key === 'checked' && element instanceof HTMLInputElement) {
      element.checked = value === true;
    } else if (key === 'selected' && element instanceof HTMLOptionElement) {
      element.selected = value === true;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props) applyProps(element, props);
  for (const child of children) append(element, child);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  if (props) applyProps(element, props);
  for (const child of children) append(element, child);
  return element;
}

/** Replaces the children of `parent`. */
export function render(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  for (const child of children) append(parent, child);
}

/** Keeps keyboard focus on the "same" control across a re-render (matched by its data-focus-key). */
export function preservingFocus(root: Element, rerender: () => void): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && root.contains(active) ? active.dataset.focusKey : undefined;
  const selection =
    active instanceof HTMLInputElement && active.type === 'text'
      ? [active.selectionStart, active.selectionEnd]
      : null;
  rerender();
  if (key === undefined) return;
  const next = root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
  if (!next) return;
  next.focus({ preventScroll: true });
  if (selection && next instanceof HTMLInputElement) next.setSelectionRange(selection[0], selection[1]);
}

let idCounter = 0;
export function uid(prefix: string): string {
  idCounter++;
  return `${prefix}-${idCounter}`;
}

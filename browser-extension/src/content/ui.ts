import type { Finding } from '@preach/browser';

/**
 * Everything preach draws on a page lives in one shadow root above it, so the help desk's styles
 * never reach it and it never changes the help desk's own DOM (nor the reply).
 */
export interface Layer {
  host: HTMLElement;
  root: ShadowRoot;
  marks: HTMLElement;
  card: HTMLElement;
  badge: HTMLElement;
  menu: HTMLElement;
}

const COLOURS: Record<Finding['severity'], string> = { error: '#d93025', warning: '#e8710a', suggestion: '#1a73e8' };

const STYLE = `
:host { all: initial; }
.marks, .card, .badge, .menu { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #202124; }
.marks { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; }
.mark { position: fixed; height: 2px; border-radius: 1px; opacity: .85; }
.mark[data-severity="error"] { background: ${COLOURS.error}; }
.mark[data-severity="warning"] { background: ${COLOURS.warning}; }
.mark[data-severity="suggestion"] { background: ${COLOURS.suggestion}; }
.card { position: fixed; z-index: 2147483647; max-width: 360px; background: #fff; border: 1px solid #dadce0; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 12px 14px; }
.card[hidden], .menu[hidden], .badge[hidden] { display: none; }
.card .rule { font-size: 11px; color: #5f6368; text-transform: uppercase; letter-spacing: .04em; }
.card .message { font-weight: 600; margin: 4px 0; }
.card .note, .card .why { color: #3c4043; margin: 4px 0; }
.card .why { font-size: 12px; color: #5f6368; }
.card .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.card button, .menu button, .menu select { font: inherit; border-radius: 4px; border: 1px solid #dadce0; background: #f8f9fa; padding: 3px 8px; cursor: pointer; }
.card button.fix { background: #e8f0fe; border-color: #1a73e8; color: #174ea6; font-weight: 600; }
.card a { color: #1a73e8; font-size: 12px; }
.badge { position: fixed; z-index: 2147483646; border-radius: 12px; padding: 2px 9px; font-size: 12px; font-weight: 600; color: #fff; background: #188038; cursor: pointer; border: 0; box-shadow: 0 1px 3px rgba(0,0,0,.25); }
.badge[data-level="mid"] { background: #e8710a; }
.badge[data-level="low"] { background: #d93025; }
.badge[data-busy] { opacity: .7; }
.menu { position: fixed; z-index: 2147483647; background: #fff; border: 1px solid #dadce0; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 10px 12px; min-width: 240px; }
.menu label { display: block; font-size: 12px; color: #5f6368; margin: 6px 0 2px; }
.menu .reason { font-size: 12px; color: #5f6368; }
`;

export function createLayer(): Layer {
  const host = document.createElement('preach-layer');
  host.setAttribute('aria-live', 'polite');
  // Open, so pages' tests and accessibility tools can see into it; nothing in it is page data.
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const marks = element('div', { class: 'marks', 'data-preach-marks': '' });
  const card = element('div', { class: 'card', 'data-preach-card': '', role: 'dialog', hidden: '' });
  const badge = element('button', { class: 'badge', 'data-preach-badge': '', type: 'button', hidden: '' });
  const menu = element('div', { class: 'menu', 'data-preach-menu': '', role: 'dialog', hidden: '' });
  root.append(style, marks, card, badge, menu);
  document.documentElement.appendChild(host);
  return { host, root, marks, card, badge, menu };
}

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function scoreLevel(score: number): 'high' | 'mid' | 'low' {
  return score >= 80 ? 'high' : score >= 50 ? 'mid' : 'low';
}

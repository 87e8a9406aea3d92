'use client';
import { createContext, useContext, type ComponentType } from 'react';
import type { ToolCallPart } from '../../core/messages.js';

/** What a tool's own view receives. */
export interface ToolRendererProps {
  /** The call as it stands: its arguments, state, result or error. */
  call: ToolCallPart;
  /**
   * Answers a call that waits in `awaiting-result` (a form, an approval): the answer goes on once every call of its
   * step has one. Absent where nothing can answer (a message shown outside a chat).
   */
  addResult?: (result: unknown) => void;
}

/** Views of the host's tools by tool name, in place of the generic `ToolCallView`. */
export type ToolRenderers = { readonly [toolName: string]: ComponentType<ToolRendererProps> };

const none: ToolRenderers = {};

/** The tool views of the nearest `ChatRoot` (its `toolRenderers`). */
export const ToolRenderersContext = createContext<ToolRenderers>(none);

/** The host's view of a tool, if it gave one. Own names only: a model that calls "constructor" gets the generic view. */
export function rendererFor(renderers: ToolRenderers, toolName: string): ComponentType<ToolRendererProps> | undefined {
  return Object.hasOwn(renderers, toolName) ? renderers[toolName] : undefined;
}

/** The tool views in scope. */
export const useToolRenderers = (): ToolRenderers => useContext(ToolRenderersContext);

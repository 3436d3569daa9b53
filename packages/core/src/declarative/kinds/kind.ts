import type { RuleContext } from '../../types.js';

/** A declarative rule's parameters (its kind-specific keys), after config options are merged in. */
export type Params = Record<string, any>;

/** Refuses a rule definition at `keyPath` (below the rule), with a message and an optional hint. */
export type Refuse = (keyPath: Array<string | number>, message: string, hint?: string) => void;

/**
 * Everything about one kind of declarative rule (`kind: existence`, …), in one place: the rest of
 * preach (the rule schema, the compiler, `preach explain`, the editor) asks the kind and knows
 * none of them by name. A new kind is a new file beside the others, listed in `index.ts`.
 */
export interface RuleKind {
  /** The `kind:` value in a rule file. */
  name: string;
  /**
   * JSON Schema of the kind's own keys in a rule file; they are also the options `.preachrc`
   * and an example's `options` may override.
   */
  parameters: Record<string, unknown>;
  /** Parameters a rule of this kind must give. */
  required?: string[];
  /** Schema keywords over the parameters as a whole (`preachExpression: 'swap'`). */
  keywords?: Record<string, unknown>;
  /** Placeholders the kind fills in a message, besides the conversation's (`CONTEXT_PLACEHOLDERS`). */
  placeholders: readonly string[];
  /** Whether its reports carry fixes. */
  fixable: boolean;
  /** What the schema cannot say: keys that only make sense together, bounds no reply could meet. */
  validate?(definition: Params, refuse: Refuse): void;
  /** Checks one reply with the rule's parameters, reporting with its message template. */
  check(context: RuleContext, params: Params, message: string): void;
  /** One line saying what a rule of this kind looks for with these options (`preach explain`). */
  summary(options: Params): string;
  /**
   * True when what it finds in a paragraph never depends on the rest of the reply, so an editor
   * may re-check only the paragraph being edited.
   */
  paragraphLocal(options: Params): boolean;
}

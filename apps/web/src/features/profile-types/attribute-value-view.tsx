import { DateTime } from '../../ui/date-time.tsx';
import { Missing } from '../../ui/details.tsx';
import { JsonValue } from '../source-records/json-value.tsx';
import type { ValueDefinition } from './attribute-value.drafts.ts';

/** A stored value as text: as it is when it is text or a number, else as JSON. */
function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function optionLabel(definition: ValueDefinition, value: unknown): string {
  return definition.options.find((option) => option.value === value)?.label ?? textOf(value);
}

/** A stored value as people read it: options by their labels, yes or no, a time in the reader's zone, links. */
export function AttributeValueView({ definition, value }: { definition: ValueDefinition; value: unknown }) {
  if (value === undefined || value === null) return <Missing />;
  switch (definition.dataType) {
    case 'boolean':
      return value === true ? 'Yes' : 'No';
    case 'date_time':
      return typeof value === 'string' ? <DateTime value={new Date(value)} /> : textOf(value);
    case 'single_select':
      return optionLabel(definition, value);
    case 'multi_select':
      return Array.isArray(value) ? (
        <ul className="chips">
          {value.map((item) => (
            <li key={textOf(item)} className="badge badge-muted">
              {optionLabel(definition, item)}
            </li>
          ))}
        </ul>
      ) : (
        textOf(value)
      );
    case 'money': {
      const money = value as { amount?: unknown; currency?: unknown };
      return `${textOf(money.amount)} ${textOf(money.currency)}`;
    }
    case 'email':
      return <a href={`mailto:${textOf(value)}`}>{textOf(value)}</a>;
    case 'phone':
      return <a href={`tel:${textOf(value)}`}>{textOf(value)}</a>;
    case 'url':
      return (
        <a href={textOf(value)} rel="noreferrer noopener" target="_blank">
          {textOf(value)}
        </a>
      );
    case 'long_text':
      return <span className="pre-line">{textOf(value)}</span>;
    case 'json':
      return <JsonValue value={value} />;
    default:
      return textOf(value);
  }
}

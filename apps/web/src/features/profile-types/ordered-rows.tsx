import type { ReactNode } from 'react';
import { FieldMessages } from '../../ui/field-frame.tsx';
import { useMoveFocus } from '../../ui/use-move-focus.ts';
import { moved, without } from './ordered-list.ts';

/** The id of a row's button, so the focus can follow a row that moved. */
const orderButtonId = (listId: string, index: number, action: 'up' | 'down' | 'remove') =>
  `${listId}-${index}-${action}`;

interface OrderButtonsProps {
  listId: string;
  index: number;
  count: number;
  /** How the row is named to tell it from the others */
  name: string;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
  /** Where the focus goes once the row is removed */
  afterRemoveId: string;
  /** The list's `useMoveFocus`, which outlives a removed row */
  moveFocus: (find: () => HTMLElement | null) => void;
}

/**
 * Up, Down and Remove for one row of an ordered list. The focus stays on the button used as its
 * row moves; a button that cannot act says so with `aria-disabled`, so it keeps the focus too.
 */
export function OrderButtons(props: OrderButtonsProps) {
  const { listId, index, count, name, onMove, onRemove, afterRemoveId, moveFocus } = props;
  const move = (step: -1 | 1) => {
    const target = index + step;
    if (target < 0 || target >= count) return;
    onMove(step);
    moveFocus(() => document.getElementById(orderButtonId(listId, target, step < 0 ? 'up' : 'down')));
  };
  return (
    <div className="order-buttons">
      <button
        type="button"
        id={orderButtonId(listId, index, 'up')}
        className="button button-small"
        aria-label={`Move ${name} up`}
        aria-disabled={index === 0}
        onClick={() => move(-1)}
      >
        Up
      </button>
      <button
        type="button"
        id={orderButtonId(listId, index, 'down')}
        className="button button-small"
        aria-label={`Move ${name} down`}
        aria-disabled={index === count - 1}
        onClick={() => move(1)}
      >
        Down
      </button>
      <button
        type="button"
        id={orderButtonId(listId, index, 'remove')}
        className="button button-small button-danger-outline"
        aria-label={`Remove ${name}`}
        onClick={() => {
          onRemove();
          moveFocus(() => document.getElementById(afterRemoveId));
        }}
      >
        Remove
      </button>
    </div>
  );
}

interface OrderedRowsProps<T> {
  /** Names the rows' ids and the path of the list's own error: `options`, `stages` */
  list: string;
  rows: readonly T[];
  /** How a row is named to tell it from the others */
  nameOf: (row: T, index: number) => string;
  renderFields: (row: T, index: number) => ReactNode;
  /** With the paths whose errors go; none when rows moved or went, which moves every error's place */
  onRowsChange: (rows: T[], paths?: readonly string[]) => void;
  newRow: T;
  addLabel: string;
  /** The id of a row's first field, which takes the focus when the row is added */
  firstFieldId: (index: number) => string;
  error: string | undefined;
}

/** Rows of fields in order, each with Up, Down and Remove, and a button that adds one. */
export function OrderedRows<T>(props: OrderedRowsProps<T>) {
  const { list, rows, nameOf, renderFields, onRowsChange, newRow, addLabel, firstFieldId, error } = props;
  const moveFocus = useMoveFocus();
  const addId = `${list}-add`;
  return (
    <div className="settings-section">
      {rows.map((row, index) => {
        const name = nameOf(row, index);
        return (
          <div key={index} className="row-fields" role="group" aria-label={name}>
            {renderFields(row, index)}
            <OrderButtons
              listId={list}
              index={index}
              count={rows.length}
              name={name}
              moveFocus={moveFocus}
              afterRemoveId={addId}
              onMove={(step) => onRowsChange(moved(rows, index, step))}
              onRemove={() => onRowsChange(without(rows, index))}
            />
          </div>
        );
      })}
      <div>
        <button
          type="button"
          id={addId}
          className="button button-small"
          onClick={() => {
            onRowsChange([...rows, newRow], [list]);
            moveFocus(() => document.getElementById(firstFieldId(rows.length)));
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${list}-error` : undefined}
        >
          {addLabel}
        </button>
      </div>
      <FieldMessages id={list} error={error} />
    </div>
  );
}

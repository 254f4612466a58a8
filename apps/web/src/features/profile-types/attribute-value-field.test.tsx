// @vitest-environment happy-dom
import type { AttributeDataType } from '@tessera/domain';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AttributeValueField } from './attribute-value-field.tsx';
import { attributeDefinition } from './attribute-definition.testing.ts';
import { emptyDraft, type AttributeDefinition, type AttributeDraft } from './attribute-value.drafts.ts';

afterEach(cleanup);

const options = [
  { value: 'gold', label: 'Gold' },
  { value: 'silver', label: 'Silver' },
];

function definition(
  dataType: AttributeDataType,
  fields: Partial<AttributeDefinition> = {},
): AttributeDefinition {
  return attributeDefinition('value', dataType, { label: 'Value', options, ...fields });
}

interface HarnessProps {
  attribute: AttributeDefinition;
  onDraft?: (draft: AttributeDraft) => void;
  error?: string;
  isRequired?: boolean;
}

function Harness({ attribute, onDraft = vi.fn(), error, isRequired = false }: HarnessProps) {
  const [draft, setDraft] = useState(emptyDraft(attribute.dataType));
  return (
    <AttributeValueField
      id="attributes.value"
      definition={attribute}
      draft={draft}
      isRequired={isRequired}
      error={error}
      onDraftChange={(next) => {
        setDraft(next);
        onDraft(next);
      }}
    />
  );
}

function control(label: string): HTMLInputElement {
  return screen.getByLabelText<HTMLInputElement>(label);
}

describe('AttributeValueField', () => {
  it.each([
    ['text', 'INPUT', 'text'],
    ['email', 'INPUT', 'email'],
    ['phone', 'INPUT', 'tel'],
    ['url', 'INPUT', 'url'],
    ['date', 'INPUT', 'date'],
    ['date_time', 'INPUT', 'datetime-local'],
    ['number', 'INPUT', 'number'],
    ['integer', 'INPUT', 'number'],
    ['long_text', 'TEXTAREA', 'textarea'],
    ['json', 'TEXTAREA', 'textarea'],
    ['single_select', 'SELECT', 'select-one'],
    ['boolean', 'INPUT', 'checkbox'],
  ] as const)('gives a %s attribute a %s of type %s', (dataType, tagName, type) => {
    render(<Harness attribute={definition(dataType)} />);
    const field = dataType === 'boolean' ? control('Value') : control('Value (optional)');
    expect(field.tagName).toBe(tagName);
    expect(field.type).toBe(type);
    expect(field.id).toBe('attributes.value');
  });

  it('steps a whole number by one and bounds it by its rules', () => {
    render(<Harness attribute={definition('integer', { min: 1, max: 9 })} />);
    const field = control('Value (optional)');
    expect([field.step, field.min, field.max]).toEqual(['1', '1', '9']);
    expect(screen.getByText('From 1 to 9.')).toBeTruthy();
  });

  it('says a date and time is read in the browser’s time zone', () => {
    render(<Harness attribute={definition('date_time')} />);
    expect(
      screen.getByText(`In your time zone (${new Intl.DateTimeFormat().resolvedOptions().timeZone}).`),
    ).toBeTruthy();
  });

  it('offers a multi-select’s options as checkboxes, keeping the chosen ones in the options’ order', () => {
    const onDraft = vi.fn();
    render(<Harness attribute={definition('multi_select')} onDraft={onDraft} />);
    expect(screen.getByRole('group', { name: 'Value (optional)' })).toBeTruthy();
    fireEvent.click(control('Silver'));
    fireEvent.click(control('Gold'));
    expect(onDraft).toHaveBeenLastCalledWith(['gold', 'silver']);
    fireEvent.click(control('Silver'));
    expect(onDraft).toHaveBeenLastCalledWith(['gold']);
  });

  it('takes money as an amount and a currency', () => {
    const onDraft = vi.fn();
    render(<Harness attribute={definition('money')} onDraft={onDraft} />);
    fireEvent.change(control('Amount'), { target: { value: '12.50' } });
    fireEvent.change(control('Currency'), { target: { value: 'AUD' } });
    expect(onDraft).toHaveBeenLastCalledWith({ amount: '12.50', currency: 'AUD' });
  });

  it('reads out the error with the control and marks a required one', () => {
    render(<Harness attribute={definition('text')} error="Value must be text" isRequired />);
    const field = control('Value');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-required')).toBe('true');
    const described = (field.getAttribute('aria-describedby') ?? '').split(' ');
    expect(described.map((id) => document.getElementById(id)?.textContent)).toContain('Value must be text');
  });

  it('leaves a yes-or-no without a value until it is ticked', () => {
    const onDraft = vi.fn();
    render(<Harness attribute={definition('boolean')} onDraft={onDraft} />);
    expect(control('Value').checked).toBe(false);
    fireEvent.click(control('Value'));
    expect(onDraft).toHaveBeenLastCalledWith(true);
    fireEvent.click(control('Value'));
    expect(onDraft).toHaveBeenLastCalledWith(false);
  });
});

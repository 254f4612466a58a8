// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchCombobox, type ComboboxOption, type ComboboxStatus } from './search-combobox.tsx';

afterEach(cleanup);

const people: ComboboxOption[] = [
  { id: 'ada', label: 'Ada Lovelace', description: 'ada@example.com' },
  { id: 'adam', label: 'Adam Smith', description: null },
];

interface HarnessProps {
  options?: ComboboxOption[];
  status?: ComboboxStatus;
  onChoose?: (option: ComboboxOption) => void;
  onSubmitText?: (text: string) => void;
}

function Harness({ options = people, status = 'found', onChoose = vi.fn(), onSubmitText }: HarnessProps) {
  const [text, setText] = useState('');
  return (
    <SearchCombobox
      id="people"
      label="Search people"
      text={text}
      onTextChange={setText}
      options={options}
      status={status}
      noMatchText="No one matches."
      onChoose={onChoose}
      onSubmitText={onSubmitText}
    />
  );
}

function box(): HTMLInputElement {
  return screen.getByRole<HTMLInputElement>('combobox', { name: 'Search people' });
}

const press = (key: string) => fireEvent.keyDown(box(), { key });

function type(text: string) {
  fireEvent.focus(box());
  fireEvent.change(box(), { target: { value: text } });
}

function selectedOption(): string | null {
  const id = box().getAttribute('aria-activedescendant');
  return id === null ? null : (document.getElementById(id)?.textContent ?? null);
}

describe('SearchCombobox', () => {
  it('lists the matches once something is typed, and says how many', () => {
    render(<Harness />);
    expect(box().getAttribute('aria-expanded')).toBe('false');
    type('ada');
    expect(box().getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Ada Lovelaceada@example.com',
      'Adam Smith',
    ]);
    expect(screen.getByRole('status').textContent).toBe('2 matches');
  });

  it('moves through the matches with the arrow keys, round from either end', () => {
    render(<Harness />);
    type('ada');
    expect(selectedOption()).toBeNull();
    press('ArrowDown');
    expect(selectedOption()).toBe('Ada Lovelaceada@example.com');
    press('ArrowDown');
    expect(selectedOption()).toBe('Adam Smith');
    expect(screen.getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true');
    press('ArrowDown');
    expect(selectedOption()).toBe('Ada Lovelaceada@example.com');
    press('ArrowUp');
    expect(selectedOption()).toBe('Adam Smith');
  });

  it('chooses the match selected on Enter, and closes', () => {
    const onChoose = vi.fn();
    const onSubmitText = vi.fn();
    render(<Harness onChoose={onChoose} onSubmitText={onSubmitText} />);
    type('ada');
    press('ArrowDown');
    press('ArrowDown');
    press('Enter');
    expect(onChoose).toHaveBeenCalledWith(people[1]);
    expect(onSubmitText).not.toHaveBeenCalled();
    expect(box().getAttribute('aria-expanded')).toBe('false');
  });

  it('asks for the text itself on Enter with no match selected', () => {
    const onChoose = vi.fn();
    const onSubmitText = vi.fn();
    render(<Harness onChoose={onChoose} onSubmitText={onSubmitText} />);
    type(' smith ');
    press('Enter');
    expect(onSubmitText).toHaveBeenCalledWith('smith');
    expect(onChoose).not.toHaveBeenCalled();
  });

  it('chooses a match clicked', () => {
    const onChoose = vi.fn();
    render(<Harness onChoose={onChoose} />);
    type('ada');
    fireEvent.click(screen.getByRole('option', { name: /Adam Smith/ }));
    expect(onChoose).toHaveBeenCalledWith(people[1]);
  });

  it('closes the list on the first Escape and clears the text on the second', () => {
    render(<Harness />);
    type('ada');
    press('ArrowDown');
    press('Escape');
    expect(box().getAttribute('aria-expanded')).toBe('false');
    expect(box().getAttribute('aria-activedescendant')).toBeNull();
    expect(box().value).toBe('ada');
    press('Escape');
    expect(box().value).toBe('');
  });

  it('says when nothing matches, or while it searches', () => {
    const { rerender } = render(<Harness options={[]} status="searching" />);
    type('zz');
    expect(screen.getByRole('status').textContent).toBe('Searching…');
    rerender(<Harness options={[]} status="found" />);
    expect(screen.getByRole('status').textContent).toBe('No one matches.');
    expect(screen.queryAllByRole('option')).toEqual([]);
  });
});

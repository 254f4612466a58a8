import { useState, type KeyboardEvent } from 'react';
import { describedByOf, FieldMessages } from '../../ui/field-frame.tsx';

export interface ComboboxOption {
  id: string;
  label: string;
  /** A second line that tells options with the same label apart, such as an email */
  description?: string | null | undefined;
}

export type ComboboxStatus = 'idle' | 'searching' | 'failed' | 'found';

interface SearchComboboxProps {
  id: string;
  label: string;
  /** The label stays for assistive technology only, where a placeholder says what to type */
  isLabelHidden?: boolean;
  placeholder?: string;
  text: string;
  onTextChange: (text: string) => void;
  options: readonly ComboboxOption[];
  status: ComboboxStatus;
  /** What is said while nothing matches the text */
  noMatchText: string;
  onChoose: (option: ComboboxOption) => void;
  /** Enter with no option chosen: the text itself is what is asked for */
  onSubmitText?: (text: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  className?: string;
}

/**
 * A search box that lists what matches as the member types (the ARIA combobox pattern): the arrow
 * keys move through the matches, Enter opens the one chosen (or, given `onSubmitText`, searches
 * the text), Escape closes the list and, with the list closed, clears the box.
 */
export function SearchCombobox(props: SearchComboboxProps) {
  const { id, label, isLabelHidden = false, placeholder, text, onTextChange, options, status } = props;
  const { noMatchText, onChoose, onSubmitText, error, hint, className } = props;
  const [isOpen, setIsOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const listId = `${id}-options`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const isShown = isOpen && text.trim() !== '' && status !== 'idle';
  const active = isShown ? options[activeIndex] : undefined;

  function close() {
    setIsOpen(false);
    setActiveIndex(-1);
  }

  function choose(option: ComboboxOption) {
    close();
    onChoose(option);
  }

  function move(step: 1 | -1) {
    setIsOpen(true);
    if (options.length === 0) return;
    setActiveIndex((index) => {
      if (index === -1) return step === 1 ? 0 : options.length - 1;
      return (index + step + options.length) % options.length;
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        move(1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        move(-1);
        break;
      case 'Enter':
        event.preventDefault();
        if (active) choose(active);
        else if (onSubmitText && text.trim() !== '') {
          close();
          onSubmitText(text.trim());
        }
        break;
      case 'Escape':
        // Kept from a dialog around it, which would close on Escape too.
        event.preventDefault();
        event.stopPropagation();
        if (isShown) close();
        else onTextChange('');
        break;
      default:
        break;
    }
  }

  const statusText =
    status === 'searching' && options.length === 0
      ? 'Searching…'
      : status === 'failed'
        ? 'The search failed. Try again.'
        : status === 'found' && options.length === 0
          ? noMatchText
          : options.length === 1
            ? '1 match'
            : `${options.length} matches`;

  return (
    <div className={['field', 'combobox', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={isLabelHidden ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <div className="combobox-anchor">
        <input
          id={id}
          type="search"
          role="combobox"
          aria-expanded={isShown}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active ? optionId(activeIndex) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedByOf(id, error, hint)}
          value={text}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          onChange={(event) => {
            onTextChange(event.target.value);
            setIsOpen(true);
            setActiveIndex(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          className="combobox-options"
          hidden={!isShown || options.length === 0}
        >
          {isShown
            ? options.map((option, index) => (
                <li
                  key={option.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === activeIndex}
                  className="combobox-option"
                  // Chosen on click; the press must not take the focus from the box first.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(option)}
                >
                  <span className="combobox-option-label">{option.label}</span>
                  {option.description ? (
                    <span className="combobox-option-description">{option.description}</span>
                  ) : null}
                </li>
              ))
            : null}
        </ul>
        {isShown && options.length === 0 ? (
          <p className="combobox-options combobox-empty">{statusText}</p>
        ) : null}
      </div>
      <p className="visually-hidden" role="status">
        {isShown ? statusText : ''}
      </p>
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}

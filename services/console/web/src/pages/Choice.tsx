import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';

/**
 * A labelled single choice (React Aria's Select: a button that opens a list box; arrow keys, typeahead, Escape).
 * `value` '' is "nothing chosen yet", shown as `placeholder`.
 */
export function Choice({
  label,
  value,
  onChange,
  options,
  placeholder = `Choose ${label.toLowerCase()}`,
  isRequired = true,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: ReadonlyArray<{ id: string; name: string }>;
  placeholder?: string;
  isRequired?: boolean;
}) {
  return (
    <Select
      value={value === '' ? null : value}
      onChange={(key) => onChange(key === null ? '' : String(key))}
      isRequired={isRequired}
    >
      <Label>{label}</Label>
      <Button className="button secondary">
        <SelectValue>
          {({ isPlaceholder, defaultChildren }) => (isPlaceholder ? placeholder : defaultChildren)}
        </SelectValue>
        <span aria-hidden="true"> ▾</span>
      </Button>
      <Popover>
        <ListBox className="listbox">
          {options.map((option) => (
            <ListBoxItem key={option.id} id={option.id} className="listbox-item" textValue={option.name}>
              {option.name}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}

/** Options whose id is also what they show. */
export const plainOptions = (values: readonly string[]): Array<{ id: string; name: string }> =>
  values.map((id) => ({ id, name: id }));

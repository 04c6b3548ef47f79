/**
 * The values of a form's GCDS fields by name. GCDS inputs are form-associated custom elements,
 * but React sets their `name` as a property, not an attribute, so FormData does not see them;
 * their `name` and `value` properties are always right.
 */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of form.querySelectorAll<HTMLElement & { name?: string; value?: string }>('gcds-input, gcds-select, gcds-textarea, input, select, textarea')) {
    if (field.name) values[field.name] = field.value ?? '';
  }
  return values;
}

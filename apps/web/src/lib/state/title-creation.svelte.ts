import { describeError, type ErrorText } from '../i18n/errors.ts';

/**
 * The state of a "create X with a title" form (a workshop, a quick goal table): busy while the
 * request runs, the error to show, and the title just created for the confirmation.
 */
export class TitleCreation {
  busy = $state(false);
  failure = $state<ErrorText | null>(null);
  created = $state<string | null>(null);
  readonly #create: (title: string) => Promise<unknown>;

  constructor(create: (title: string) => Promise<unknown>) {
    this.#create = create;
  }

  /** For TitleForm's `onsubmit`: resolves true when created (the form then clears itself). */
  submit = async (title: string): Promise<boolean> => {
    this.created = null;
    if (!title) {
      this.failure = { key: 'error.titleRequired' };
      return false;
    }
    this.busy = true;
    this.failure = null;
    try {
      await this.#create(title);
      this.created = title;
      return true;
    } catch (error) {
      this.failure = describeError(error);
      return false;
    } finally {
      this.busy = false;
    }
  };
}
